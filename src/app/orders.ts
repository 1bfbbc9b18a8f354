import { linkLine, variantFinder, type LineKeys } from '../core/catalog/catalog.ts';
import type { VariantMatch } from '../core/catalog/product.types.ts';
import { parseInput } from '../core/shared/validate.ts';
import { OrderInputSchema, normalizeEmail, normalizePhone, type OrderInput, type ParsedOrderInput } from '../core/order/order.input.ts';
import { transitionOrder, type OrderEvent } from '../core/order/order.machine.ts';
import type { LineItem, Order } from '../core/order/order.types.ts';
import { planCancellation, rollupOrder, rollupPath, type CancelLine } from '../core/order/rollup.ts';
import type { Shipment } from '../core/shipment/shipment.types.ts';
import type { OrderFilter, Pickup, Repos, TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import type { Store } from '../core/store/store.types.ts';
import { phoneCountry, resolveCustomer } from './customers.ts';
import { eventsFor, type AppDeps } from './deps.ts';

export interface IntakeContext {
  /** Where the order comes from: `api`, `shopify`, `csv`, `demo`… Part of the deduplication key. */
  source: string;
  actor: string;
}

export interface UpsertResult {
  order: Order;
  created: boolean;
  changed: boolean;
}

async function loadStore(r: Repos, storeId: string): Promise<Store> {
  const store = await r.stores.get(storeId);
  if (!store) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId });
  return store;
}

function buildLines(input: ParsedOrderInput, now: Date, catalog: (line: LineKeys) => VariantMatch | null, previous: LineItem[] = []): LineItem[] {
  const byExternal = new Map(previous.filter((l) => l.externalId).map((l) => [l.externalId!, l]));
  return input.lineItems.map((l, i) => {
    const before = (l.externalId && byExternal.get(l.externalId)) || (!l.externalId ? previous[i] : undefined);
    // What the line does not say, it takes from the catalog variant it names.
    const linked = linkLine(catalog(l), before);
    return {
      id: before?.id ?? newId('lineItem', now),
      externalId: l.externalId ?? null,
      productId: linked?.productId ?? null,
      variantId: linked?.variantId ?? null,
      sku: l.sku ?? null,
      title: l.title,
      variantTitle: l.variantTitle ?? null,
      quantity: l.quantity,
      cancelledQuantity: Math.min(before?.cancelledQuantity ?? 0, l.quantity),
      unitPrice: l.unitPrice,
      imageUrl: l.imageUrl ?? linked?.imageUrl ?? null,
      category: l.category ?? linked?.category ?? null,
      tags: l.tags ?? linked?.tags ?? [],
      finalSale: l.finalSale ?? linked?.finalSale ?? false,
      requiresShipping: l.requiresShipping ?? true,
    };
  });
}

/** The catalog variants the order's lines name, found in one query. */
async function catalogFor(r: Repos, storeId: string, source: string, input: ParsedOrderInput): Promise<(line: LineKeys) => VariantMatch | null> {
  const externalIds = [...new Set(input.lineItems.flatMap((l) => (l.variantExternalId ? [l.variantExternalId] : [])))];
  const skus = [...new Set(input.lineItems.flatMap((l) => (l.sku ? [l.sku] : [])))];
  return variantFinder(await r.products.findVariants(storeId, source, { externalIds, skus }), source);
}

function totalsOf(input: ParsedOrderInput, lines: LineItem[]): Order['totals'] {
  const subtotal = input.totals?.subtotal ?? lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  const shipping = input.totals?.shipping ?? 0;
  const tax = input.totals?.tax ?? 0;
  const discount = input.totals?.discount ?? 0;
  return { subtotal, shipping, tax, discount, total: input.totals?.total ?? subtotal + shipping + tax - discount };
}

/** Applies a machine event to an order, returning the events to append. */
export function apply(order: Order, event: OrderEvent, ev: ReturnType<typeof eventsFor>, actor: string, data: Record<string, unknown> = {}, occurredAt?: string) {
  const t = transitionOrder(order.status, event);
  order.status = t.next;
  return t.emits.map((type) =>
    ev({ type, subjectType: 'order', subjectId: order.id, orderId: order.id, customerId: order.customerId, actor, data: { from: t.from, to: t.next, ...data }, occurredAt }),
  );
}

/**
 * Re-reads the order's shipments and moves the order to where they say it is. `occurredAt` is when
 * the shipment change that moves it happened (a scan's time), so the timeline reads in order.
 */
