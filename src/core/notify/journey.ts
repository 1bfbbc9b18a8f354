import { z } from 'zod';
import { DELIVERY_METHODS, LOCALES } from '../order/order.types.ts';
import { TEMPLATE_CHANNELS, TRIGGERS, type TemplateChannel, type Trigger } from './triggers.ts';

/**
 * Journeys: for each trigger, the rule that decides whether a shopper hears about it, on which
 * channel, when, and what makes a pending message pointless. The merchant edits these through
 * the API; `planMessages` (planner.ts) applies one to one timeline event.
 *
 * Shopper journeys use the template channels (LINE, SMS, email). Outbound webhooks are the
 * merchant's own integration: they carry every event and are not part of a journey.
 */

/** `HH:MM`, 24-hour, local wall-clock time. */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const clockTimeSchema = z.string().regex(HH_MM, { message: 'Expected a time as HH:MM (00:00–23:59)' });

/** A timeline event type such as `shipment.delivered` or `pickup.picked_up`. */
export const eventTypeSchema = z.string().regex(/^[a-z][a-z_]*\.[a-z][a-z_.]*$/, { message: 'Expected an event type such as shipment.delivered' });

const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1);

/**
 * Who the message is for. Every condition that is set must hold (AND); a list condition holds
 * when the fact is one of the listed values (`productTags`: when any item carries any listed tag,
 * compared case-insensitively). Amounts are minor units of the order's currency.
 */
export const JourneyConditionsSchema = z
  .strictObject({
    minOrderTotal: z.number().int().nonnegative().optional(),
    maxOrderTotal: z.number().int().nonnegative().optional(),
    productTags: nonEmptyList(z.string().trim().min(1)).optional(),
    deliveryMethods: nonEmptyList(z.enum(DELIVERY_METHODS)).optional(),
    locales: nonEmptyList(z.enum(LOCALES)).optional(),
    customerTiers: nonEmptyList(z.string().trim().min(1)).optional(),
    /** true: only shipments that had an exception; false: only those that had none. */
    hadException: z.boolean().optional(),
  })
  .refine((c) => c.minOrderTotal === undefined || c.maxOrderTotal === undefined || c.minOrderTotal <= c.maxOrderTotal, {
    message: 'minOrderTotal must not exceed maxOrderTotal',
    path: ['maxOrderTotal'],
  });
export type JourneyConditions = z.infer<typeof JourneyConditionsSchema>;

/**
 * Quiet hours in the shopper's time zone: SMS and LINE due inside them wait until `end`; email is
 * never held. `start` after `end` spans midnight (21:00–08:00); equal times mean no quiet hours.
 */
export const QuietHoursSchema = z.strictObject({ start: clockTimeSchema, end: clockTimeSchema });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const DEFAULT_QUIET_HOURS: Readonly<QuietHours> = Object.freeze({ start: '21:00', end: '08:00' });

/** The channels quiet hours hold; email waits for no one. */
export const QUIET_CHANNELS: readonly TemplateChannel[] = Object.freeze(['sms', 'line']);

export const JourneyRuleSchema = z.strictObject({
  enabled: z.boolean(),
  /** In order of preference: the first the shopper can be reached on and consented to is used. */
  channels: nonEmptyList(z.enum(TEMPLATE_CHANNELS)).refine((cs) => new Set(cs).size === cs.length, { message: 'A channel is listed twice' }),
  /** Minutes after the event the message goes out (0: at once). Up to 30 days. */
  delayMinutes: z.number().int().min(0).max(30 * 24 * 60).default(0),
  conditions: JourneyConditionsSchema.default({}),
  /** null: no quiet hours for this trigger. */
  quietHours: QuietHoursSchema.nullable().default({ ...DEFAULT_QUIET_HOURS }),
  /** Events that drop the message while it is still pending (a later `shipment.delivered`…). */
  cancelWhen: z.array(eventTypeSchema).default([]),
});
export type JourneyRule = z.infer<typeof JourneyRuleSchema>;
/** What the API accepts: the defaulted fields may be left out. */
export type JourneyRuleInput = z.input<typeof JourneyRuleSchema>;

/** A full set of rules, one per trigger. */
export const JourneysSchema = z.strictObject(Object.fromEntries(TRIGGERS.map((t) => [t, JourneyRuleSchema])) as Record<Trigger, typeof JourneyRuleSchema>);
export type Journeys = Record<Trigger, JourneyRule>;

