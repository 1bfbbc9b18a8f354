import { describe, expect, it } from 'vitest';
import { DEFAULT_JOURNEYS, DEFAULT_QUIET_HOURS, JourneyRuleSchema, JourneysSchema, TEMPERATURE_SENSITIVE_TAGS, journeyFor, type JourneyRule } from './journey.ts';
import { planMessages, type PlanInput } from './planner.ts';
import { TRIGGERS } from './triggers.ts';

describe('JourneyRuleSchema', () => {
  it('fills delay, conditions, quiet hours and cancelWhen from a minimal rule', () => {
    expect(JourneyRuleSchema.parse({ enabled: true, channels: ['email'] })).toEqual({
      enabled: true,
      channels: ['email'],
      delayMinutes: 0,
      conditions: {},
      quietHours: { start: '21:00', end: '08:00' },
      cancelWhen: [],
    });
  });

  it('keeps null quiet hours (none) and a full set of conditions', () => {
    const rule = JourneyRuleSchema.parse({
      enabled: false,
      channels: ['line', 'sms', 'email'],
      delayMinutes: 120,
      quietHours: null,
      conditions: { minOrderTotal: 5000, maxOrderTotal: 90000, productTags: ['cold'], deliveryMethods: ['ship'], locales: ['ja'], customerTiers: ['gold'], hadException: false },
      cancelWhen: ['shipment.delivered'],
    });
    expect(rule.quietHours).toBeNull();
    expect(rule.conditions.hadException).toBe(false);
    expect(rule.delayMinutes).toBe(120);
  });

  it.each([
    ['no channel', { channels: [] }],
    ['a channel twice', { channels: ['sms', 'sms'] }],
    ['the webhook channel (not a shopper journey)', { channels: ['webhook'] }],
    ['a negative delay', { delayMinutes: -1 }],
    ['a fractional delay', { delayMinutes: 1.5 }],
    ['24:00 as a time', { quietHours: { start: '24:00', end: '08:00' } }],
    ['a time without its leading zero', { quietHours: { start: '21:00', end: '8:00' } }],
    ['a minimum above the maximum', { conditions: { minOrderTotal: 10, maxOrderTotal: 9 } }],
    ['an empty tag list', { conditions: { productTags: [] } }],
    ['an unknown delivery method', { conditions: { deliveryMethods: ['drone'] } }],
    ['an unknown condition (typo)', { conditions: { minTotal: 5 } }],
    ['an unknown field', { enable: true }],
    ['a cancel event that is not an event type', { cancelWhen: ['delivered'] }],
  ])('rejects %s', (_what, change) => {
    expect(JourneyRuleSchema.safeParse({ enabled: true, channels: ['email'], ...change }).success).toBe(false);
  });
});

describe('DEFAULT_JOURNEYS', () => {
  it('has a valid rule for every trigger, and nothing else', () => {
    expect(Object.keys(DEFAULT_JOURNEYS).sort()).toEqual([...TRIGGERS].sort());
    for (const t of TRIGGERS) {
      expect(JourneyRuleSchema.parse(DEFAULT_JOURNEYS[t]), t).toEqual(DEFAULT_JOURNEYS[t]);
    }
    expect(JourneysSchema.safeParse(DEFAULT_JOURNEYS).success).toBe(true);
  });

  it('turns every trigger on, at once, with 21:00–08:00 quiet hours', () => {
    for (const t of TRIGGERS) {
      const r = DEFAULT_JOURNEYS[t];
      expect(r.enabled, t).toBe(true);
      expect(r.delayMinutes, t).toBe(0);
      expect(r.quietHours, t).toEqual(DEFAULT_QUIET_HOURS);
      expect(r.channels.length, t).toBeGreaterThan(0);
    }
  });

  it('reaches for the phone first for urgent news and email first for long content', () => {
    expect(DEFAULT_JOURNEYS['shipment.out_for_delivery'].channels).toEqual(['line', 'sms', 'email']);
    expect(DEFAULT_JOURNEYS['pickup.ready'].channels).toEqual(['line', 'sms', 'email']);
    expect(DEFAULT_JOURNEYS['order.confirmed'].channels).toEqual(['email', 'line', 'sms']);
    expect(DEFAULT_JOURNEYS['shipment.shipped'].channels).toEqual(['email', 'line', 'sms']);
    expect(DEFAULT_JOURNEYS['shipment.delivered'].channels).not.toContain('sms');
  });

  it('drops pending arriving-tomorrow and delayed news once the parcel is delivered, but not "early"', () => {
    expect(DEFAULT_JOURNEYS['shipment.arriving_tomorrow'].cancelWhen).toContain('shipment.delivered');
    expect(DEFAULT_JOURNEYS['shipment.delayed'].cancelWhen).toContain('shipment.delivered');
    expect(DEFAULT_JOURNEYS['shipment.out_for_delivery'].cancelWhen).toContain('shipment.delivered');
    expect(DEFAULT_JOURNEYS['pickup.ready'].cancelWhen).toContain('pickup.picked_up');
    expect(DEFAULT_JOURNEYS['order.confirmed'].cancelWhen).toEqual(['order.cancelled']);
    // shipment.early is emitted at delivery when a parcel arrives ahead of its estimate.
    expect(DEFAULT_JOURNEYS['shipment.early'].cancelWhen).not.toContain('shipment.delivered');
  });

  it('sends arriving tomorrow only for temperature-sensitive items', () => {
    const plan = (productTags: string[]) => planMessages(arrivingTomorrow(DEFAULT_JOURNEYS['shipment.arriving_tomorrow'], productTags));
    expect(plan(['ceramics']).suppressed).toEqual([{ trigger: 'shipment.arriving_tomorrow', reason: 'condition: productTags' }]);
    expect(plan([]).planned).toHaveLength(0);
    expect(plan(['ceramics', 'Cold']).planned).toHaveLength(1);
    expect(plan(['冷凍']).planned).toHaveLength(1);
    expect(TEMPERATURE_SENSITIVE_TAGS).toContain('cold');
  });
});

describe('journeyFor', () => {
  it("uses the store's own rule when it set one, else the default", () => {
    const own = JourneyRuleSchema.parse({ enabled: false, channels: ['email'] });
    expect(journeyFor('shipment.shipped', { 'shipment.shipped': own })).toBe(own);
    expect(journeyFor('shipment.delivered', { 'shipment.shipped': own })).toBe(DEFAULT_JOURNEYS['shipment.delivered']);
    expect(journeyFor('shipment.delivered', null)).toBe(DEFAULT_JOURNEYS['shipment.delivered']);
  });
});

function arrivingTomorrow(rule: JourneyRule, productTags: string[]): PlanInput {
  return {
    event: { storeId: 'sto_1', type: 'shipment.arriving_tomorrow', occurredAt: '2026-05-01T08:00:00.000Z', orderId: 'ord_1', shipmentId: 'shp_1', customerId: 'cus_1' },
    trigger: 'shipment.arriving_tomorrow',
    rule,
    facts: { orderTotal: 3000, currency: 'JPY', productTags, deliveryMethod: 'ship', locale: 'ja', customerTier: null, hadException: false, timeZone: 'Asia/Tokyo' },
    customer: { email: 'hanako@example.jp', consents: {} },
    now: '2026-05-01T08:00:00.000Z',
    history: { sentToday: 0, alreadyPlannedKeys: [] },
  };
}
