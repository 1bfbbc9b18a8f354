import { parseInput } from '../../../core/shared/validate.ts';
import { text } from './order.mapper.ts';
import { ShopifyRefundSchema } from './payloads.ts';

/** A refund as the refund use case takes it: amounts are decimal strings as Shopify sends them. */
export interface ShopifyRefundIntake {
  orderExternalId: string;
  refund: {
    externalId: string;
    occurredAt?: string;
    note?: string;
    /** The money that went back: successful refund transactions. */
    payments: Array<{ amount: string; currency?: string }>;
    lines: Array<{ lineItemExternalId: string; quantity: number; subtotal?: string }>;
  };
}

const decimal = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? undefined : String(v));

/** Maps a refunds/create payload. Only successful (or status-less) `refund` transactions count as money returned. */
export function mapShopifyRefund(payload: unknown): ShopifyRefundIntake {
  const r = parseInput(ShopifyRefundSchema, payload);
  const payments = (r.transactions ?? [])
    .filter((t) => (t.kind ?? 'refund') === 'refund' && (!t.status || t.status === 'success'))
    .map((t) => ({ amount: String(t.amount), ...(t.currency && { currency: t.currency.toUpperCase() }) }));
  const lines = (r.refund_line_items ?? [])
    .filter((l) => l.quantity >= 0)
    .map((l) => {
      const subtotal = decimal(l.subtotal);
      return { lineItemExternalId: l.line_item_id, quantity: l.quantity, ...(subtotal !== undefined && { subtotal }) };
    });
  const occurredAt = text(r.processed_at) ?? text(r.created_at);
  const note = text(r.note, 1000);
  return {
    orderExternalId: r.order_id,
    refund: { externalId: r.id, ...(occurredAt && { occurredAt }), ...(note && { note }), payments, lines },
  };
}
