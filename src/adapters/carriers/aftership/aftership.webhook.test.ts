import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { carrierFixture } from '../fixtures.test-support.ts';
import { aftership, signAfterShip } from './aftership.webhook.ts';

const ctx = { now: new Date('2026-11-20T01:00:00Z'), query: {} };
const body = (payload: unknown) => Buffer.from(JSON.stringify(payload));

describe('AfterShip webhook adapter', () => {
  it('signs as AfterShip documents it: base64 HMAC-SHA256 of the raw body', () => {
    const raw = carrierFixture('aftership', 'tracking-update-yamato.json');
    expect(signAfterShip(raw, 'k')).toBe(createHmac('sha256', 'k').update(raw).digest('base64'));
  });

  it('refuses a hex digest, a truncated one and one that is not base64', () => {
    const raw = carrierFixture('aftership', 'tracking-update-yamato.json');
    const good = signAfterShip(raw, 'k');
    expect(aftership.verify({ 'aftership-hmac-sha256': createHmac('sha256', 'k').update(raw).digest('hex') }, raw, 'k', ctx)).toBe('invalid');
    expect(aftership.verify({ 'aftership-hmac-sha256': good.slice(0, 20) }, raw, 'k', ctx)).toBe('invalid');
    expect(aftership.verify({ 'aftership-hmac-sha256': 'not base64!' }, raw, 'k', ctx)).toBe('invalid');
    expect(aftership.verify({ 'aftership-hmac-sha256': [good, 'x'] }, raw, 'k', ctx)).toBe('ok');
  });

  it('maps a Yamato (taqbin-jp) delivery: carrier, statuses, ids, places, and the estimate on the newest scan', () => {
    const { events } = aftership.parseWebhook({}, carrierFixture('aftership', 'tracking-update-yamato.json'));
    expect(events.map((e) => [e.status, e.substatus ?? null])).toEqual([
      ['info_received', null],
      ['in_transit', 'in_transit.departed_facility'],
      ['in_transit', 'in_transit.arrived_at_facility'],
      ['out_for_delivery', null],
      ['delivered', null],
    ]);
    expect(new Set(events.map((e) => e.carrier))).toEqual(new Set(['yamato']));
    expect(events[0]).toMatchObject({
      trackingNumber: '432109876542',
      rawCode: 'InfoReceived/InfoReceived_001',
      message: '荷物受付',
      occurredAt: '2026-11-18T01:12:00.000Z',
      eventId: '432109876542/cp_01JD4Q8W2Y7R',
      location: { facility: '京都南営業所', city: '京都市', region: '京都府', postalCode: '601-8037', country: 'JP' },
    });
    expect(events.map((e) => e.estimatedDelivery ?? null)).toEqual([null, null, null, null, '2026-11-19']);
  });

  it('reads a zone-less Japanese checkpoint time as JST and leaves an unknown courier without a carrier', () => {
    const { events } = aftership.parseWebhook({}, carrierFixture('aftership', 'unknown-codes.json'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ occurredAt: '2026-11-20T00:15:00.000Z', rawCode: 'Relabelled/Relabelled_042' });
    expect(events[0]?.carrier).toBeUndefined();
  });

  it('reads the field names of newer API versions', () => {
    const { events } = aftership.parseWebhook(
      {},
      body({
        event: 'tracking_update',
        msg: {
          tracking_number: '1Z999AA10123456784',
          slug: 'ups',
          courier_estimated_delivery_date: { estimated_delivery_date: '2026-11-21' },
          checkpoints: [
            { hash: 'h-1', checkpoint_time: '2026-11-19T07:00:00-06:00', tag: 'AttemptFail', subtag: 'AttemptFail_002', message: 'Receiver not available', postal_code: '78701', country_region: 'USA', city: 'Austin' },
          ],
        },
      }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        carrier: 'ups',
        status: 'attempt_failed',
        substatus: 'attempt_failed.no_one_home',
        occurredAt: '2026-11-19T13:00:00.000Z',
        eventId: '1Z999AA10123456784/h-1',
        location: { city: 'Austin', postalCode: '78701', country: 'US' },
        estimatedDelivery: '2026-11-21',
      }),
    ]);
  });

  it('acknowledges events without scans and trackings without checkpoints', () => {
    expect(aftership.parseWebhook({}, body({ event: 'tracking_pending_time', msg: { anything: true } }))).toEqual({ events: [], ignored: expect.stringContaining('tracking_pending_time') });
    expect(aftership.parseWebhook({}, body({ event: 'tracking_update', msg: { tracking_number: '432109876542', checkpoints: [] } })).ignored).toBeTruthy();
  });
});
