import { describe, expect, it } from 'vitest';
import { carrierFixture } from '../fixtures.test-support.ts';
import { shippo } from './shippo.webhook.ts';

const now = new Date('2026-11-20T01:00:00Z');
const raw = carrierFixture('shippo', 'track-updated-ups-delivered.json');
const body = (payload: unknown) => Buffer.from(JSON.stringify(payload));

describe('Shippo webhook adapter', () => {
  it('takes the token from the URL, else X-Shippo-Token, else a bearer header; the first present decides', () => {
    const secret = 'tok_3f9a7c1e';
    expect(shippo.verify({}, raw, secret, { now, query: { token: secret } })).toBe('ok');
    expect(shippo.verify({ 'x-shippo-token': secret }, raw, secret, { now, query: {} })).toBe('ok');
    expect(shippo.verify({ authorization: `Bearer ${secret}` }, raw, secret, { now, query: {} })).toBe('ok');
    expect(shippo.verify({ 'x-shippo-token': secret }, raw, secret, { now, query: { token: 'wrong' } })).toBe('invalid');
    expect(shippo.verify({ authorization: `Basic ${secret}` }, raw, secret, { now, query: {} })).toBe('missing');
    expect(shippo.verify({}, raw, secret, { now, query: { token: secret.slice(0, -1) } })).toBe('invalid');
  });

  it('maps a delivered UPS track once per scan (the current status is also the last history entry)', () => {
    const { events } = shippo.parseWebhook({}, raw);
    expect(events.map((e) => e.substatus ?? e.status)).toEqual(['info_received', 'in_transit.picked_up', 'in_transit.departed_facility', 'out_for_delivery', 'delivered']);
    expect(events.map((e) => e.eventId?.replace('1Z999AA10123456784/', ''))).toEqual([
      '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6',
      '2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7',
      '3c4d5e6f7a8b49c0d1e2f3a4b5c6d7e8',
      '4d5e6f7a8b9c40d1e2f3a4b5c6d7e8f9',
      '9c1f4f6e2d8b4a7c9e0f1a2b3c4d5e6f',
    ]);
    expect(events[4]).toMatchObject({ carrier: 'ups', rawCode: 'DELIVERED/delivered', message: 'DELIVERED - FRONT DOOR', occurredAt: '2026-11-19T20:41:00.000Z', estimatedDelivery: '2026-11-19T23:59:00Z' });
  });

  it('adds a current status missing from the history and skips statuses without a date', () => {
    const { events } = shippo.parseWebhook(
      {},
      body({
        event: 'track_updated',
        data: {
          tracking_number: '1Z999AA10123456784',
          carrier: 'ups',
          tracking_status: { status: 'TRANSIT', substatus: { code: 'delivery_attempted' }, status_details: 'Receiver not in', status_date: '2026-11-19T18:00:00Z' },
          tracking_history: [{ status: 'UNKNOWN', status_date: null }],
        },
      }),
    );
    expect(events).toEqual([expect.objectContaining({ status: 'attempt_failed', rawCode: 'TRANSIT/delivery_attempted', occurredAt: '2026-11-19T18:00:00.000Z' })]);
  });

  it('acknowledges other events', () => {
    expect(shippo.parseWebhook({}, body({ event: 'transaction_created', data: {} })).ignored).toContain('transaction_created');
  });
});
