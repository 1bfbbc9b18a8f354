import { AppError } from '../shared/errors.ts';
import type { Shipment, ShipmentItem } from '../shipment/shipment.types.ts';
import { ORDER_TRANSITIONS, transitionOrder, type OrderEvent } from './order.machine.ts';
import { canTransition } from '../shared/machine.ts';
import type { LineItem, OrderStatus } from './order.types.ts';

export type Degree = 'none' | 'partial' | 'all';

export interface Rollup {
  fulfilled: Degree;
  delivered: Degree;
  /** Open (not cancelled) quantity per line item. */
  open: Record<string, number>;
  shipped: Record<string, number>;
  deliveredQty: Record<string, number>;
}

const DELIVERED_LIKE = new Set(['delivered']);

/** The items a shipment carries; a shipment that names none carries every open item of the order. */
export function shipmentItems(shipment: Pick<Shipment, 'items'>, lines: LineItem[]): ShipmentItem[] {
  if (shipment.items.length > 0) return shipment.items;
  return lines
    .filter((l) => l.requiresShipping)
    .map((l) => ({ lineItemId: l.id, quantity: l.quantity - l.cancelledQuantity }))
    .filter((i) => i.quantity > 0);
}

/**
 * Rolls an order's shipments up into how much of it is fulfilled and delivered. Only lines that
 * need shipping count; cancelled quantities are out of scope; cancelled shipments count for nothing.
 */
export function rollupOrder(lines: LineItem[], shipments: Array<Pick<Shipment, 'items' | 'status' | 'cancelled'>>): Rollup {
  const open: Record<string, number> = {};
  for (const l of lines) if (l.requiresShipping) open[l.id] = Math.max(0, l.quantity - l.cancelledQuantity);
  const shipped: Record<string, number> = {};
  const deliveredQty: Record<string, number> = {};
  for (const s of shipments) {
    if (s.cancelled) continue;
    for (const item of shipmentItems(s, lines)) {
      if (!(item.lineItemId in open)) continue;
      shipped[item.lineItemId] = (shipped[item.lineItemId] ?? 0) + item.quantity;
      if (DELIVERED_LIKE.has(s.status)) deliveredQty[item.lineItemId] = (deliveredQty[item.lineItemId] ?? 0) + item.quantity;
    }
  }
  const degree = (done: Record<string, number>): Degree => {
    const ids = Object.keys(open).filter((id) => open[id]! > 0);
    if (ids.length === 0) return 'none';
    const full = ids.filter((id) => (done[id] ?? 0) >= open[id]!).length;
    const any = ids.some((id) => (done[id] ?? 0) > 0);
    if (full === ids.length) return 'all';
    return any ? 'partial' : 'none';
  };
  return { fulfilled: degree(shipped), delivered: degree(deliveredQty), open, shipped, deliveredQty };
}

/** The order event that moves `status` to what the roll-up says, or null when it already agrees. */
export function rollupEvent(status: OrderStatus, r: Rollup): OrderEvent | null {
  if (status === 'cancelled' || status === 'completed') return null;
  let target: OrderStatus | null;
  if (r.delivered === 'all') target = 'delivered';
  else if (r.delivered === 'partial') target = 'partially_delivered';
  else if (r.fulfilled === 'all') target = 'fulfilled';
  else if (r.fulfilled === 'partial') target = 'partially_fulfilled';
  else target = null;
  // Nothing ships any more (every shipment cancelled): an order that had shipped goes back.
  if (target === null) return status === 'partially_fulfilled' || status === 'fulfilled' ? 'unfulfill' : null;
  if (target === status) return null;
  const byTarget: Record<string, OrderEvent> = {
    delivered: 'deliver_all',
    partially_delivered: 'deliver_partial',
    fulfilled: 'fulfill_all',
    partially_fulfilled: 'fulfill_partial',
  };
  return byTarget[target] ?? null;
}

/**
 * The events that take the order from `status` to where the roll-up says it is, step by step
 * along the machine: a confirmed order whose only parcel is already delivered (its scans came
 * before the shipment was recorded) is fulfilled first, then delivered.
 */
export function rollupPath(status: OrderStatus, r: Rollup): OrderEvent[] {
  const path: OrderEvent[] = [];
  let at = status;
  for (let i = 0; i < 4; i++) {
    const event = rollupEvent(at, r);
    if (!event) break;
    let step: OrderEvent = event;
    if (!canTransition(ORDER_TRANSITIONS, at, event)) {
      step = r.fulfilled === 'all' ? 'fulfill_all' : 'fulfill_partial';
      if (step === event || !canTransition(ORDER_TRANSITIONS, at, step)) break;
    }
    path.push(step);
    at = transitionOrder(at, step).next;
  }
  return path;
}

export interface CancelLine {
  lineItemId: string;
  quantity: number;
}

/**
 * Checks a partial cancellation against what is still open and not yet shipped. Returns the new
 * cancelled quantity per line and whether nothing is left open (then the whole order is cancelled).
 */
export function planCancellation(lines: LineItem[], shipments: Array<Pick<Shipment, 'items' | 'status' | 'cancelled'>>, request: CancelLine[]) {
  const r = rollupOrder(lines, shipments);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const cancelled: Record<string, number> = {};
  for (const req of request) {
    const line = byId.get(req.lineItemId);
    if (!line) throw new AppError('LINE_ITEM_NOT_IN_ORDER', `Line item ${req.lineItemId} is not part of this order.`, { lineItemId: req.lineItemId });
    const alreadyCancelled = cancelled[line.id] ?? line.cancelledQuantity;
    const cancellable = line.quantity - alreadyCancelled - (r.shipped[line.id] ?? 0);
    if (req.quantity > cancellable) {
      throw new AppError('CANCEL_QUANTITY_EXCEEDS_OPEN', `Only ${Math.max(0, cancellable)} of "${line.title}" can still be cancelled.`, {
        lineItemId: line.id,
        requested: req.quantity,
        cancellable: Math.max(0, cancellable),
      });
    }
    cancelled[line.id] = alreadyCancelled + req.quantity;
  }
  const remaining = lines.reduce((sum, l) => sum + l.quantity - (cancelled[l.id] ?? l.cancelledQuantity), 0);
  return { cancelled, nothingLeft: remaining === 0 };
}
