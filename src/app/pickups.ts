import type { OrderEvent } from '../core/order/order.machine.ts';
import { transitionPickup, type PickupEvent } from '../core/pickup/pickup.machine.ts';
import type { TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { eventsFor, type AppDeps } from './deps.ts';
import { apply } from './orders.ts';

/** What a pickup step means for its order: ready is fulfilled, collected is delivered. */
const ORDER_EVENT: Partial<Record<PickupEvent, OrderEvent>> = { mark_ready: 'fulfill_all', pick_up: 'deliver_all', cancel: 'cancel' };

export interface PickupStepInput {
  /** How long the store holds the goods once ready (default 7 days). */
  holdDays?: number;
  note?: string;
}

/** Moves an order's pickup one step (ready, check-in, picked up, expired, cancelled) and its order with it. */
export async function stepPickup(deps: AppDeps, storeId: string, orderId: string, step: PickupEvent, input: PickupStepInput, actor: string) {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.persistence.transaction(async (r) => {
    const order = await r.orders.get(storeId, orderId);
    if (!order) throw new AppError('ORDER_NOT_FOUND', 'No order with that id in this store.', { id: orderId });
    const pickup = await r.pickups.getByOrder(storeId, orderId);
    if (!pickup) throw new AppError('NOT_FOUND', `Order ${order.number} is not a pickup order.`, { id: orderId });
    const t = transitionPickup(pickup.status, step);
    const ev = eventsFor(storeId, now);
    const events: TimelineEvent[] = t.emits.map((type) =>
      ev({ type, subjectType: 'pickup', subjectId: pickup.id, orderId, customerId: order.customerId, actor, data: { from: t.from, to: t.next, location: pickup.location, ...(input.note && { note: input.note }) } }),
    );
    const next = { ...pickup, status: t.next, updatedAt: at };
    if (step === 'mark_ready') {
      next.readyAt = at;
      next.expiresAt = new Date(now.getTime() + (input.holdDays ?? 7) * 86_400_000).toISOString();
    }
    if (step === 'pick_up') next.pickedUpAt = at;
    await r.pickups.update(next);
    const orderEvent = ORDER_EVENT[step];
    if (orderEvent && order.status !== 'cancelled') {
      const updated = structuredClone(order);
      events.push(...apply(updated, orderEvent, ev, actor, { via: 'pickup' }));
      if (step === 'cancel') {
        updated.cancelledAt = at;
        for (const l of updated.lineItems) l.cancelledQuantity = l.quantity;
      }
      updated.version += 1;
      updated.updatedAt = at;
      if (!(await r.orders.update(updated, { lines: step === 'cancel' }))) throw new AppError('VERSION_CONFLICT', 'The order changed meanwhile.');
    }
    if (step === 'mark_ready' && next.expiresAt) {
      await r.jobs.enqueue([{ type: 'pickup.expire', storeId, key: `pickup:${pickup.id}:expire`, runAt: next.expiresAt, payload: { storeId, orderId } }], now);
    }
    await r.events.append(events);
    return next;
  });
}

/** Job: a pickup still waiting when its hold ends expires (one that was collected meanwhile is left alone). */
export async function expirePickup(deps: AppDeps, storeId: string, orderId: string) {
  const pickup = await deps.persistence.read.pickups.getByOrder(storeId, orderId);
  if (!pickup || pickup.status !== 'ready_for_pickup') return null;
  return stepPickup(deps, storeId, orderId, 'expire', {}, 'system');
}
