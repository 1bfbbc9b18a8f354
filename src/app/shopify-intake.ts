import { z } from 'zod';
import { OrderInputSchema, type OrderInput } from '../core/order/order.input.ts';
import type { Order } from '../core/order/order.types.ts';
import type { Repos } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { parseDecimalToMinor } from '../core/shared/money.ts';
import { parseInput } from '../core/shared/validate.ts';
import { ShipmentInputSchema, type ShipmentInput } from '../core/shipment/shipment.input.ts';
import type { SecretName, Store } from '../core/store/store.types.ts';
import { eventsFor, type AppDeps } from './deps.ts';
import { upsertOrderIn, type IntakeContext } from './orders.ts';
import { recordShipmentIn } from './shipments.ts';

/**
 * Platform intake (Shopify webhooks): authenticate the delivery, then record its receipt and its
 * effect in ONE transaction, so a delivery that fails is not marked as seen and its retry runs.
 */

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as 1200.00');
const iso = z.iso.datetime({ offset: true });

/** A refund as platforms report it: decimal amounts in the given currency (default: the order's). */
export const RefundInputSchema = z.object({
  externalId: z.string().min(1).max(100),
  occurredAt: iso.optional(),
  note: z.string().max(1000).optional(),
  payments: z.array(z.object({ amount: decimal, currency: z.string().regex(/^[A-Z]{3}$/).optional() })).max(100),
  lines: z
    .array(z.object({ lineItemExternalId: z.string().min(1).max(100), quantity: z.number().int().min(0).max(100_000), subtotal: decimal.optional() }))
    .max(500),
});
export type RefundInput = z.input<typeof RefundInputSchema>;

/** What a platform delivery asks for, already mapped to Otodoke's inputs by the platform adapter. */
export type PlatformIntake =
  | { kind: 'order'; order: OrderInput }
  | { kind: 'fulfillment'; orderExternalId: string; shipment: ShipmentInput }
  | { kind: 'refund'; orderExternalId: string; refund: RefundInput }
  | { kind: 'ignored' };

export interface WebhookDelivery {
  /** The platform: part of the deduplication key of deliveries and of the records they create. */
  source: string;
  /** The platform's delivery id (X-Shopify-Webhook-Id); null when absent: natural keys still dedupe. */
  webhookId: string | null;
  topic: string;
}

export interface IntakeOutcome {
  status: 'created' | 'updated' | 'unchanged' | 'duplicate' | 'ignored';
  orderId?: string;
  shipmentId?: string;
}

/**
 * Finds the store a webhook is addressed to and checks its signature with the store's secret.
 * `verify` gets the secret and answers whether the signature holds (the adapter knows the scheme).
 */
export async function authenticateWebhook(
  deps: AppDeps,
  storeId: string,
  secretName: SecretName,
  signature: string | undefined,
  verify: (secret: string, signature: string) => boolean,
): Promise<Store> {
  const store = await deps.persistence.read.stores.get(storeId);
  if (!store) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId });
  const secret = (await deps.persistence.read.stores.getSecrets(storeId))[secretName];
  if (!secret) throw new AppError('WEBHOOK_SECRET_NOT_CONFIGURED', `This store has no ${secretName} webhook secret configured.`);
  if (!signature) throw new AppError('WEBHOOK_SIGNATURE_MISSING', 'The webhook carries no signature.');
  if (!verify(secret, signature)) throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not match its body.');
  return store;
}

async function knownOrder(r: Repos, storeId: string, source: string, externalId: string): Promise<Order> {
  const order = await r.orders.getByExternal(storeId, source, externalId);
  if (!order) {
    throw new AppError('ORDER_NOT_YET_KNOWN', `Order ${externalId} from ${source} has not arrived yet; deliver this again later.`, { source, externalId });
  }
  return order;
}

/**
 * Applies one verified platform delivery. A delivery id seen before is a duplicate and changes
 * nothing; an event for an order not received yet fails with ORDER_NOT_YET_KNOWN (503) so the
 * platform delivers it again later, and its id is not recorded.
 */
