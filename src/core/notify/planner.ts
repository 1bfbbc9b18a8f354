import type { ChannelConsents, DeliveryMethod, Locale } from '../order/order.types.ts';
import { addDays, localDate } from '../tracking/business-days.ts';
import { zonedInstant } from '../tracking/variance.ts';
import { QUIET_CHANNELS, type JourneyConditions, type JourneyRule, type QuietHours } from './journey.ts';
import { isTrigger, type TemplateChannel, type Trigger } from './triggers.ts';

/**
 * The message planner: given one timeline event, the journey rule of its trigger and the facts
 * about the order and the shopper, which message to schedule (channel, address, when, under which
 * key) or why none. Pure: the use case loads the facts, calls this, and writes the message rows
 * and their send jobs in the same transaction as the event.
 *
 * Exactly-once from the shopper's view: every message has a deterministic key
 * `${storeId}:${trigger}:${entityId}:${step}` (the entity is the shipment for shipment triggers,
 * else the order), so the same event seen twice, or replayed after a crash, plans the same key;
 * the caller passes the keys it already holds and a repeat is suppressed as `duplicate`.
 *
 * Digests: shipment triggers also carry `digestKey` `${storeId}:${trigger}:order:${orderId}` and
 * wait until the end of the digest window. The caller merges a message into a pending (not yet
 * sent) message with the same digestKey, keeping the earlier sendAt, so several shipments of one
 * order changing together produce one message; once the digest has gone, a later change starts a
 * new one.
 */

export const DEFAULT_DAILY_CAP = 5;
export const DEFAULT_DIGEST_WINDOW_MINUTES = 10;

/**
 * The trigger a timeline event type fires, or null when it sends nothing. Triggers are named after
 * the events that fire them (`shipment.delivered`, `pickup.ready`, `order.confirmed`; the timers
 * emit `shipment.arriving_tomorrow` and `pickup.reminder`), so the map is the identity on
 * TRIGGERS. Everything else sends nothing: `order.placed` (the confirmation waits for
 * `order.confirmed`), scans that only move a parcel along (`shipment.in_transit`), internal
 * events (`shipment.stalled`, `order.updated`), and `shipment.arriving_today`, which has no
 * trigger of its own yet.
 */
export function triggerForEvent(type: string): Trigger | null {
  return isTrigger(type) ? type : null;
}

/** Shipment triggers are about one shipment; the others are about the order. */
export function isShipmentTrigger(trigger: Trigger): boolean {
  return trigger.startsWith('shipment.');
}

export interface PlanEvent {
  storeId: string;
  type: string;
  /** ISO-8601 instant. */
  occurredAt: string;
  orderId: string;
  shipmentId?: string | null;
  customerId: string | null;
}

export interface PlanFacts {
  /** Minor units of `currency`. */
  orderTotal: number;
  currency: string;
  /** The tags of the order's items (and of the order). */
  productTags: readonly string[];
  deliveryMethod: DeliveryMethod;
  locale: Locale;
  customerTier: string | null;
  /** Whether the shipment (or, for order triggers, any shipment of the order) had an exception. */
  hadException: boolean;
  /** The shopper's IANA time zone (else the store's). */
  timeZone: string;
}

export interface PlanCustomer {
  email?: string | null;
  phone?: string | null;
  lineUserId?: string | null;
  consents: ChannelConsents;
  /** Channels the shopper opted out of (one-click unsubscribe, SMS STOP, LINE block). */
  unsubscribed?: readonly TemplateChannel[];
}

export interface PlanInput {
  event: PlanEvent;
  /** `triggerForEvent(event.type)`. */
  trigger: Trigger;
  /** The step of the journey (e.g. the reminder number); part of the key. Default `1`. */
  step?: string | number;
  rule: JourneyRule;
  facts: PlanFacts;
  customer: PlanCustomer;
  /** ISO-8601 instant: the planning moment. Nothing is scheduled before it. */
  now: string;
  history: {
    /** Messages sent or scheduled to this shopper on their local day of `now`. */
    sentToday: number;
    /** Message keys already planned (any status): a repeat is a duplicate. */
    alreadyPlannedKeys: readonly string[];
  };
  caps?: { perShopperPerDay?: number };
  digest?: { windowMinutes?: number };
}

