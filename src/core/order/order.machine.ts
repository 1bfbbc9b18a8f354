import { makeTransition, type TransitionTable } from '../shared/machine.ts';
import type { OrderStatus } from './order.types.ts';

export const ORDER_EVENTS = [
  'confirm',
  'unfulfill',
  'fulfill_partial',
  'fulfill_all',
  'deliver_partial',
  'deliver_all',
  'complete',
  'cancel',
  'cancel_partial',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

const e = (to: OrderStatus, ...emits: string[]) => ({ to, emits });

/**
 * The order lifecycle. Fulfilment and delivery events come from the roll-up of the order's
 * shipments (see rollup.ts), so they may move backwards too: a delivered parcel that is returned
 * to the sender makes a delivered order partially delivered again.
 */
export const ORDER_TRANSITIONS: TransitionTable<OrderStatus, OrderEvent> = {
  placed: {
    confirm: e('confirmed', 'order.confirmed'),
    fulfill_partial: e('partially_fulfilled', 'order.partially_fulfilled'),
    fulfill_all: e('fulfilled', 'order.fulfilled'),
    cancel: e('cancelled', 'order.cancelled'),
    cancel_partial: e('placed', 'order.partially_cancelled'),
  },
  confirmed: {
    fulfill_partial: e('partially_fulfilled', 'order.partially_fulfilled'),
    fulfill_all: e('fulfilled', 'order.fulfilled'),
    cancel: e('cancelled', 'order.cancelled'),
    cancel_partial: e('confirmed', 'order.partially_cancelled'),
  },
  partially_fulfilled: {
    // Every shipment cancelled (a fulfillment withdrawn): back to waiting for shipment.
    unfulfill: e('confirmed', 'order.unfulfilled'),
    fulfill_partial: e('partially_fulfilled'),
    fulfill_all: e('fulfilled', 'order.fulfilled'),
    deliver_partial: e('partially_delivered', 'order.partially_delivered'),
    cancel: e('cancelled', 'order.cancelled'),
    cancel_partial: e('partially_fulfilled', 'order.partially_cancelled'),
  },
  fulfilled: {
    unfulfill: e('confirmed', 'order.unfulfilled'),
    fulfill_partial: e('partially_fulfilled', 'order.partially_fulfilled'),
    fulfill_all: e('fulfilled'),
    deliver_partial: e('partially_delivered', 'order.partially_delivered'),
    deliver_all: e('delivered', 'order.delivered'),
    cancel: e('cancelled', 'order.cancelled'),
  },
  partially_delivered: {
    fulfill_all: e('fulfilled', 'order.fulfilled'),
    deliver_partial: e('partially_delivered'),
    deliver_all: e('delivered', 'order.delivered'),
    cancel_partial: e('partially_delivered', 'order.partially_cancelled'),
  },
  delivered: {
    fulfill_all: e('fulfilled', 'order.fulfilled'),
    deliver_partial: e('partially_delivered', 'order.partially_delivered'),
    deliver_all: e('delivered'),
    complete: e('completed', 'order.completed'),
  },
  completed: {},
  cancelled: {},
};

export const transitionOrder = makeTransition('order', ORDER_TRANSITIONS);