export async function syncOrderWithShipments(r: Repos, order: Order, ev: ReturnType<typeof eventsFor>, actor: string, occurredAt?: string): Promise<TimelineEvent[]> {
  return advanceOrder(order, await r.shipments.listByOrder(order.storeId, order.id), ev, actor, occurredAt);
}

/** Moves an order (in memory) along the machine to where the given shipments say it is. */
export function advanceOrder(order: Order, shipments: Shipment[], ev: ReturnType<typeof eventsFor>, actor: string, occurredAt?: string): TimelineEvent[] {
  return rollupPath(order.status, rollupOrder(order.lineItems, shipments)).flatMap((event) => apply(order, event, ev, actor, {}, occurredAt));
}

export async function upsertOrder(deps: AppDeps, storeId: string, raw: OrderInput, ctx: IntakeContext, mode: 'create' | 'upsert' = 'upsert'): Promise<UpsertResult> {
  const input = parseInput(OrderInputSchema, raw);
  const now = deps.clock.now();
  return deps.persistence.transaction((r) => upsertOrderIn(r, now, storeId, input, ctx, mode));
}

/** upsertOrder inside a transaction the caller holds (e.g. with a webhook receipt recorded beside it). */
export async function upsertOrderIn(
  r: Repos,
  now: Date,
  storeId: string,
  input: ParsedOrderInput,
  ctx: IntakeContext,
  mode: 'create' | 'upsert' = 'upsert',
): Promise<UpsertResult> {
  const at = now.toISOString();
  const store = await loadStore(r, storeId);
  const ev = eventsFor(storeId, now);
  const existing = input.externalId ? await r.orders.getByExternal(storeId, ctx.source, input.externalId) : null;
  if (existing && mode === 'create') {
    throw new AppError('ORDER_ALREADY_EXISTS', `Order ${input.externalId} from ${ctx.source} exists already; use PUT to update it.`, { id: existing.id });
  }
  const locale = input.locale ?? input.customer.locale ?? null;
  const resolved = await resolveCustomer(r, store, input.customer, ctx.source, locale, now);
  const catalog = await catalogFor(r, storeId, ctx.source, input);
  const events: TimelineEvent[] = [];
  if (resolved?.created) {
    const c = resolved.customer;
    events.push(ev({ type: 'customer.created', subjectType: 'customer', subjectId: c.id, orderId: null, customerId: c.id, actor: ctx.actor, data: { source: ctx.source } }));
  }

  if (!existing) {
    const lines = buildLines(input, now, catalog);
    const order: Order = {
      id: newId('order', now),
      storeId,
      number: input.number,
      source: ctx.source,
      externalId: input.externalId ?? null,
      customerId: resolved?.customer.id ?? null,
      email: normalizeEmail(input.customer.email),
      phone: normalizePhone(input.customer.phone, phoneCountry(store)),
      locale: locale ?? resolved?.customer.locale ?? null,
      status: 'placed',
      placedAt: new Date(input.placedAt).toISOString(),
      currency: input.currency,
      totals: totalsOf(input, lines),
      deliveryMethod: input.deliveryMethod,
      shippingAddress: input.shippingAddress ?? null,
      requestedDeliveryDate: input.requestedDeliveryDate ?? null,
      requestedTimeSlot: input.requestedTimeSlot ?? null,
      fulfillmentNote: input.fulfillmentNote ?? null,
      tags: input.tags ?? [],
      cancelledAt: null,
      cancelReason: null,
      lineItems: lines,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    events.push(
      ev({
        type: 'order.placed',
        subjectType: 'order',
        subjectId: order.id,
        orderId: order.id,
        customerId: order.customerId,
        actor: ctx.actor,
        occurredAt: order.placedAt,
        data: { number: order.number, total: order.totals.total, currency: order.currency, items: lines.length, source: ctx.source },
      }),
    );
    if (input.confirmed) events.push(...apply(order, 'confirm', ev, ctx.actor, { number: order.number }));
    if (input.cancelled) {
      order.cancelledAt = input.cancelled.at ? new Date(input.cancelled.at).toISOString() : at;
      order.cancelReason = input.cancelled.reason ?? null;
      for (const l of order.lineItems) l.cancelledQuantity = l.quantity;
      events.push(...apply(order, 'cancel', ev, ctx.actor, { reason: order.cancelReason, full: true, refundAmount: order.totals.total }, order.cancelledAt));
    }
    await r.orders.insert(order);
    if (order.deliveryMethod !== 'ship') {
      const pickup: Pickup = {
        id: newId('pickup', now),
        storeId,
        orderId: order.id,
        status: order.status === 'cancelled' ? 'cancelled' : 'preparing',
        location: input.pickupLocation ?? {},
        readyAt: null,
        pickedUpAt: null,
        expiresAt: null,
        createdAt: at,
        updatedAt: at,
      };
      await r.pickups.insert(pickup);
    }
    await r.events.append(events);
    return { order, created: true, changed: true };
  }

  // Update: the platform's latest word on header fields and lines; state moves only by the machine.
  const order: Order = structuredClone(existing);
  const lines = buildLines(input, now, catalog, existing.lineItems);
  const next: Partial<Order> = {
    number: input.number,
    email: normalizeEmail(input.customer.email) ?? existing.email,
    phone: normalizePhone(input.customer.phone, phoneCountry(store)) ?? existing.phone,
    customerId: resolved?.customer.id ?? existing.customerId,
    locale: locale ?? existing.locale,
    totals: totalsOf(input, lines),
    shippingAddress: input.shippingAddress ?? existing.shippingAddress,
    requestedDeliveryDate: input.requestedDeliveryDate ?? existing.requestedDeliveryDate,
    requestedTimeSlot: input.requestedTimeSlot ?? existing.requestedTimeSlot,
    fulfillmentNote: input.fulfillmentNote ?? existing.fulfillmentNote,
    tags: input.tags ?? existing.tags,
    lineItems: lines,
  };
  const changedFields = Object.entries(next)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(existing[k as keyof Order]))
    .map(([k]) => k);
  Object.assign(order, next);
  if (changedFields.length) {
    events.push(ev({ type: 'order.updated', subjectType: 'order', subjectId: order.id, orderId: order.id, customerId: order.customerId, actor: ctx.actor, data: { changed: changedFields } }));
  }
  if (input.confirmed && order.status === 'placed') events.push(...apply(order, 'confirm', ev, ctx.actor));
  if (input.cancelled && order.status !== 'cancelled') {
    const cancelAt = input.cancelled.at ? new Date(input.cancelled.at).toISOString() : at;
    try {
      const shipments = await r.shipments.listByOrder(storeId, order.id);
      const rolled = rollupOrder(order.lineItems, shipments);
      const refund = order.lineItems.reduce((s, l) => s + (l.quantity - l.cancelledQuantity - (rolled.shipped[l.id] ?? 0)) * l.unitPrice, 0);
      events.push(...apply(order, 'cancel', ev, ctx.actor, { reason: input.cancelled.reason ?? null, full: true, refundAmount: Math.max(0, refund) }, cancelAt));
      order.cancelledAt = cancelAt;
      order.cancelReason = input.cancelled.reason ?? null;
      for (const l of order.lineItems) l.cancelledQuantity = Math.max(l.cancelledQuantity, l.quantity - (rolled.shipped[l.id] ?? 0));
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'INVALID_TRANSITION')) throw e;
      // The platform cancelled an order we know as delivered: keep our state and say so.
      events.push(ev({ type: 'order.cancellation_ignored', subjectType: 'order', subjectId: order.id, orderId: order.id, customerId: order.customerId, actor: ctx.actor, data: { status: order.status, reason: input.cancelled.reason ?? null } }));
    }
  }
  if (events.length === 0) return { order: existing, created: false, changed: false };
  events.push(...(await syncOrderWithShipments(r, order, ev, ctx.actor)));
  order.version = existing.version + 1;
  order.updatedAt = at;
  if (!(await r.orders.update(order))) throw new AppError('VERSION_CONFLICT', 'The order changed meanwhile.');
  await r.events.append(events);
  return { order, created: false, changed: true };
}