export interface PlannedMessage {
  key: string;
  digestKey?: string;
  trigger: Trigger;
  channel: TemplateChannel;
  /** An email address, an E.164 phone number or a LINE user id. */
  to: string;
  /** ISO-8601 UTC instant. */
  sendAt: string;
  locale: Locale;
  orderId: string;
  shipmentId?: string;
  customerId: string | null;
  /** Event types that drop the message while it is pending. */
  cancelWhen: string[];
  /** Preferred channels passed over, and why (for the message log). */
  skipped: ChannelSkip[];
  /** True when quiet hours moved sendAt. */
  heldForQuietHours: boolean;
}

export type ChannelSkipReason = 'no_address' | 'no_consent' | 'unsubscribed';
export interface ChannelSkip {
  channel: TemplateChannel;
  reason: ChannelSkipReason;
}

export interface Suppression {
  trigger: Trigger;
  channel?: TemplateChannel;
  /** `disabled`, `condition: <name>`, `duplicate`, `unreachable`, `daily_cap`. */
  reason: string;
  /** For `unreachable`: why each channel could not be used. */
  skipped?: ChannelSkip[];
}

export interface MessagePlan {
  planned: PlannedMessage[];
  suppressed: Suppression[];
}

const MINUTE_MS = 60_000;

export function planMessages(input: PlanInput): MessagePlan {
  const { event, trigger, rule, facts, customer } = input;
  const suppress = (reason: string, extra: Omit<Suppression, 'trigger' | 'reason'> = {}): MessagePlan => ({
    planned: [],
    suppressed: [{ trigger, reason, ...extra }],
  });

  if (!rule.enabled) return suppress('disabled');

  const failed = unmetCondition(rule.conditions, facts);
  if (failed) return suppress(`condition: ${failed}`);

  const shipmentTrigger = isShipmentTrigger(trigger);
  const shipmentId = event.shipmentId ?? undefined;
  if (shipmentTrigger && !shipmentId) throw new RangeError(`${trigger} needs the event's shipmentId`);
  const entityId = shipmentTrigger ? (shipmentId as string) : event.orderId;
  const key = `${event.storeId}:${trigger}:${entityId}:${input.step ?? 1}`;
  if (input.history.alreadyPlannedKeys.includes(key)) return suppress('duplicate');

  const choice = chooseChannel(rule.channels, customer);
  if (!choice.channel) return suppress('unreachable', { skipped: choice.skipped });
  const { channel, to, skipped } = choice;

  const cap = input.caps?.perShopperPerDay ?? DEFAULT_DAILY_CAP;
  if (input.history.sentToday >= cap) return suppress('daily_cap', { channel });

  const nowMs = instantMs(input.now, 'now');
  let at = instantMs(event.occurredAt, 'event.occurredAt') + rule.delayMinutes * MINUTE_MS;
  let digestKey: string | undefined;
  if (shipmentTrigger) {
    digestKey = `${event.storeId}:${trigger}:order:${event.orderId}`;
    at += Math.max(0, input.digest?.windowMinutes ?? DEFAULT_DIGEST_WINDOW_MINUTES) * MINUTE_MS;
  }
  // An event that reaches us late is sent now, not in the past.
  at = Math.max(at, nowMs);
  let sendAt = new Date(at).toISOString();
  let held = false;
  if (rule.quietHours && QUIET_CHANNELS.includes(channel)) {
    const moved = afterQuietHours(sendAt, rule.quietHours, facts.timeZone);
    held = moved !== sendAt;
    sendAt = moved;
  }

  const message: PlannedMessage = {
    key,
    ...(digestKey && { digestKey }),
    trigger,
    channel,
    to,
    sendAt,
    locale: facts.locale,
    orderId: event.orderId,
    ...(shipmentId && { shipmentId }),
    customerId: event.customerId,
    cancelWhen: [...rule.cancelWhen],
    skipped,
    heldForQuietHours: held,
  };
  return { planned: [message], suppressed: [] };
}

