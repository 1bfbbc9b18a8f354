import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/shared/errors.ts';
import { carrierFixture } from '../fixtures.test-support.ts';
import { sign17Track, track17 } from './17track.webhook.ts';

const ctx = { now: new Date('2026-11-20T01:00:00Z'), query: {} };
const raw = carrierFixture('17track', 'tracking-updated-japan-post-ems.json');
const body = (payload: unknown) => Buffer.from(JSON.stringify(payload));

describe('17TRACK webhook adapter', () => {
  it('signs as SHA-256 of "<raw body>/<key>", lowercase hex', () => {
    const expected = createHash('sha256').update(`${raw.toString('utf8')}/k-17`).digest('hex');
    expect(sign17Track(raw, 'k-17')).toBe(expected);
    expect(track17.verify({ sign: expected }, raw, 'k-17', ctx)).toBe('ok');
    expect(track17.verify({ sign: createHash('sha256').update(`${raw.toString('utf8')}k-17`).digest('hex') }, raw, 'k-17', ctx)).toBe('invalid');
  });

  it('maps a Japan Post EMS parcel across both carriers, without a carrier code, estimate on the newest scan', () => {
    const { events } = track17.parseWebhook({}, raw);
    expect(events.map((e) => [e.message, e.substatus ?? e.status])).toEqual([
      ['引受', 'in_transit.picked_up'],
      ['国際交換局から発送', 'in_transit.departed_facility'],
      ['Arrival at inward office of exchange', 'in_transit.arrived_at_facility'],
      ['Customs Clearance Processing Complete', 'in_transit.customs_cleared'],
      ['Out for Delivery', 'out_for_delivery'],
    ]);
    expect(events.every((e) => e.carrier === undefined && e.trackingNumber === 'EJ123456785JP')).toBe(true);
    expect(events[0]).toMatchObject({ occurredAt: '2026-11-16T02:20:00.000Z', rawCode: 'PickedUp/InTransit_PickedUp', location: { facility: '東京中央郵便局', city: '千代田区', region: '東京都', postalCode: '100-8994', country: 'JP' } });
    expect(events.map((e) => e.estimatedDelivery ?? null)).toEqual([null, null, null, null, '2026-11-20T00:00:00-05:00']);
  });

  it('maps a milestone stage without a sub-status, and reads a zone-less Japanese time as JST', () => {
    const event = (extra: object) => body({ event: 'TRACKING_UPDATED', data: { number: 'EJ123456785JP', track_info: { tracking: { providers: [{ events: [{ description: 'x', ...extra }] }] } } } });
    expect(track17.parseWebhook({}, event({ time_utc: '2026-11-16T02:20:00Z', stage: 'PickedUp', sub_status: null })).events[0]).toMatchObject({ status: 'in_transit', substatus: 'in_transit.picked_up' });
    expect(track17.parseWebhook({}, event({ time_utc: '2026-11-16T02:20:00Z', stage: 'Returned' })).events[0]).toMatchObject({ status: 'return_to_sender', substatus: 'return_to_sender.returned' });
    expect(track17.parseWebhook({}, carrierFixture('17track', 'unknown-codes.json')).events[0]).toMatchObject({ occurredAt: '2026-11-20T00:30:00.000Z' });
    try {
      track17.parseWebhook({}, event({ stage: 'PickedUp' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details.issues).toEqual([expect.objectContaining({ path: 'data.track_info.tracking.providers.0.events.0.time_iso' })]);
    }
  });

  it('acknowledges TRACKING_STOPPED and other events', () => {
    expect(track17.parseWebhook({}, carrierFixture('17track', 'tracking-stopped.json'))).toEqual({ events: [], ignored: '17TRACK stopped tracking this number' });
    expect(track17.parseWebhook({}, body({ event: 'SOMETHING_NEW', data: {} })).ignored).toContain('SOMETHING_NEW');
  });
});