/** Urgent news: the shopper should see it on their phone. */
const PHONE_FIRST: TemplateChannel[] = ['line', 'sms', 'email'];
/** Long content (items, images, policies): email reads best; phones are the fallback. */
const EMAIL_FIRST: TemplateChannel[] = ['email', 'line', 'sms'];
/** Good to know, not worth an SMS fee. */
const NO_SMS: TemplateChannel[] = ['line', 'email'];

/** Item tags that mark temperature-sensitive goods (matched case-insensitively). */
export const TEMPERATURE_SENSITIVE_TAGS: readonly string[] = Object.freeze(['cold', 'chilled', 'frozen', 'perishable', 'temperature-sensitive', 'クール便', '冷蔵', '冷凍']);

const SHIPMENT_GONE = ['shipment.delivered', 'shipment.cancelled', 'shipment.return_to_sender', 'order.cancelled'];
const PICKUP_DONE = ['pickup.picked_up', 'pickup.cancelled', 'pickup.expired', 'order.cancelled'];

function rule(channels: TemplateChannel[], extra: Partial<Omit<JourneyRule, 'channels'>> = {}): JourneyRule {
  return JourneyRuleSchema.parse({ enabled: true, channels, ...extra });
}

/**
 * The rules a new store starts with. Choices:
 * - Everything is on, at once (`delayMinutes` 0): the events themselves come at the right moment
 *   (timers emit `shipment.arriving_tomorrow` and `pickup.reminder` when they are due). `delivered`
 *   goes at once too: a parcel left at the door should be known about while it is there.
 * - Quiet hours 21:00–08:00 local for every trigger (they hold only SMS and LINE).
 * - `arriving_tomorrow` only for orders with temperature-sensitive items (see
 *   TEMPERATURE_SENSITIVE_TAGS): someone should be home for a cool-box parcel. A value threshold
 *   depends on the store's currency, so none is set by default; a merchant adds `minOrderTotal`.
 * - Urgent news (pickup, arriving, out for delivery, delay, missed delivery) goes LINE → SMS →
 *   email; long content (confirmation, cancellation, shipped) email → LINE → SMS; early and
 *   delivered LINE → email (no SMS fee for good news).
 * - Cancel conditions drop news overtaken by events: anything about a shipment in flight once it is
 *   delivered, cancelled or returned; pickup news once picked up, cancelled or expired; the
 *   confirmation once the order is cancelled. `shipment.early` is not cancelled by delivery: it is
 *   emitted at delivery when a parcel arrives early.
 */
export const DEFAULT_JOURNEYS: Readonly<Journeys> = Object.freeze({
  'order.confirmed': rule(EMAIL_FIRST, { cancelWhen: ['order.cancelled'] }),
  'order.cancelled': rule(EMAIL_FIRST),
  'pickup.ready': rule(PHONE_FIRST, { cancelWhen: PICKUP_DONE }),
  'pickup.reminder': rule(PHONE_FIRST, { cancelWhen: PICKUP_DONE }),
  'shipment.shipped': rule(EMAIL_FIRST, { cancelWhen: ['shipment.cancelled', 'order.cancelled'] }),
  'shipment.arriving_tomorrow': rule(PHONE_FIRST, {
    conditions: { productTags: [...TEMPERATURE_SENSITIVE_TAGS] },
    cancelWhen: [...SHIPMENT_GONE, 'shipment.exception', 'shipment.delayed'],
  }),
  'shipment.out_for_delivery': rule(PHONE_FIRST, { cancelWhen: [...SHIPMENT_GONE, 'shipment.attempt_failed'] }),
  'shipment.delayed': rule(PHONE_FIRST, { cancelWhen: SHIPMENT_GONE }),
  'shipment.early': rule(NO_SMS, { cancelWhen: ['shipment.cancelled', 'order.cancelled'] }),
  'shipment.attempt_failed': rule(PHONE_FIRST, { cancelWhen: SHIPMENT_GONE }),
  'shipment.delivered': rule(NO_SMS),
});

/** The rule for a trigger: the store's own when it set one, else the default. */
export function journeyFor(trigger: Trigger, custom?: Partial<Record<Trigger, JourneyRule>> | null): JourneyRule {
  return custom?.[trigger] ?? DEFAULT_JOURNEYS[trigger];
}
