import type { OrderRepo } from '../../../core/ports.ts';
import type { LineItem, Order } from '../../../core/order/order.types.ts';
import { bool, encodeCursor, fromJson, toJson } from '../json.ts';
import type { LineItemTable, OrderTable } from '../schema.ts';
import { readCursor } from './cursor.ts';
import type { Q } from './types.ts';

const toLine = (r: LineItemTable): LineItem => ({
  id: r.id,
  externalId: r.external_id,
  productId: r.product_id,
  variantId: r.variant_id,
  sku: r.sku,
  title: r.title,
  variantTitle: r.variant_title,
  quantity: r.quantity,
  cancelledQuantity: r.cancelled_quantity,
  unitPrice: Number(r.unit_price),
  imageUrl: r.image_url,
  category: r.category,
  tags: fromJson(r.tags, []),
  finalSale: Boolean(r.final_sale),
  requiresShipping: Boolean(r.requires_shipping),
});

const lineRow = (o: Order, l: LineItem, position: number): LineItemTable => ({
  id: l.id,
  store_id: o.storeId,
  order_id: o.id,
  position,
  external_id: l.externalId,
  product_id: l.productId,
  variant_id: l.variantId,
  sku: l.sku,
  title: l.title,
  variant_title: l.variantTitle,
  quantity: l.quantity,
  cancelled_quantity: l.cancelledQuantity,
  unit_price: l.unitPrice,
  image_url: l.imageUrl,
  category: l.category,
  tags: toJson(l.tags),
  final_sale: bool(l.finalSale),
  requires_shipping: bool(l.requiresShipping),
});

const toOrder = (r: OrderTable, lines: LineItem[]): Order => ({
  id: r.id,
  storeId: r.store_id,
  number: r.number,
  source: r.source,
  externalId: r.external_id,
  customerId: r.customer_id,
  email: r.email,
  phone: r.phone,
  locale: r.locale as Order['locale'],
  status: r.status as Order['status'],
  placedAt: r.placed_at,
  currency: r.currency,
  totals: {
    subtotal: Number(r.subtotal),
    shipping: Number(r.shipping_total),
    tax: Number(r.tax_total),
    discount: Number(r.discount_total),
    total: Number(r.total),
  },
  deliveryMethod: r.delivery_method as Order['deliveryMethod'],
  shippingAddress: fromJson(r.shipping_address, null),
  requestedDeliveryDate: r.requested_delivery_date,
  requestedTimeSlot: r.requested_time_slot,
  fulfillmentNote: r.fulfillment_note,
  tags: fromJson(r.tags, []),
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  lineItems: lines,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const orderRow = (o: Order): OrderTable => ({
  id: o.id,
  store_id: o.storeId,
  number: o.number,
  source: o.source,
  external_id: o.externalId,
  customer_id: o.customerId,
  email: o.email,
  phone: o.phone,
  locale: o.locale,
  status: o.status,
  placed_at: o.placedAt,
  currency: o.currency,
  subtotal: o.totals.subtotal,
  shipping_total: o.totals.shipping,
  tax_total: o.totals.tax,
  discount_total: o.totals.discount,
  total: o.totals.total,
  delivery_method: o.deliveryMethod,
  shipping_address: o.shippingAddress ? toJson(o.shippingAddress) : null,
  requested_delivery_date: o.requestedDeliveryDate,
  requested_time_slot: o.requestedTimeSlot,
  fulfillment_note: o.fulfillmentNote,
  tags: toJson(o.tags),
  cancelled_at: o.cancelledAt,
  cancel_reason: o.cancelReason,
  version: o.version,
  created_at: o.createdAt,
  updated_at: o.updatedAt,
});

export function orderRepo(q: Q): OrderRepo {
  async function withLines(rows: OrderTable[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const lines = await q
      .selectFrom('line_item')
      .selectAll()
      .where('store_id', '=', rows[0]!.store_id)
      .where(
        'order_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('order_id')
      .orderBy('position')
      .execute();
    const byOrder = new Map<string, LineItem[]>();
    for (const l of lines) {
      const list = byOrder.get(l.order_id) ?? [];
      list.push(toLine(l));
      byOrder.set(l.order_id, list);
    }
    return rows.map((r) => toOrder(r, byOrder.get(r.id) ?? []));
  }
  async function writeLines(o: Order) {
    if (o.lineItems.length === 0) return;
    await q
      .insertInto('line_item')
      .values(o.lineItems.map((l, i) => lineRow(o, l, i)))
      .execute();
  }

  return {
    async get(storeId, id) {
      const r = await q.selectFrom('order').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
      return r ? ((await withLines([r]))[0] ?? null) : null;
    },
    async getMany(storeId, ids) {
      const out: Order[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await q.selectFrom('order').selectAll().where('store_id', '=', storeId).where('id', 'in', ids.slice(i, i + 500)).execute();
        out.push(...(await withLines(rows)));
      }
      return out;
    },
    async getByExternal(storeId, source, externalId) {
      const r = await q
        .selectFrom('order')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('source', '=', source)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return r ? ((await withLines([r]))[0] ?? null) : null;
    },
    async insert(o) {
      await q.insertInto('order').values(orderRow(o)).execute();
      await writeLines(o);
    },
    async update(o, opts = {}) {
      const { id, store_id, ...rest } = orderRow(o);
      const res = await q
        .updateTable('order')
        .set(rest)
        .where('store_id', '=', store_id)
        .where('id', '=', id)
        .where('version', '=', o.version - 1)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      if (opts.lines === false) return true;
      // Lines are few per order: replace them, keeping their ids.
      await q.deleteFrom('line_item').where('store_id', '=', store_id).where('order_id', '=', id).execute();
      await writeLines(o);
      return true;
    },
    async list(storeId, filter, limit, cursor) {
      const after = readCursor(cursor, 2);
      let s = q.selectFrom('order').selectAll().where('store_id', '=', storeId);
      if (filter.status?.length) s = s.where('status', 'in', filter.status);
      if (filter.number) s = s.where('number', '=', filter.number);
      if (filter.email) s = s.where('email', '=', filter.email.toLowerCase());
      if (filter.customerId) s = s.where('customer_id', '=', filter.customerId);
      if (filter.placedFrom) s = s.where('placed_at', '>=', filter.placedFrom);
      if (filter.placedTo) s = s.where('placed_at', '<', filter.placedTo);
      if (after) {
        const [placedAt, id] = after as [string, string];
        s = s.where((eb) => eb.or([eb('placed_at', '<', placedAt), eb.and([eb('placed_at', '=', placedAt), eb('id', '<', id)])]));
      }
      const rows = await s.orderBy('placed_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
      const items = await withLines(rows.slice(0, limit));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.placedAt, last.id]) : null };
    },
  };
}