/** The name of the first condition the facts fail, or null when all hold. */
export function unmetCondition(c: JourneyConditions, f: PlanFacts): string | null {
  if (c.minOrderTotal !== undefined && f.orderTotal < c.minOrderTotal) return 'minOrderTotal';
  if (c.maxOrderTotal !== undefined && f.orderTotal > c.maxOrderTotal) return 'maxOrderTotal';
  if (c.productTags) {
    const have = new Set(f.productTags.map(normalizeTag));
    if (!c.productTags.some((t) => have.has(normalizeTag(t)))) return 'productTags';
  }
  if (c.deliveryMethods && !c.deliveryMethods.includes(f.deliveryMethod)) return 'deliveryMethods';
  if (c.locales && !c.locales.includes(f.locale)) return 'locales';
  if (c.customerTiers && (f.customerTier === null || !c.customerTiers.includes(f.customerTier))) return 'customerTiers';
  if (c.hadException !== undefined && c.hadException !== f.hadException) return 'hadException';
  return null;
}

const normalizeTag = (tag: string) => tag.trim().toLowerCase();

type ChannelChoice = { channel: TemplateChannel; to: string; skipped: ChannelSkip[] } | { channel: null; skipped: ChannelSkip[] };

/**
 * The first channel in preference order the shopper can be reached on and agreed to. Messages
 * here are transactional, so marketing consent does not matter. Email is allowed unless the
 * shopper said no (an order's email address is given for this); SMS and LINE need a yes.
 */
export function chooseChannel(preference: readonly TemplateChannel[], customer: PlanCustomer): ChannelChoice {
  const skipped: ChannelSkip[] = [];
  const unsubscribed = new Set(customer.unsubscribed ?? []);
  for (const channel of preference) {
    const to = addressOf(channel, customer);
    if (!to) {
      skipped.push({ channel, reason: 'no_address' });
      continue;
    }
    if (!consented(channel, customer.consents)) {
      skipped.push({ channel, reason: 'no_consent' });
      continue;
    }
    if (unsubscribed.has(channel)) {
      skipped.push({ channel, reason: 'unsubscribed' });
      continue;
    }
    return { channel, to, skipped };
  }
  return { channel: null, skipped };
}

function addressOf(channel: TemplateChannel, c: PlanCustomer): string | null {
  const value = channel === 'email' ? c.email : channel === 'sms' ? c.phone : c.lineUserId;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function consented(channel: TemplateChannel, consents: ChannelConsents): boolean {
  return channel === 'email' ? consents.email !== false : consents[channel] === true;
}

/**
 * When a message due at `sendAtIso` may go under these quiet hours in `timeZone`: unchanged
 * outside them, else the end of the quiet period it falls in (local wall-clock, DST-aware).
 */
export function afterQuietHours(sendAtIso: string, quiet: QuietHours, timeZone: string): string {
  if (quiet.start === quiet.end) return sendAtIso;
  const t = instantMs(sendAtIso, 'sendAt');
  const day = localDate(sendAtIso, timeZone);
  const at = (date: string, hhmm: string) => wallClock(date, hhmm, timeZone);
  // Quiet periods that can contain t: one starting the day before or on its local day.
  const periods: Array<[number, number]> =
    quiet.start > quiet.end
      ? [
          [at(addDays(day, -1), quiet.start), at(day, quiet.end)],
          [at(day, quiet.start), at(addDays(day, 1), quiet.end)],
        ]
      : [[at(day, quiet.start), at(day, quiet.end)]];
  for (const [from, to] of periods) {
    if (t >= from && t < to) return new Date(to).toISOString();
  }
  return new Date(t).toISOString();
}

function wallClock(date: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return Date.parse(zonedInstant(date, h, timeZone)) + m * MINUTE_MS;
}

function instantMs(iso: string, what: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`${what} is not an ISO-8601 instant: ${JSON.stringify(iso)}`);
  return t;
}