export interface CancelInput {
  reason?: string;
  /** Lines and quantities to cancel; absent means the whole order. */
  lineItems?: CancelLine[];
  expectedVersion?: number;
}

export async function cancelOrder(deps: AppDeps, storeId: string, orderId: string, input: CancelInput, actor: string): Promise<Order> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.persistence.transaction(async (r) => {
    const existing = await r.orders.get(storeId, orderId);
    if (!existing) throw new AppError('ORDER_NOT_FOUND', 'No order with that id in this store.', { id: orderId });
    if (input.expectedVersion !== undefined && input.expectedVersion !== existing.version) {
      throw new AppError('VERSION_CONFLICT', `The order is at version ${existing.version}, not ${input.expectedVersion}.`, { version: existing.version });
    }
    if (existing.status === 'cancelled') throw new AppError('ORDER_ALREADY_CANCELLED', 'The order is cancelled already.');
    const order = structuredClone(existing);
    const ev = eventsFor(storeId, now);
    const shipments = await r.shipments.listByOrder(storeId, orderId);
    const request =
      input.lineItems ??
      order.lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity - l.cancelledQuantity - (rollupOrder(order.lineItems, shipments).shipped[l.id] ?? 0) })).filter((l) => l.quantity > 0);
    if (request.length === 0) throw new AppError('CANCEL_QUANTITY_EXCEEDS_OPEN', 'Nothing in this order can still be cancelled: every item has shipped.');
    const plan = planCancellation(order.lineItems, shipments, request);
    const cancelledLines = request.map((req) => {
      const line = order.lineItems.find((l) => l.id === req.lineItemId)!;
      return { lineItemId: line.id, title: line.title, quantity: req.quantity, amount: req.quantity * line.unitPrice };
    });
    for (const l of order.lineItems) l.cancelledQuantity = plan.cancelled[l.id] ?? l.cancelledQuantity;
    const refundAmount = cancelledLines.reduce((s, l) => s + l.amount, 0);
    const data = { reason: input.reason ?? null, lines: cancelledLines, refundAmount, currency: order.currency };
    const events: TimelineEvent[] = [];
    if (plan.nothingLeft || (!input.lineItems && !shipments.some((s) => !s.cancelled))) {
      events.push(...apply(order, 'cancel', ev, actor, { ...data, full: true }));
      order.cancelledAt = at;
      order.cancelReason = input.reason ?? null;
    } else {
      events.push(...apply(order, 'cancel_partial', ev, actor, { ...data, full: false }));
      events.push(...(await syncOrderWithShipments(r, order, ev, actor)));
    }
    order.version = existing.version + 1;
    order.updatedAt = at;
    if (!(await r.orders.update(order))) throw new AppError('VERSION_CONFLICT', 'The order changed meanwhile.');
    await r.events.append(events);
    return order;
  });
}

