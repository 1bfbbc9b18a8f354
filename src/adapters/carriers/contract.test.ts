import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/shared/errors.ts';
import { SHIPMENT_STATUSES } from '../../core/tracking/statuses.ts';
import { TrackingEventInputSchema } from '../../core/tracking/tracking-event.ts';
import { carrierFixture as fixture, signDelivery, type SignedDelivery as Signed } from './fixtures.test-support.ts';
import { carrierWebhookAdapter, listCarrierWebhookAdapters } from './registry.ts';
import type { CarrierWebhookProvider, VerifyContext } from './types.ts';

/**
 * The contract every carrier-webhook adapter passes with its recorded fixtures: a delivery signed
 * the provider's way verifies, a tampered or unsigned one does not, and a verified delivery becomes
 * canonical scans (unknown codes give scans without a status, never an error).
 */

interface Kit {
  /** Fixtures whose scans carry canonical statuses. */
  fixtures: string[];
  /** A fixture whose codes the provider's mapper does not know. */
  unknownCodes: string;
  /** The delivery as an attacker would alter it: the body (signatures cover it) or the token. */
  tamper(raw: Buffer, signed: Signed): { raw: Buffer; signed: Signed };
  /** A body of the right event type that does not fit the provider's shape, and the path named. */
  malformed: { body: unknown; path: string };
}

/** Changes one digit of the body (the last one): still valid JSON, no longer what was signed. */
function alterBody(raw: Buffer, signed: Signed) {
  const text = raw.toString('utf8');
  const i = text.search(/\d(?=\D*$)/);
  return { raw: Buffer.from(text.slice(0, i) + String((Number(text[i]) + 1) % 10) + text.slice(i + 1), 'utf8'), signed };
}

const KITS: Record<CarrierWebhookProvider, Kit> = {
  aftership: {
    fixtures: ['tracking-update-yamato.json'],
    unknownCodes: 'unknown-codes.json',
    tamper: alterBody,
    malformed: { body: { event: 'tracking_update', msg: { tracking_number: '432109876542', checkpoints: [{ checkpoint_time: 'yesterday', tag: 'InTransit' }] } }, path: 'msg.checkpoints.0.checkpoint_time' },
  },
  easypost: {
    fixtures: ['tracker-updated-usps-weather.json'],
    unknownCodes: 'unknown-codes.json',
    tamper: alterBody,
    malformed: { body: { object: 'Event', description: 'tracker.updated', result: { object: 'Tracker', tracking_details: [] } }, path: 'result.tracking_code' },
  },
  shippo: {
    fixtures: ['track-updated-ups-delivered.json'],
    unknownCodes: 'unknown-codes.json',
    // A token does not cover the body (see shippo.webhook.ts): what an attacker can alter is the token.
    tamper: (raw, signed) => ({ raw, signed: { ...signed, query: { token: `${signed.query.token ?? ''}x` } } }),
    malformed: { body: { event: 'track_updated', data: { tracking_number: '1Z999AA10123456784', tracking_history: [{ status: 'TRANSIT', status_date: 'soon' }] } }, path: 'data.tracking_history.0.status_date' },
  },
  '17track': {
    fixtures: ['tracking-updated-japan-post-ems.json'],
    unknownCodes: 'unknown-codes.json',
    tamper: alterBody,
    malformed: { body: { event: 'TRACKING_UPDATED', data: { carrier: 4, track_info: null } }, path: 'data.number' },
  },
  otodoke: {
    fixtures: ['sagawa-feed.json'],
    unknownCodes: 'unknown-codes.json',
    tamper: alterBody,
    malformed: { body: { events: [{ trackingNumber: '360123456781', occurredAt: 'yesterday' }] }, path: 'events.0.occurredAt' },
  },
};

