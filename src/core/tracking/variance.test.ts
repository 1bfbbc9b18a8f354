import { describe, expect, it } from 'vitest';
import type { Shipment } from '../shipment/shipment.types.ts';
import { deliveredEarly, estimateMove, nextAttention, stalledAt, timerStillHolds, timersFor, zonedInstant, type VarianceSettings } from './variance.ts';

const JP: VarianceSettings = { timeZone: 'Asia/Tokyo', calendar: 'JP', stalledAfterHours: 72, tomorrowHour: 17, todayHour: 8 };
const US: VarianceSettings = { timeZone: 'America/New_York', calendar: 'US', stalledAfterHours: 72, tomorrowHour: 17, todayHour: 8 };

const shipment = (over: Partial<Shipment> = {}): Shipment => ({
  id: 'shp_1',
  storeId: 'sto_1',
  orderId: 'ord_1',
  source: 'api',
  externalId: null,
  carrier: 'yamato',
  service: null,
  trackingNumber: '400000000013',
  trackingUrl: null,
  status: 'in_transit',
  substatus: null,
  items: [],
  shippedAt: '2026-11-18T00:00:00.000Z',
  deliveredAt: null,
  promisedDate: null,
  carrierEstimate: null,
  estimatedDelivery: null,
  lastEventAt: '2026-11-18T09:00:00.000Z',
  attention: null,
  cancelled: false,
  createdAt: '2026-11-18T00:00:00.000Z',
  updatedAt: '2026-11-18T00:00:00.000Z',
  ...over,
});

describe('variance timers', () => {
  it('turns local wall-clock times into instants, across zones and DST', () => {
    expect(zonedInstant('2026-11-20', 17, 'Asia/Tokyo')).toBe('2026-11-20T08:00:00.000Z');
    expect(zonedInstant('2026-07-01', 8, 'America/New_York')).toBe('2026-07-01T12:00:00.000Z');
    expect(zonedInstant('2026-12-01', 8, 'America/New_York')).toBe('2026-12-01T13:00:00.000Z');
  });

  it('counts a stall in days the carrier moves', () => {
    // Yamato works every day: 72 h after a Friday scan is Monday.
    expect(stalledAt('2026-11-20T03:00:00.000Z', 'yamato', JP)).toBe('2026-11-23T03:00:00.000Z');
    // UPS does not move at weekends: a Friday scan stalls on Wednesday (Thanksgiving is later).
    expect(stalledAt('2026-11-13T15:00:00.000Z', 'ups', US)).toBe('2026-11-18T15:00:00.000Z');
    // …and not on Thanksgiving (2026-11-26) either.
    expect(stalledAt('2026-11-24T15:00:00.000Z', 'ups', US)).toBe('2026-11-30T15:00:00.000Z');
  });

  it('schedules stall, delay and arrival timers from the estimate', () => {
    const s = shipment({ carrierEstimate: '2026-11-21' });
    const t = Object.fromEntries(timersFor(s, JP).map((x) => [x.kind, x]));
    expect(t.stalled).toEqual({ kind: 'stalled', runAt: '2026-11-21T09:00:00.000Z', cause: '2026-11-18T09:00:00.000Z' });
    expect(t.delayed).toEqual({ kind: 'delayed', runAt: '2026-11-21T15:00:00.000Z', cause: '2026-11-21' });
    expect(t.arriving_tomorrow!.runAt).toBe('2026-11-20T08:00:00.000Z');
    expect(t.arriving_today!.runAt).toBe('2026-11-20T23:00:00.000Z');
  });

  it('has no arrival timers for a range or a troubled parcel, and none at all once done', () => {
    const range = shipment({ estimatedDelivery: { earliest: '2026-11-21', latest: '2026-11-23', confidence: 0.8, source: 'history' } });
    expect(timersFor(range, JP).map((t) => t.kind).sort()).toEqual(['delayed', 'stalled']);
    expect(timersFor(shipment({ carrierEstimate: '2026-11-21', status: 'exception' }), JP).map((t) => t.kind).sort()).toEqual(['delayed', 'stalled']);
    expect(timersFor(shipment({ status: 'delivered' }), JP)).toEqual([]);
    expect(timersFor(shipment({ cancelled: true }), JP)).toEqual([]);
  });

  it('fires a timer only while its cause still stands', () => {
    const s = shipment({ carrierEstimate: '2026-11-21' });
    expect(timerStillHolds('stalled', '2026-11-18T09:00:00.000Z', s, JP)).toBe(true);
    expect(timerStillHolds('stalled', '2026-11-18T09:00:00.000Z', { ...s, lastEventAt: '2026-11-19T00:00:00.000Z' }, JP)).toBe(false);
    expect(timerStillHolds('delayed', '2026-11-21', s, JP)).toBe(true);
    expect(timerStillHolds('delayed', '2026-11-21', { ...s, carrierEstimate: '2026-11-22' }, JP)).toBe(false);
    expect(timerStillHolds('arriving_today', '2026-11-21', { ...s, status: 'delivered' }, JP)).toBe(false);
  });

  it('tells a later estimate from an earlier one', () => {
    expect(estimateMove({ latest: '2026-11-21' }, { latest: '2026-11-23' })).toEqual({ kind: 'delayed', from: '2026-11-21', to: '2026-11-23' });
    expect(estimateMove({ latest: '2026-11-21' }, { latest: '2026-11-20' })).toEqual({ kind: 'early', from: '2026-11-21', to: '2026-11-20' });
    expect(estimateMove(null, { latest: '2026-11-20' })).toBeNull();
    expect(estimateMove({ latest: '2026-11-20' }, { latest: '2026-11-20' })).toBeNull();
  });

  it('knows an early delivery in the shopper’s zone', () => {
    expect(deliveredEarly('2026-11-19T16:00:00.000Z', { earliest: '2026-11-20' }, 'Asia/Tokyo')).toBe(false); // 01:00 on the 20th in Tokyo
    expect(deliveredEarly('2026-11-19T10:00:00.000Z', { earliest: '2026-11-20' }, 'Asia/Tokyo')).toBe(true);
  });

  it('keeps the attention reason that matters', () => {
    const at = '2026-11-20T00:00:00.000Z';
    expect(nextAttention(null, 'attempt_failed', at)).toEqual({ reason: 'attempt_failed', since: at });
    expect(nextAttention({ reason: 'stalled', since: at }, 'in_transit', '2026-11-21T00:00:00.000Z')).toBeNull();
    expect(nextAttention({ reason: 'delayed', since: at }, 'out_for_delivery', '2026-11-21T00:00:00.000Z')).toEqual({ reason: 'delayed', since: at });
    expect(nextAttention({ reason: 'exception', since: at }, 'exception', '2026-11-21T00:00:00.000Z')).toEqual({ reason: 'exception', since: at });
    expect(nextAttention({ reason: 'delayed', since: at }, 'delivered', '2026-11-21T00:00:00.000Z')).toBeNull();
  });
});