export async function confirmOrder(deps: AppDeps, storeId: string, orderId: string, actor: string): Promise<Order> {
  const now = deps.clock.now();
  return deps.persistence.transaction(async (r) => {
    const existing = await r.orders.get(storeId, orderId);
    if (!existing) throw new AppError('ORDER_NOT_FOUND', 'No order with that id in this store.', { id: orderId });
    const order = structuredClone(existing);
    const events = apply(order, 'confirm', eventsFor(storeId, now), actor);
    order.version += 1;
    order.updatedAt = now.toISOString();
    if (!(await r.orders.update(order, { lines: false }))) throw new AppError('VERSION_CONFLICT', 'The order changed meanwhile.');
    await r.events.append(events);
    return order;
  });
}

export async function getOrder(deps: AppDeps, storeId: string, orderId: string) {
  const r = deps.persistence.read;
  const order = await r.orders.get(storeId, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND', 'No order with that id in this store.', { id: orderId });
  const [shipments, pickup] = await Promise.all([r.shipments.listByOrder(storeId, orderId), r.pickups.getByOrder(storeId, orderId)]);
  return { order, shipments, pickup };
}

export async function listOrders(deps: AppDeps, storeId: string, filter: OrderFilter, limit: number, cursor: string | null) {
  return deps.persistence.read.orders.list(storeId, filter, limit, cursor);
}

export async function orderTimeline(deps: AppDeps, storeId: string, orderId: string, limit: number, cursor: string | null) {
  const order = await deps.persistence.read.orders.get(storeId, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND', 'No order with that id in this store.', { id: orderId });
  return deps.persistence.read.events.forOrder(storeId, orderId, limit, cursor);
}

export async function customerTimeline(deps: AppDeps, storeId: string, customerId: string, limit: number, cursor: string | null) {
  const c = await deps.persistence.read.customers.get(storeId, customerId);
  if (!c) throw new AppError('CUSTOMER_NOT_FOUND', 'No customer with that id in this store.', { id: customerId });
  return deps.persistence.read.events.forCustomer(storeId, customerId, limit, cursor);
}
