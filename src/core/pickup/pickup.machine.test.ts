import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.ts';
import { PICKUP_EVENTS, PICKUP_STATUSES, transitionPickup, type PickupEvent, type PickupStatus } from './pickup.machine.ts';

const EXPECTED: Record<PickupStatus, Partial<Record<PickupEvent, [PickupStatus, string]>>> = {
  preparing: { mark_ready: ['ready_for_pickup', 'pickup.ready'], cancel: ['cancelled', 'pickup.cancelled'] },
  ready_for_pickup: {
    check_in: ['ready_for_pickup', 'pickup.checked_in'],
    pick_up: ['picked_up', 'pickup.picked_up'],
    expire: ['expired', 'pickup.expired'],
    cancel: ['cancelled', 'pickup.cancelled'],
  },
  picked_up: {},
  expired: { pick_up: ['picked_up', 'pickup.picked_up'] },
  cancelled: {},
};

describe('pickup machine', () => {
  for (const state of PICKUP_STATUSES) {
    for (const event of PICKUP_EVENTS) {
      const expected = EXPECTED[state][event];
      it(`${state} + ${event} → ${expected?.[0] ?? 'refused'}`, () => {
        if (expected) {
          const r = transitionPickup(state, event);
          expect(r.next).toBe(expected[0]);
          expect(r.emits).toEqual([expected[1]]);
        } else {
          let code: string | undefined;
          try {
            transitionPickup(state, event);
          } catch (e) {
            code = isAppError(e) ? e.code : 'other';
          }
          expect(code).toBe('INVALID_TRANSITION');
        }
      });
    }
  }
});
