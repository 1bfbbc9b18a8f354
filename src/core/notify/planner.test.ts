import { describe, expect, it } from 'vitest';
import { JourneyRuleSchema, type JourneyRuleInput } from './journey.ts';
import { afterQuietHours, planMessages, triggerForEvent, type PlanCustomer, type PlanFacts, type PlanInput, type PlannedMessage } from './planner.ts';
import { TRIGGERS, type Trigger } from './triggers.ts';

// 2026-05-01 12:00 in Tokyo: outside quiet hours.
const NOON_JST = '2026-05-01T03:00:00.000Z';

const rule = (over: Partial<JourneyRuleInput> = {}) => JourneyRuleSchema.parse({ enabled: true, channels: ['line', 'sms', 'email'], quietHours: null, ...over });

const FACTS: PlanFacts = {
  orderTotal: 12000,
  currency: 'JPY',
  productTags: ['ceramics', 'gift'],
  deliveryMethod: 'ship',
  locale: 'ja',
  customerTier: 'gold',
  hadException: false,
  timeZone: 'Asia/Tokyo',
};

const CUSTOMER: PlanCustomer = {
  email: 'hanako@example.jp',
  phone: '+819012345678',
  lineUserId: 'U0123456789abcdef',
  consents: { email: true, sms: true, line: true, marketing: false },
  unsubscribed: [],
};

interface Over {
  trigger?: Trigger;
  rule?: Partial<JourneyRuleInput>;
  facts?: Partial<PlanFacts>;
  customer?: Partial<PlanCustomer>;
  occurredAt?: string;
  now?: string;
  orderId?: string;
  shipmentId?: string | null;
  step?: string | number;
  sentToday?: number;
  alreadyPlannedKeys?: string[];
  caps?: PlanInput['caps'];
  digest?: PlanInput['digest'];
}

function makeInput(o: Over = {}): PlanInput {
  const trigger = o.trigger ?? 'order.confirmed';
  const occurredAt = o.occurredAt ?? NOON_JST;
  return {
    event: {
      storeId: 'sto_1',
      type: trigger,
      occurredAt,
      orderId: o.orderId ?? 'ord_1',
      shipmentId: o.shipmentId === undefined ? (trigger.startsWith('shipment.') ? 'shp_1' : null) : o.shipmentId,
      customerId: 'cus_1',
    },
    trigger,
    ...(o.step !== undefined && { step: o.step }),
    rule: rule(o.rule),
    facts: { ...FACTS, ...o.facts },
    customer: { ...CUSTOMER, ...o.customer, consents: { ...CUSTOMER.consents, ...o.customer?.consents } },
    now: o.now ?? occurredAt,
    history: { sentToday: o.sentToday ?? 0, alreadyPlannedKeys: o.alreadyPlannedKeys ?? [] },
    ...(o.caps && { caps: o.caps }),
    ...(o.digest && { digest: o.digest }),
  };
}

function one(o: Over = {}): PlannedMessage {
  const plan = planMessages(makeInput(o));
  expect(plan.suppressed).toEqual([]);
  expect(plan.planned).toHaveLength(1);
  return plan.planned[0] as PlannedMessage;
}

const reasonOf = (o: Over) => {
  const plan = planMessages(makeInput(o));
  expect(plan.planned).toEqual([]);
  return plan.suppressed.map((s) => s.reason);
};

