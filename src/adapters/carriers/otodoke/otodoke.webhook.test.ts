import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { carrierFixture } from '../fixtures.test-support.ts';
import { OTODOKE_TOLERANCE_SECONDS, otodoke, signOtodoke } from './otodoke.webhook.ts';

const raw = carrierFixture('otodoke', 'sagawa-feed.json');
const secret = 'otk_9d8c7b6a';
const t0 = 1_763_600_000;
const at = (seconds: number) => ({ now: new Date(seconds * 1000), query: {} });
const verify = (signature: string, now: number) => otodoke.verify({ 'x-otodoke-signature': signature }, raw, secret, at(now));

describe('Otodoke canonical feed adapter', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256', () => {
    const hex = createHmac('sha256', secret).update(`${t0}.`).update(raw).digest('hex');
    expect(signOtodoke(raw, secret, t0)).toBe(`t=${t0},v1=${hex}`);
  });

  it('accepts a timestamp up to five minutes either side of the clock, and nothing further', () => {
    const sig = signOtodoke(raw, secret, t0);
    expect(verify(sig, t0)).toBe('ok');
    expect(verify(sig, t0 + OTODOKE_TOLERANCE_SECONDS)).toBe('ok');
    expect(verify(sig, t0 + OTODOKE_TOLERANCE_SECONDS + 1)).toBe('invalid');
    expect(verify(sig, t0 - OTODOKE_TOLERANCE_SECONDS - 1)).toBe('invalid');
  });

  it('binds the timestamp: a fresh t with an old v1 does not verify', () => {
    const old = signOtodoke(raw, secret, t0 - 3600);
    const v1 = old.split('v1=')[1];
    expect(verify(`t=${t0},v1=${v1}`, t0)).toBe('invalid');
  });

  it('accepts any of several v1 signatures (secret rotation) and refuses malformed headers', () => {
    const good = signOtodoke(raw, secret, t0).split('v1=')[1];
    expect(verify(`t=${t0},v1=${'0'.repeat(64)},v1=${good}`, t0)).toBe('ok');
    expect(verify(`v1=${good}`, t0)).toBe('invalid');
    expect(verify(`t=soon,v1=${good}`, t0)).toBe('invalid');
    expect(verify(`t=${t0}`, t0)).toBe('invalid');
  });

  it('passes canonical scans through and maps canonical codes or Japanese words', () => {
    const { events } = otodoke.parseWebhook({}, raw);
    expect(events).toHaveLength(4);
    expect(events[3]).toMatchObject({ status: 'attempt_failed', substatus: 'attempt_failed.notice_left', eventId: 'sgw-360123456781-0004' });
    expect(otodoke.mapStatus('delivered.neighbor')).toEqual({ status: 'delivered', substatus: 'delivered.neighbor', raw: 'delivered.neighbor' });
    expect(otodoke.mapStatus('in_transit')).toEqual({ status: 'in_transit', raw: 'in_transit' });
    expect(otodoke.mapStatus('配達完了')?.status).toBe('delivered');
  });
});
