import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { carrierFixture } from '../fixtures.test-support.ts';
import { easypost, signEasyPost } from './easypost.webhook.ts';

const ctx = { now: new Date('2026-11-20T01:00:00Z'), query: {} };
const body = (payload: unknown) => Buffer.from(JSON.stringify(payload));

describe('EasyPost webhook adapter', () => {
  it('verifies hmac-sha256-hex over the raw body with the NFKD-normalised secret', () => {
    const raw = carrierFixture('easypost', 'tracker-updated-usps-weather.json');
    // Full-width letters normalise to ASCII under NFKD: EasyPost signs with the normalised secret.
    const stored = 'ｗｅｂｈｏｏｋ-ｓｅｃｒｅｔ';
    const header = 'hmac-sha256-hex=' + createHmac('sha256', 'webhook-secret').update(raw).digest('hex');
    expect(signEasyPost(raw, stored)).toBe(header);
    expect(easypost.verify({ 'x-hmac-signature': header }, raw, stored, ctx)).toBe('ok');
    expect(easypost.verify({ 'x-hmac-signature': header.replace('hmac-sha256-hex=', '') }, raw, stored, ctx)).toBe('invalid');
    expect(easypost.verify({ 'x-hmac-signature': 'hmac-sha256-hex=zz' }, raw, stored, ctx)).toBe('invalid');
  });

  it('maps a USPS tracker delayed by weather', () => {
    const { events } = easypost.parseWebhook({}, carrierFixture('easypost', 'tracker-updated-usps-weather.json'));
    expect(events.map((e) => e.substatus ?? e.status)).toEqual(['info_received.label_created', 'in_transit.picked_up', 'in_transit.departed_facility', 'in_transit.delayed']);
    expect(new Set(events.map((e) => e.carrier))).toEqual(new Set(['usps']));
    expect(events[3]).toMatchObject({
      trackingNumber: '9400111899223852411635',
      status: 'in_transit',
      rawCode: 'in_transit/weather_delay',
      occurredAt: '2026-11-18T14:10:00.000Z',
      location: { city: 'DENVER', region: 'CO', postalCode: '80266', country: 'US' },
      estimatedDelivery: '2026-11-21T00:00:00Z',
    });
    expect(events.slice(0, 3).every((e) => e.estimatedDelivery === undefined)).toBe(true);
  });

  it('acknowledges events other than tracker.created and tracker.updated, and trackers without details', () => {
    expect(easypost.parseWebhook({}, body({ object: 'Event', description: 'batch.updated', result: { object: 'Batch' } })).ignored).toContain('batch.updated');
    expect(easypost.parseWebhook({}, body({ object: 'Event', description: 'tracker.created', result: { tracking_code: 'EZ1000000001', tracking_details: [] } })).ignored).toBeTruthy();
  });
});
