import { makeTransition, type TransitionTable } from '../shared/machine.ts';

export const PICKUP_STATUSES = ['preparing', 'ready_for_pickup', 'picked_up', 'expired', 'cancelled'] as const;
export type PickupStatus = (typeof PICKUP_STATUSES)[number];

export const PICKUP_EVENTS = ['mark_ready', 'check_in', 'pick_up', 'expire', 'cancel'] as const;
export type PickupEvent = (typeof PICKUP_EVENTS)[number];

const e = (to: PickupStatus, ...emits: string[]) => ({ to, emits });

/** In-store pickup and curbside: prepared, ready, collected (or never collected). */
export const PICKUP_TRANSITIONS: TransitionTable<PickupStatus, PickupEvent> = {
  preparing: {
    mark_ready: e('ready_for_pickup', 'pickup.ready'),
    cancel: e('cancelled', 'pickup.cancelled'),
  },
  ready_for_pickup: {
    check_in: e('ready_for_pickup', 'pickup.checked_in'),
    pick_up: e('picked_up', 'pickup.picked_up'),
    expire: e('expired', 'pickup.expired'),
    cancel: e('cancelled', 'pickup.cancelled'),
  },
  picked_up: {},
  expired: {
    // A shopper who comes after the hold period may still be served if the goods are there.
    pick_up: e('picked_up', 'pickup.picked_up'),
  },
  cancelled: {},
};

export const transitionPickup = makeTransition('pickup', PICKUP_TRANSITIONS);