const NOW = new Date('2026-11-20T01:00:00.000Z');
const SECRET = 'whsec_contract_0123456789abcdef';
const ctx = (query: Record<string, string> = {}): VerifyContext => ({ now: NOW, query });

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('carrier webhook adapters: the registry', () => {
  it('has a contract kit for every adapter, and finds each by its name', () => {
    const names = listCarrierWebhookAdapters().map((a) => a.name);
    expect(names).toEqual(['aftership', 'easypost', 'shippo', '17track', 'otodoke']);
    expect(Object.keys(KITS).sort()).toEqual([...names].sort());
    for (const name of names) expect(carrierWebhookAdapter(name)?.name).toBe(name);
    expect(carrierWebhookAdapter('fedex')).toBeUndefined();
    expect(carrierWebhookAdapter('__proto__')).toBeUndefined();
  });
});

for (const adapter of listCarrierWebhookAdapters()) {
  const kit = KITS[adapter.name];

  describe(`carrier webhook contract: ${adapter.name}`, () => {
    it.each(kit.fixtures)('verifies %s signed with the store secret', (name) => {
      const raw = fixture(adapter.name, name);
      const signed = signDelivery(adapter.name, raw, SECRET, NOW);
      expect(adapter.verify(signed.headers, raw, SECRET, ctx(signed.query))).toBe('ok');
    });

    it('refuses a tampered delivery, another secret, no signature, and cannot verify without a secret', () => {
      const raw = fixture(adapter.name, kit.fixtures[0] ?? '');
      const signed = signDelivery(adapter.name, raw, SECRET, NOW);
      const tampered = kit.tamper(raw, signed);
      expect(tampered.raw.equals(raw) && JSON.stringify(tampered.signed) === JSON.stringify(signed)).toBe(false);
      expect(adapter.verify(tampered.signed.headers, tampered.raw, SECRET, ctx(tampered.signed.query))).toBe('invalid');
      const other = signDelivery(adapter.name, raw, 'another-store-secret-9876', NOW);
      expect(adapter.verify(other.headers, raw, SECRET, ctx(other.query))).toBe('invalid');
      expect(adapter.verify({}, raw, SECRET, ctx())).toBe('missing');
      expect(adapter.verify(signed.headers, raw, undefined, ctx(signed.query))).toBe('unsigned');
    });

    it.each(kit.fixtures)('turns %s into canonical scans', (name) => {
      const { events, ignored } = adapter.parseWebhook({}, fixture(adapter.name, name));
      expect(ignored).toBeUndefined();
      expect(events.length).toBeGreaterThanOrEqual(1);
      expect(events.some((e) => e.status !== undefined && (SHIPMENT_STATUSES as readonly string[]).includes(e.status))).toBe(true);
      for (const e of events) {
        expect(TrackingEventInputSchema.safeParse(e).success).toBe(true);
        expect(e.trackingNumber.trim()).not.toBe('');
        expect(e.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
        expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
        if (e.substatus !== undefined) expect(e.substatus.startsWith(`${e.status}.`)).toBe(true);
      }
    });

    it('gives scans without a status for codes it does not know, keeping the raw code', () => {
      const { events } = adapter.parseWebhook({}, fixture(adapter.name, kit.unknownCodes));
      expect(events.length).toBeGreaterThanOrEqual(1);
      for (const e of events) {
        expect(e.status).toBeUndefined();
        expect(e.substatus).toBeUndefined();
        expect(e.rawCode).toBeTruthy();
        expect(TrackingEventInputSchema.safeParse(e).success).toBe(true);
      }
      expect(adapter.mapStatus('NoSuchCode', 'NoSuchCode_999')).toBeNull();
    });

    it('names the field of a body that does not fit the provider shape, and refuses a body that is not JSON', () => {
      const bad = thrown(() => adapter.parseWebhook({}, Buffer.from(JSON.stringify(kit.malformed.body))));
      expect(bad.code).toBe('VALIDATION_FAILED');
      expect((bad.details.issues as { path: string }[]).map((i) => i.path)).toContain(kit.malformed.path);
      expect(thrown(() => adapter.parseWebhook({}, Buffer.from('{"event": '))).code).toBe('INVALID_JSON');
    });
  });
}