export async function ingestPlatformWebhook(deps: AppDeps, storeId: string, delivery: WebhookDelivery, intake: PlatformIntake): Promise<IntakeOutcome> {
  if (intake.kind === 'ignored') return { status: 'ignored' };
  // Validate before the transaction: bad input writes nothing, not even the receipt.
  const order = intake.kind === 'order' ? parseInput(OrderInputSchema, intake.order) : null;
  if (intake.kind === 'fulfillment') parseInput(ShipmentInputSchema, intake.shipment);
  const refund = intake.kind === 'refund' ? parseInput(RefundInputSchema, intake.refund) : null;
  const ctx: IntakeContext = { source: delivery.source, actor: delivery.source };
  const now = deps.clock.now();
  return deps.persistence.transaction(async (r): Promise<IntakeOutcome> => {
    if (delivery.webhookId && !(await r.webhooks.record(storeId, delivery.source, delivery.webhookId, delivery.topic, now.toISOString()))) {
      return { status: 'duplicate' };
    }
    switch (intake.kind) {
      case 'order': {
        const res = await upsertOrderIn(r, now, storeId, order!, ctx);
        return { status: res.created ? 'created' : res.changed ? 'updated' : 'unchanged', orderId: res.order.id };
      }
      case 'fulfillment': {
        const target = await knownOrder(r, storeId, delivery.source, intake.orderExternalId);
        const res = await recordShipmentIn(r, now, storeId, target.id, intake.shipment, { ...ctx, lenient: true });
        return { status: res.created ? 'created' : 'updated', orderId: target.id, shipmentId: res.shipment.id };
      }
      case 'refund': {
        const target = await knownOrder(r, storeId, delivery.source, intake.orderExternalId);
        const recorded = await recordRefundIn(r, now, storeId, target, refund!, ctx);
        return { status: recorded ? 'created' : 'unchanged', orderId: target.id };
      }
    }
  });
}

/**
 * Appends an `order.refunded` event (amount in minor units, lines, note) to the order's timeline.
 * The refund's own id deduplicates it, so a refund reported twice is recorded once. The order's
 * state does not change: a refund is money, not fulfillment.
 */
export async function recordRefundIn(r: Repos, now: Date, storeId: string, order: Order, refund: z.output<typeof RefundInputSchema>, ctx: IntakeContext): Promise<boolean> {
  const at = now.toISOString();
  if (!(await r.webhooks.record(storeId, `${ctx.source}.refund`, refund.externalId, 'refund', at))) return false;
  const currency = refund.payments[0]?.currency ?? order.currency;
  const minor = (value: string, cur: string) => {
    const m = parseDecimalToMinor(value, cur);
    if (m === null) throw new AppError('VALIDATION_FAILED', `The refund amount ${value} is not a valid ${cur} amount.`, { value, currency: cur });
    return m;
  };
  const lines = refund.lines.map((l) => {
    const line = order.lineItems.find((x) => x.externalId === l.lineItemExternalId);
    return {
      lineItemId: line?.id ?? null,
      lineItemExternalId: l.lineItemExternalId,
      title: line?.title ?? null,
      quantity: l.quantity,
      amount: l.subtotal !== undefined ? minor(l.subtotal, order.currency) : null,
    };
  });
  const payments = refund.payments.filter((p) => (p.currency ?? currency) === currency);
  const amount =
    payments.length > 0
      ? payments.reduce((s, p) => s + minor(p.amount, currency), 0)
      : lines.some((l) => l.amount !== null)
        ? lines.reduce((s, l) => s + (l.amount ?? 0), 0)
        : null;
  const ev = eventsFor(storeId, now);
  await r.events.append([
    ev({
      type: 'order.refunded',
      subjectType: 'order',
      subjectId: order.id,
      orderId: order.id,
      customerId: order.customerId,
      actor: ctx.actor,
      occurredAt: refund.occurredAt ? new Date(refund.occurredAt).toISOString() : at,
      data: { refundId: refund.externalId, amount, currency: payments.length > 0 ? currency : order.currency, lines, note: refund.note ?? null },
    }),
  ]);
  return true;
}