describe('planMessages', () => {
  it('plans one message on the first preferred channel, keyed by store, trigger, order and step', () => {
    expect(planMessages(makeInput({ rule: { cancelWhen: ['order.cancelled'] } }))).toEqual({
      planned: [
        {
          key: 'sto_1:order.confirmed:ord_1:1',
          trigger: 'order.confirmed',
          channel: 'line',
          to: 'U0123456789abcdef',
          sendAt: NOON_JST,
          locale: 'ja',
          orderId: 'ord_1',
          customerId: 'cus_1',
          cancelWhen: ['order.cancelled'],
          skipped: [],
          heldForQuietHours: false,
        },
      ],
      suppressed: [],
    });
  });

  it('suppresses a disabled trigger', () => {
    expect(planMessages(makeInput({ rule: { enabled: false } }))).toEqual({ planned: [], suppressed: [{ trigger: 'order.confirmed', reason: 'disabled' }] });
  });

  describe('conditions', () => {
    it.each<[string, JourneyRuleInput['conditions'], Partial<PlanFacts>, Partial<PlanFacts>]>([
      ['minOrderTotal', { minOrderTotal: 10000 }, { orderTotal: 10000 }, { orderTotal: 9999 }],
      ['maxOrderTotal', { maxOrderTotal: 10000 }, { orderTotal: 10000 }, { orderTotal: 10001 }],
      ['productTags', { productTags: ['cold', 'frozen'] }, { productTags: ['gift', ' FROZEN '] }, { productTags: ['gift'] }],
      ['deliveryMethods', { deliveryMethods: ['pickup', 'curbside'] }, { deliveryMethod: 'curbside' }, { deliveryMethod: 'ship' }],
      ['locales', { locales: ['en'] }, { locale: 'en' }, { locale: 'ja' }],
      ['customerTiers', { customerTiers: ['gold', 'vip'] }, { customerTier: 'vip' }, { customerTier: 'silver' }],
      ['customerTiers', { customerTiers: ['gold'] }, { customerTier: 'gold' }, { customerTier: null }],
      ['hadException', { hadException: true }, { hadException: true }, { hadException: false }],
      ['hadException', { hadException: false }, { hadException: false }, { hadException: true }],
    ])('%s: plans when it holds, suppresses when it does not', (name, conditions, holds, fails) => {
      expect(one({ rule: { conditions }, facts: holds }).channel).toBe('line');
      expect(reasonOf({ rule: { conditions }, facts: fails })).toEqual([`condition: ${name}`]);
    });

    it('needs every condition that is set', () => {
      const conditions = { minOrderTotal: 5000, locales: ['ja' as const] };
      expect(one({ rule: { conditions } }).key).toBe('sto_1:order.confirmed:ord_1:1');
      expect(reasonOf({ rule: { conditions }, facts: { locale: 'en' } })).toEqual(['condition: locales']);
    });
  });

  describe('channel choice', () => {
    it('falls back from LINE to SMS when LINE consent is false', () => {
      const m = one({ customer: { consents: { line: false } } });
      expect([m.channel, m.to]).toEqual(['sms', '+819012345678']);
      expect(m.skipped).toEqual([{ channel: 'line', reason: 'no_consent' }]);
    });

    it('falls back from LINE to SMS when there is no LINE user id', () => {
      const m = one({ customer: { lineUserId: null } });
      expect(m.channel).toBe('sms');
      expect(m.skipped).toEqual([{ channel: 'line', reason: 'no_address' }]);
    });

    it('needs an explicit yes for SMS and LINE: unknown consent falls through to email', () => {
      const m = one({ customer: { consents: { email: true, sms: undefined, line: undefined } } });
      expect([m.channel, m.to]).toEqual(['email', 'hanako@example.jp']);
      expect(m.skipped).toEqual([
        { channel: 'line', reason: 'no_consent' },
        { channel: 'sms', reason: 'no_consent' },
      ]);
    });

    it('falls back to email when there is no phone, and uses email unless the shopper said no', () => {
      const m = one({ customer: { lineUserId: null, phone: '  ', consents: { email: undefined } } });
      expect(m.channel).toBe('email');
      expect(m.skipped).toEqual([
        { channel: 'line', reason: 'no_address' },
        { channel: 'sms', reason: 'no_address' },
      ]);
    });

    it('skips a channel the shopper unsubscribed from', () => {
      const m = one({ customer: { unsubscribed: ['line'] } });
      expect(m.channel).toBe('sms');
      expect(m.skipped).toEqual([{ channel: 'line', reason: 'unsubscribed' }]);
      expect(one({ customer: { unsubscribed: ['line', 'sms'] } }).channel).toBe('email');
    });

    it('follows the rule order, not a fixed one', () => {
      expect(one({ rule: { channels: ['email', 'line'] } }).channel).toBe('email');
      expect(one({ rule: { channels: ['sms', 'line'] } }).channel).toBe('sms');
    });

    it('suppresses as unreachable when no listed channel works, saying why for each', () => {
      const plan = planMessages(makeInput({ rule: { channels: ['line', 'email'] }, customer: { lineUserId: null, consents: { email: false } } }));
      expect(plan).toEqual({
        planned: [],
        suppressed: [
          {
            trigger: 'order.confirmed',
            reason: 'unreachable',
            skipped: [
              { channel: 'line', reason: 'no_address' },
              { channel: 'email', reason: 'no_consent' },
            ],
          },
        ],
      });
    });

    it('is unreachable by email alone without an address', () => {
      expect(reasonOf({ rule: { channels: ['email'] }, customer: { email: null } })).toEqual(['unreachable']);
      expect(reasonOf({ rule: { channels: ['email'] }, customer: { unsubscribed: ['email'] } })).toEqual(['unreachable']);
    });
  });

  describe('quiet hours', () => {
    const QUIET = { quietHours: { start: '21:00', end: '08:00' } };
    // 2026-05-01 23:30 in Tokyo.
    const LATE_JST = '2026-05-01T14:30:00.000Z';

    it('holds an SMS due at 23:30 JST until 08:00 the next morning', () => {
      const m = one({ rule: { ...QUIET, channels: ['sms'] }, occurredAt: LATE_JST });
      expect(m.sendAt).toBe('2026-05-01T23:00:00.000Z'); // 2026-05-02 08:00 JST
      expect(m.heldForQuietHours).toBe(true);
    });

    it('holds LINE too, also in the early morning of the same day', () => {
      // 2026-05-02 06:15 JST
      const m = one({ rule: { ...QUIET, channels: ['line'] }, occurredAt: '2026-05-01T21:15:00.000Z' });
      expect(m.sendAt).toBe('2026-05-01T23:00:00.000Z');
    });

    it('never holds email', () => {
      const m = one({ rule: { ...QUIET, channels: ['email'] }, occurredAt: LATE_JST });
      expect(m.sendAt).toBe(LATE_JST);
      expect(m.heldForQuietHours).toBe(false);
    });

    it('does not hold a message outside quiet hours, at their end, or when the rule has none', () => {
      expect(one({ rule: { ...QUIET, channels: ['sms'] } }).sendAt).toBe(NOON_JST);
      // 08:00 JST exactly: quiet hours are over.
      expect(one({ rule: { ...QUIET, channels: ['sms'] }, occurredAt: '2026-05-01T23:00:00.000Z' }).heldForQuietHours).toBe(false);
      expect(one({ rule: { channels: ['sms'] }, occurredAt: LATE_JST }).sendAt).toBe(LATE_JST);
    });

    it('holds from the start minute: 21:00 is quiet, 20:59 is not', () => {
      expect(one({ rule: { ...QUIET, channels: ['sms'] }, occurredAt: '2026-05-01T12:00:00.000Z' }).sendAt).toBe('2026-05-01T23:00:00.000Z');
      expect(one({ rule: { ...QUIET, channels: ['sms'] }, occurredAt: '2026-05-01T11:59:00.000Z' }).sendAt).toBe('2026-05-01T11:59:00.000Z');
    });

    it("uses the shopper's zone: a US shopper in Los Angeles at 22:00 PDT gets it at 08:00 PDT", () => {
      // 2026-07-10 22:00 PDT = 2026-07-11 05:00Z (14:00 in Tokyo, which is not quiet).
      const m = one({ rule: { ...QUIET, channels: ['sms'] }, facts: { timeZone: 'America/Los_Angeles', locale: 'en' }, occurredAt: '2026-07-11T05:00:00.000Z' });
      expect(m.sendAt).toBe('2026-07-11T15:00:00.000Z');
      expect(m.locale).toBe('en');
    });

    it('lands on 08:00 local across the spring-forward night in Los Angeles', () => {
      // 2026-03-07 23:00 PST; clocks go forward at 02:00 on 2026-03-08, so 08:00 PDT is 15:00Z.
      expect(afterQuietHours('2026-03-08T07:00:00.000Z', { start: '21:00', end: '08:00' }, 'America/Los_Angeles')).toBe('2026-03-08T15:00:00.000Z');
    });

    it('handles minutes and a daytime window', () => {
      expect(afterQuietHours('2026-05-01T14:30:00.000Z', { start: '22:00', end: '07:30' }, 'Asia/Tokyo')).toBe('2026-05-01T22:30:00.000Z');
      // 12:30 JST inside a 12:00–13:00 window goes out at 13:00; 13:30 stays.
      expect(afterQuietHours('2026-05-01T03:30:00.000Z', { start: '12:00', end: '13:00' }, 'Asia/Tokyo')).toBe('2026-05-01T04:00:00.000Z');
      expect(afterQuietHours('2026-05-01T04:30:00.000Z', { start: '12:00', end: '13:00' }, 'Asia/Tokyo')).toBe('2026-05-01T04:30:00.000Z');
      // Equal start and end: no quiet hours.
      expect(afterQuietHours('2026-05-01T14:30:00.000Z', { start: '08:00', end: '08:00' }, 'Asia/Tokyo')).toBe('2026-05-01T14:30:00.000Z');
    });
  });

  describe('timing', () => {
    it('sends after the delay', () => {
      expect(one({ rule: { delayMinutes: 120 } }).sendAt).toBe('2026-05-01T05:00:00.000Z');
    });

    it('applies quiet hours to the delayed time', () => {
      // 20:00 JST + 2 h = 22:00 JST, held to 08:00.
      const m = one({ rule: { delayMinutes: 120, channels: ['sms'], quietHours: { start: '21:00', end: '08:00' } }, occurredAt: '2026-05-01T11:00:00.000Z' });
      expect(m.sendAt).toBe('2026-05-01T23:00:00.000Z');
    });

    it('sends an event that reached us late now, not in the past', () => {
      const m = one({ rule: { delayMinutes: 60 }, occurredAt: NOON_JST, now: '2026-05-01T06:00:00.000Z' });
      expect(m.sendAt).toBe('2026-05-01T06:00:00.000Z');
    });
  });

  describe('daily cap', () => {
    it('allows up to five messages a shopper-day by default and suppresses the sixth', () => {
      expect(one({ sentToday: 4 }).channel).toBe('line');
      expect(planMessages(makeInput({ sentToday: 5 })).suppressed).toEqual([{ trigger: 'order.confirmed', channel: 'line', reason: 'daily_cap' }]);
    });

    it('takes the cap from the input', () => {
      expect(reasonOf({ sentToday: 2, caps: { perShopperPerDay: 2 } })).toEqual(['daily_cap']);
      expect(one({ sentToday: 7, caps: { perShopperPerDay: 10 } }).channel).toBe('line');
    });
  });

  describe('exactly once', () => {
    it('suppresses a key that was planned before', () => {
      const first = one();
      expect(reasonOf({ alreadyPlannedKeys: ['sto_0:order.confirmed:ord_1:1', first.key] })).toEqual(['duplicate']);
    });

    it('gives the same event the same key, and another step or store another key', () => {
      expect(one().key).toBe(one().key);
      expect(one({ step: 2 }).key).toBe('sto_1:order.confirmed:ord_1:2');
      expect(one({ step: 2, alreadyPlannedKeys: ['sto_1:order.confirmed:ord_1:1'] }).channel).toBe('line');
    });

    it('keys shipment triggers by shipment and the others by order', () => {
      expect(one({ trigger: 'shipment.delivered', shipmentId: 'shp_9' }).key).toBe('sto_1:shipment.delivered:shp_9:1');
      expect(one({ trigger: 'pickup.ready' }).key).toBe('sto_1:pickup.ready:ord_1:1');
    });

    it('refuses a shipment trigger without its shipment', () => {
      expect(() => planMessages(makeInput({ trigger: 'shipment.shipped', shipmentId: null }))).toThrow(RangeError);
    });
  });

  describe('digest', () => {
    it('gives two shipments of one order the same digest key and send time, and each its own key', () => {
      const a = one({ trigger: 'shipment.shipped', shipmentId: 'shp_a' });
      const b = one({ trigger: 'shipment.shipped', shipmentId: 'shp_b' });
      expect(a.digestKey).toBe('sto_1:shipment.shipped:order:ord_1');
      expect(b.digestKey).toBe(a.digestKey);
      expect(b.sendAt).toBe(a.sendAt);
      expect(a.key).not.toBe(b.key);
      expect(a.shipmentId).toBe('shp_a');
    });

    it('does not share a digest between two orders or two triggers', () => {
      const a = one({ trigger: 'shipment.shipped', orderId: 'ord_1', shipmentId: 'shp_a' });
      const b = one({ trigger: 'shipment.shipped', orderId: 'ord_2', shipmentId: 'shp_b' });
      const c = one({ trigger: 'shipment.delivered', orderId: 'ord_1', shipmentId: 'shp_a' });
      expect(b.digestKey).toBe('sto_1:shipment.shipped:order:ord_2');
      expect(new Set([a.digestKey, b.digestKey, c.digestKey]).size).toBe(3);
    });

    it('waits until the end of the digest window (10 minutes by default)', () => {
      expect(one({ trigger: 'shipment.shipped' }).sendAt).toBe('2026-05-01T03:10:00.000Z');
      expect(one({ trigger: 'shipment.shipped', digest: { windowMinutes: 30 } }).sendAt).toBe('2026-05-01T03:30:00.000Z');
      expect(one({ trigger: 'shipment.shipped', rule: { delayMinutes: 5 }, digest: { windowMinutes: 0 } }).sendAt).toBe('2026-05-01T03:05:00.000Z');
    });

    it('leaves order and pickup messages out of digests', () => {
      const m = one({ trigger: 'order.confirmed' });
      expect(m.digestKey).toBeUndefined();
      expect(m.sendAt).toBe(NOON_JST);
      expect(one({ trigger: 'pickup.ready' }).digestKey).toBeUndefined();
    });
  });

  it('carries its own copy of the cancel conditions', () => {
    const input = makeInput({ trigger: 'shipment.arriving_tomorrow', rule: { cancelWhen: ['shipment.delivered', 'shipment.exception'] } });
    const m = planMessages(input).planned[0] as PlannedMessage;
    expect(m.cancelWhen).toEqual(['shipment.delivered', 'shipment.exception']);
    m.cancelWhen.push('order.cancelled');
    expect(input.rule.cancelWhen).toEqual(['shipment.delivered', 'shipment.exception']);
  });
});

describe('triggerForEvent', () => {
  it('maps every trigger event to its trigger', () => {
    for (const t of TRIGGERS) expect(triggerForEvent(t)).toBe(t);
    expect(triggerForEvent('shipment.shipped')).toBe('shipment.shipped');
    expect(triggerForEvent('pickup.ready')).toBe('pickup.ready');
    expect(triggerForEvent('order.confirmed')).toBe('order.confirmed');
  });

  it('maps events that send nothing to null', () => {
    for (const type of ['order.placed', 'order.updated', 'shipment.in_transit', 'shipment.stalled', 'shipment.arriving_today', 'shipment.exception', 'pickup.picked_up', 'toString', '']) {
      expect(triggerForEvent(type), type).toBeNull();
    }
  });
});
