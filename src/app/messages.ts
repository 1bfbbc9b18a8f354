import { isChannelNotConfigured, isPermanentChannelError, isTransientChannelError, type ChannelRegistry, type OutboundMessage } from '../core/notify/channel.ts';
import { DEFAULT_JOURNEYS, journeyFor } from '../core/notify/journey.ts';
import type { MessageContext, MessageItem } from '../core/notify/message-context.ts';
import type { Message } from '../core/notify/message.types.ts';
import { DEFAULT_DAILY_CAP, isShipmentTrigger, planMessages, triggerForEvent, type PlanCustomer, type PlanFacts, type Suppression } from '../core/notify/planner.ts';
import type { MessageRenderer, MessageTemplate } from '../core/notify/template.types.ts';
import type { Locale, TemplateChannel, Trigger } from '../core/notify/triggers.ts';
import type { Customer, LineItem, Order } from '../core/order/order.types.ts';
import type { NewJob, Page, Persistence, Pickup, Repos, TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import type { Shipment } from '../core/shipment/shipment.types.ts';
import type { Store } from '../core/store/store.types.ts';
import { addDays, localDate } from '../core/tracking/business-days.ts';
import { statusLabel, type ShipmentSubstatus } from '../core/tracking/statuses.ts';
import { zonedInstant } from '../core/tracking/variance.ts';
import { eventsFor, type AppDeps } from './deps.ts';

/**
 * The journey engine's use cases.
 *
 * Planning runs inside the transaction that appends the timeline events (see `withJourneys`): for
 * each trigger event it writes a message row (scheduled, or suppressed with a visible reason) and
 * a `message.send` job keyed by the message key, so an event and its messages land together or
 * not at all. Sending runs from that job: claim (one transaction), render and hand to the channel
 * (outside any transaction), record the outcome (a second transaction).
 *
 * Exactly-once: the message key is deterministic (planner.ts), the row is unique per key and the
 * send job is keyed by it, so a replayed event plans nothing new and a job run twice sends once
 * (only a `scheduled` or `sending` message is sent; `sent` is final). A process killed mid-send
 * leaves the message `sending`; the job's lock expires, the job runs again and re-sends with the
 * same idempotency key (the message id: SMTP Message-ID, Twilio idempotency token, LINE retry
 * key). Providers that honour it collapse the duplicate; SMTP cannot, so a crash between the
 * server's acceptance and our record of it can deliver a second copy with the same Message-ID.
 */

/** Where a message's template comes from: the store's own (future work) or the default. */
export type TemplateSource = (storeId: string, trigger: Trigger, channel: TemplateChannel, locale: Locale) => MessageTemplate;

export interface MessagingDeps {
  renderer: MessageRenderer;
  templates: TemplateSource;
  channels: ChannelRegistry;
}

export type MessageAppDeps = AppDeps & { messaging: MessagingDeps };

/** Event types that cancel some pending message under the default journeys. */
const CANCELLING = new Set(Object.values(DEFAULT_JOURNEYS).flatMap((r) => r.cancelWhen));

/** Suppressions the merchant should see in the message log (not "disabled" or an unmet condition). */
const VISIBLE_SUPPRESSIONS = new Set(['unreachable', 'daily_cap']);

const relevant = (e: TimelineEvent) => e.orderId !== null && (CANCELLING.has(e.type) || triggerForEvent(e.type) !== null);

/**
 * Persistence whose transactions plan messages for every timeline event they append: the one
 * place every path that appends trigger events (orders, shipments, tracking, timers, pickups,
 * platform intake) goes through.
 */
export function withJourneys(inner: Persistence): Persistence {
  const wrap = (r: Repos): Repos => ({
    ...r,
    events: {
      ...r.events,
      async append(events) {
        await r.events.append(events);
        const todo = events.filter(relevant);
        if (todo.length === 0) return;
        const byStore = new Map<string, TimelineEvent[]>();
        for (const e of todo) byStore.set(e.storeId, [...(byStore.get(e.storeId) ?? []), e]);
        for (const [storeId, list] of byStore) {
          const store = await r.stores.get(storeId);
          if (store) await planMessagesForEvents(r, store, list, new Date(list[0]!.recordedAt));
        }
      },
    },
  });
  return { read: inner.read, transaction: (fn) => inner.transaction((r) => fn(wrap(r))) };
}

interface Facts {
  order: Order;
  customer: Customer | null;
  shipments: Map<string, Shipment>;
}

/**
 * For each event, in order: cancels the pending messages it makes pointless, then plans the
 * message of its trigger (if any) and enqueues its send job. Call inside the transaction that
 * appends the events.
 */
export async function planMessagesForEvents(r: Repos, store: Store, events: TimelineEvent[], now: Date): Promise<void> {
  const at = now.toISOString();
  const facts = new Map<string, Facts | null>();
  const load = async (orderId: string): Promise<Facts | null> => {
    if (!facts.has(orderId)) {
      const order = await r.orders.get(store.id, orderId);
      const customer = order?.customerId ? await r.customers.get(store.id, order.customerId) : null;
      facts.set(orderId, order ? { order, customer, shipments: new Map() } : null);
    }
    return facts.get(orderId) ?? null;
  };
  const jobs: NewJob[] = [];
  for (const e of events) {
    if (!e.orderId) continue;
    const shipmentId = e.subjectType === 'shipment' ? e.subjectId : null;
    if (CANCELLING.has(e.type)) await r.messages.cancelPending(store.id, e.orderId, shipmentId, e.type, at);
    const trigger = triggerForEvent(e.type);
    if (!trigger || (isShipmentTrigger(trigger) && !shipmentId)) continue;
    const f = await load(e.orderId);
    if (!f) continue;
    let shipment: Shipment | null = null;
    if (shipmentId) {
      shipment = f.shipments.get(shipmentId) ?? (await r.shipments.get(store.id, shipmentId));
      if (shipment) f.shipments.set(shipmentId, shipment);
    }
    const { order, customer } = f;
    const entityId = isShipmentTrigger(trigger) ? shipmentId! : order.id;
    const key = `${store.id}:${trigger}:${entityId}:1`;
    const existing = await r.messages.getByKey(store.id, key);
    const locale: Locale = order.locale ?? customer?.locale ?? store.locale;
    const planCustomer: PlanCustomer = {
      email: order.email ?? customer?.email ?? null,
      phone: order.phone ?? customer?.phone ?? null,
      lineUserId: customer?.lineUserId ?? null,
      consents: customer?.consents ?? {},
    };
    const day = localDate(at, store.timezone);
    const sentToday = await r.messages.countRecent(
      store.id,
      { customerId: order.customerId, recipient: planCustomer.email ?? planCustomer.phone ?? '' },
      zonedInstant(day, 0, store.timezone),
      zonedInstant(addDays(day, 1), 0, store.timezone),
      DEFAULT_DAILY_CAP,
    );
    const planFacts: PlanFacts = {
      orderTotal: order.totals.total,
      currency: order.currency,
      productTags: [...order.tags, ...order.lineItems.flatMap((l) => l.tags)],
      deliveryMethod: order.deliveryMethod,
      locale,
      customerTier: null,
      hadException: shipment ? shipment.status === 'exception' || shipment.attention?.reason === 'exception' : false,
      timeZone: store.timezone,
    };
    const plan = planMessages({
      event: { storeId: store.id, type: e.type, occurredAt: e.occurredAt, orderId: order.id, shipmentId, customerId: order.customerId },
      trigger,
      rule: journeyFor(trigger),
      facts: planFacts,
      customer: planCustomer,
      now: at,
      history: { sentToday, alreadyPlannedKeys: existing ? [existing.key] : [] },
    });
    const base = { storeId: store.id, key, trigger, locale, orderId: order.id, shipmentId, customerId: order.customerId, createdAt: at, updatedAt: at };
    const planned = plan.planned[0];
    if (planned) {
      const digest = planned.digestKey ? await r.messages.findPendingDigest(store.id, planned.digestKey) : null;
      const row: Message = {
        ...blank(),
        ...base,
        id: newId('message', now),
        digestKey: planned.digestKey ?? null,
        channel: planned.channel,
        recipient: planned.to,
        sendAt: planned.sendAt,
        cancelWhen: planned.cancelWhen,
        status: digest ? 'cancelled' : 'scheduled',
        // Merged into the pending digest of the same trigger for this order: one message for all.
        reason: digest ? `merged_into_digest: ${digest.id}` : null,
      };
      await r.messages.insert(row);
      if (!digest) {
        jobs.push({ type: 'message.send', storeId: store.id, key: `msg:${key}`, runAt: planned.sendAt, payload: { storeId: store.id, messageId: row.id } });
      }
      continue;
    }
    const s = plan.suppressed[0];
    if (s && VISIBLE_SUPPRESSIONS.has(s.reason)) {
      await r.messages.insert({ ...blank(), ...base, id: newId('message', now), channel: s.channel ?? null, sendAt: at, status: 'suppressed', reason: suppressionReason(s) });
    }
  }
  await r.jobs.enqueue(jobs, now);
}

function blank(): Omit<Message, 'id' | 'storeId' | 'key' | 'trigger' | 'locale' | 'orderId' | 'shipmentId' | 'customerId' | 'createdAt' | 'updatedAt' | 'status' | 'sendAt'> {
  return { digestKey: null, channel: null, recipient: null, reason: null, sentAt: null, providerMessageId: null, subject: null, bodyText: null, bodyHtml: null, attempts: 0, cancelWhen: [] };
}

/** `unreachable (email: no_address, line: no_consent)`, `daily_cap`. */
export function suppressionReason(s: Suppression): string {
  if (!s.skipped?.length) return s.reason;
  return `${s.reason} (${s.skipped.map((k) => `${k.channel}: ${k.reason}`).join(', ')})`;
}

interface SendFacts {
  message: Message;
  store: Store;
  order: Order | null;
  shipment: Shipment | null;
  customer: Customer | null;
  pickup: Pickup | null;
}

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'suppressed';

/**
 * Job `message.send`: sends one message at most once. `finalAttempt`: the job will not be retried,
 * so a transient failure fails the message visibly instead of leaving it scheduled.
 * Throws on a transient provider failure so the job retries with backoff.
 */
export async function sendMessage(deps: MessageAppDeps, storeId: string, messageId: string, finalAttempt = false): Promise<SendOutcome> {
  const claimedAt = deps.clock.now().toISOString();
  const facts = await deps.persistence.transaction(async (r): Promise<SendFacts | null> => {
    const m = await r.messages.get(storeId, messageId);
    // `sending`: a previous attempt died mid-send; send again under the same idempotency key.
    if (!m || (m.status !== 'scheduled' && m.status !== 'sending')) return null;
    const store = await r.stores.get(storeId);
    if (!store) return null;
    const message: Message = { ...m, status: 'sending', attempts: m.attempts + 1, updatedAt: claimedAt };
    await r.messages.update(message);
    const order = m.orderId ? await r.orders.get(storeId, m.orderId) : null;
    const [shipment, customer, pickup] = await Promise.all([
      m.shipmentId ? r.shipments.get(storeId, m.shipmentId) : null,
      order?.customerId ? r.customers.get(storeId, order.customerId) : null,
      order && order.deliveryMethod !== 'ship' ? r.pickups.getByOrder(storeId, order.id) : null,
    ]);
    return { message, store, order, shipment, customer, pickup };
  });
  if (!facts) return 'skipped';
  const { message } = facts;
  if (!facts.order || !message.channel || !message.recipient) return finish(deps, message, { status: 'failed', reason: 'missing_order_or_recipient' });

  const template = deps.messaging.templates(storeId, message.trigger, message.channel, message.locale);
  const rendered = deps.messaging.renderer.renderMessage(template, messageContextFor({ ...facts, order: facts.order }));
  if (!rendered.ok) {
    const e = rendered.error;
    return finish(deps, message, { status: 'failed', reason: `template_error: ${e.part} ${e.line}:${e.column} ${e.message}` });
  }
  const content = { subject: rendered.subject ?? null, bodyText: rendered.text, bodyHtml: rendered.html ?? null };
  const out: OutboundMessage = {
    id: message.id,
    channel: message.channel,
    to: message.recipient,
    text: rendered.sms?.text ?? rendered.text,
    ...(rendered.subject !== undefined && { subject: rendered.subject }),
    ...(rendered.html !== undefined && { html: rendered.html }),
    ...(rendered.line && { line: { messages: rendered.line.messages } }),
  };
  try {
    const result = await deps.messaging.channels.get(storeId, message.channel).send(out);
    return finish(deps, message, { status: 'sent', reason: null, providerMessageId: result.providerMessageId, ...content });
  } catch (e) {
    if (isChannelNotConfigured(e)) return finish(deps, message, { status: 'suppressed', reason: 'no_channel_configured', ...content });
    if (isPermanentChannelError(e)) return finish(deps, message, { status: 'failed', reason: `${e.reason}: ${e.message}`, ...content });
    const reason = isTransientChannelError(e) ? e.reason : e instanceof Error ? e.message : String(e);
    if (finalAttempt) return finish(deps, message, { status: 'failed', reason: `gave_up: ${reason}`, ...content });
    // Back to scheduled: the job retries with backoff.
    await finish(deps, message, { status: 'scheduled', reason: `retrying: ${reason}`, ...content });
    throw e;
  }
}

type Outcome = Pick<Message, 'status' | 'reason'> & Partial<Pick<Message, 'providerMessageId' | 'subject' | 'bodyText' | 'bodyHtml'>>;

async function finish(deps: AppDeps, claimed: Message, outcome: Outcome): Promise<SendOutcome> {
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.persistence.transaction(async (r) => {
    const m: Message = { ...claimed, ...outcome, updatedAt: at, ...(outcome.status === 'sent' && { sentAt: at }) };
    await r.messages.update(m);
    if (outcome.status === 'scheduled') return;
    const type = outcome.status === 'sent' ? 'message.sent' : outcome.status === 'failed' ? 'message.failed' : 'message.not_sent';
    await r.events.append([
      eventsFor(m.storeId, now)({
        type,
        subjectType: 'message',
        subjectId: m.id,
        orderId: m.orderId,
        customerId: m.customerId,
        actor: 'system',
        data: { trigger: m.trigger, channel: m.channel, recipient: m.recipient, subject: m.subject, reason: m.reason },
      }),
    ]);
  });
  return outcome.status === 'sent' ? 'sent' : outcome.status === 'suppressed' ? 'suppressed' : outcome.status === 'failed' ? 'failed' : 'skipped';
}

/** The message log of an order or a customer, oldest first. */
export async function listMessages(deps: AppDeps, storeId: string, filter: { orderId?: string; customerId?: string }, limit: number, cursor: string | null): Promise<Page<Message>> {
  const r = deps.persistence.read;
  if (filter.orderId) return r.messages.listByOrder(storeId, filter.orderId, limit, cursor);
  if (filter.customerId) return r.messages.listByCustomer(storeId, filter.customerId, limit, cursor);
  throw new AppError('VALIDATION_FAILED', 'Give orderId or customerId.', {});
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

const itemOf = (l: LineItem, quantity = l.quantity - l.cancelledQuantity): MessageItem => ({
  title: l.title,
  variantTitle: l.variantTitle,
  quantity,
  unitPrice: l.unitPrice,
  imageUrl: l.imageUrl,
  finalSale: l.finalSale,
});

/** What a template sees, from the stored order, shipment, customer, pickup and store. */
export function messageContextFor(f: { message: Message; store: Store; order: Order; shipment: Shipment | null; customer: Customer | null; pickup: Pickup | null }): MessageContext {
  const { message, store, order, shipment, customer, pickup } = f;
  const locale = message.locale;
  const items = order.lineItems.map((l) => itemOf(l)).filter((i) => i.quantity > 0);
  const estimate = shipment?.estimatedDelivery?.latest ?? shipment?.carrierEstimate ?? null;
  const loc = pickup?.location ?? {};
  return {
    trigger: message.trigger,
    locale,
    store: {
      name: store.name,
      timezone: store.timezone,
      brand: { logoUrl: store.settings.brand.logoUrl, primaryColor: store.settings.brand.primaryColor, accentColor: store.settings.brand.accentColor },
      support: { ...store.settings.support },
      policies: { cancellation: null, returns: null, returnsUrl: null },
    },
    customer: { name: customer?.name ?? order.shippingAddress?.name ?? null },
    order: {
      number: order.number,
      placedAt: order.placedAt,
      currency: order.currency,
      items,
      totals: order.totals,
      deliveryMethod: order.deliveryMethod,
      requestedDeliveryDate: order.requestedDeliveryDate,
      requestedTimeSlot: order.requestedTimeSlot,
      fulfillmentNote: order.fulfillmentNote,
      processingDays: store.settings.handlingDays,
      estimatedDelivery: estimate,
      hasFinalSale: items.some((i) => i.finalSale),
    },
    shipment: shipment
      ? {
          carrierName: shipment.carrier,
          trackingNumber: shipment.trackingNumber,
          trackingUrl: shipment.trackingUrl,
          estimatedDelivery: estimate,
          previousEstimate: null,
          redeliveryUrl: null,
          statusLabel: statusLabel(shipment.status, (shipment.substatus ?? undefined) as ShipmentSubstatus | undefined, locale),
          items: shipment.items.flatMap((si) => {
            const l = order.lineItems.find((x) => x.id === si.lineItemId);
            return l ? [itemOf(l, si.quantity)] : [];
          }),
        }
      : null,
    pickup: pickup
      ? {
          location: { name: str(loc.name) ?? store.name, address: str(loc.address) ?? '', phone: str(loc.phone) },
          hours: str(loc.hours),
          directions: str(loc.directions),
          parking: str(loc.parking),
          whatToBring: str(loc.whatToBring),
          holdUntil: pickup.expiresAt,
          onMyWayUrl: null,
          qrCodeDataUrl: null,
        }
      : null,
    links: { trackingPage: null, preferences: null, unsubscribe: null },
    cancellation:
      message.trigger === 'order.cancelled'
        ? {
            items: order.lineItems.filter((l) => l.cancelledQuantity > 0).map((l) => itemOf(l, l.cancelledQuantity)),
            refundAmount: order.lineItems.reduce((sum, l) => sum + l.cancelledQuantity * l.unitPrice, 0),
            refundEta: null,
            reason: order.cancelReason,
            goodwillCode: null,
            goodwillOffer: null,
          }
        : null,
  };
}
