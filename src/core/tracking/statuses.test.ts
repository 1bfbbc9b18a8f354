import { describe, expect, it } from 'vitest';
import {
  PROGRESS_MAX,
  SHIPMENT_STATUSES,
  SHIPMENT_SUBSTATUSES,
  STATUS_LABELS,
  SUBSTATUS_LABELS,
  isOffPath,
  isShipmentStatus,
  isShipmentSubstatus,
  isTerminal,
  progressRank,
  shipmentStatusSchema,
  shipmentSubstatusSchema,
  statusLabel,
  statusOfSubstatus,
} from './statuses.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

describe('canonical statuses', () => {
  it('lists the ten statuses of the design, in journey order', () => {
    expect(SHIPMENT_STATUSES).toEqual([
      'pending',
      'info_received',
      'in_transit',
      'out_for_delivery',
      'attempt_failed',
      'available_for_pickup',
      'delivered',
      'exception',
      'return_to_sender',
      'expired',
    ]);
  });

  it('validates statuses with zod and the type guard', () => {
    expect(shipmentStatusSchema.parse('delivered')).toBe('delivered');
    expect(shipmentStatusSchema.safeParse('shipped').success).toBe(false);
    expect(isShipmentStatus('in_transit')).toBe(true);
    expect(isShipmentStatus('Delivered')).toBe(false);
    expect(isShipmentStatus(3)).toBe(false);
  });

  it('writes substatuses as status.detail and knows their status', () => {
    for (const sub of [
      'delivered.neighbor',
      'delivered.locker',
      'delivered.mailbox',
      'exception.damaged',
      'exception.lost',
      'exception.weather',
      'exception.address',
      'in_transit.delayed',
      'in_transit.customs',
      'attempt_failed.no_one_home',
      'return_to_sender.returned',
    ]) {
      expect(isShipmentSubstatus(sub)).toBe(true);
      expect(shipmentSubstatusSchema.safeParse(sub).success).toBe(true);
    }
    expect(isShipmentSubstatus('delivered.moon')).toBe(false);
    expect(shipmentSubstatusSchema.safeParse('delivered').success).toBe(false);
    expect(statusOfSubstatus('attempt_failed.no_one_home')).toBe('attempt_failed');
    for (const sub of SHIPMENT_SUBSTATUSES) {
      expect(SHIPMENT_STATUSES).toContain(statusOfSubstatus(sub));
      expect(sub.startsWith(`${statusOfSubstatus(sub)}.`)).toBe(true);
    }
  });

  it('has a Japanese and an English label for every status and substatus', () => {
    const labels = [...Object.values(STATUS_LABELS), ...Object.values(SUBSTATUS_LABELS)];
    expect(labels).toHaveLength(SHIPMENT_STATUSES.length + SHIPMENT_SUBSTATUSES.length);
    for (const label of labels) {
      expect(label.ja).toMatch(JAPANESE);
      expect(label.en).toMatch(/^[A-Z][\w ,'-]+$/);
    }
    expect(STATUS_LABELS.out_for_delivery.ja).toBe('配達中');
    expect(STATUS_LABELS.delivered.ja).toBe('お届け済み');
    expect(SUBSTATUS_LABELS['attempt_failed.no_one_home'].ja).toBe('ご不在のため持ち帰り');
  });

  it('gives distinct labels within each status', () => {
    for (const status of SHIPMENT_STATUSES) {
      const own = SHIPMENT_SUBSTATUSES.filter((s) => statusOfSubstatus(s) === status).map((s) => SUBSTATUS_LABELS[s].ja);
      expect(new Set([...own, STATUS_LABELS[status].ja]).size).toBe(own.length + 1);
    }
  });

  it('picks the substatus label only when it belongs to the status', () => {
    expect(statusLabel('delivered', 'delivered.locker', 'ja')).toBe('宅配ボックスへお届け済み');
    expect(statusLabel('delivered', 'delivered.locker', 'en')).toBe('Delivered to a parcel box');
    expect(statusLabel('delivered', undefined, 'en')).toBe('Delivered');
    expect(statusLabel('in_transit', 'delivered.locker', 'ja')).toBe('輸送中');
  });
});

describe('progress rank', () => {
  it('runs from pending (0) to delivered (max)', () => {
    expect(progressRank('pending')).toBe(0);
    expect(progressRank('delivered')).toBe(PROGRESS_MAX);
    for (const s of SHIPMENT_STATUSES) {
      if (s !== 'delivered') expect(progressRank(s)).toBeLessThan(PROGRESS_MAX);
    }
  });

  it('orders the happy path strictly', () => {
    const path = ['pending', 'info_received', 'in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered'] as const;
    for (let i = 1; i < path.length; i++) expect(progressRank(path[i]!)).toBeGreaterThan(progressRank(path[i - 1]!));
  });

  it('flags off-path statuses', () => {
    expect(isOffPath('exception')).toBe(true);
    expect(isOffPath('return_to_sender')).toBe(true);
    expect(isOffPath('attempt_failed')).toBe(true);
    expect(isOffPath('out_for_delivery')).toBe(false);
    expect(isOffPath('delivered')).toBe(false);
  });
});

describe('terminal statuses', () => {
  it('ends tracking at delivery, return and expiry', () => {
    expect(isTerminal('delivered')).toBe(true);
    expect(isTerminal('return_to_sender')).toBe(true);
    expect(isTerminal('expired')).toBe(true);
    expect(isTerminal('in_transit')).toBe(false);
    expect(isTerminal('attempt_failed')).toBe(false);
    expect(isTerminal('available_for_pickup')).toBe(false);
  });

  it('ends tracking for lost, cancelled and disposed parcels only among exceptions', () => {
    expect(isTerminal('exception')).toBe(false);
    expect(isTerminal('exception', 'exception.damaged')).toBe(false);
    expect(isTerminal('exception', 'exception.lost')).toBe(true);
    expect(isTerminal('exception', 'exception.cancelled')).toBe(true);
    expect(isTerminal('exception', 'exception.disposed')).toBe(true);
  });
});
