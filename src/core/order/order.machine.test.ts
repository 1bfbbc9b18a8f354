import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.ts';
import { ORDER_EVENTS, transitionOrder, type OrderEvent } from './order.machine.ts';
import { ORDER_STATUSES, type OrderStatus } from './order.types.ts';

// The expected table, written out independently of the machine: state → event → next state.
// A cell that is absent must be refused with INVALID_TRANSITION.
const EXPECTED: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  placed: { confirm: 'confirmed', fulfill_partial: 'partially_fulfilled', fulfill_all: 'fulfilled', cancel: 'cancelled', cancel_partial: 'placed' },
  confirmed: { fulfill_partial: 'partially_fulfilled', fulfill_all: 'fulfilled', cancel: 'cancelled', cancel_partial: 'confirmed' },
  partially_fulfilled: {
    unfulfill: 'confirmed',
    fulfill_partial: 'partially_fulfilled',
    fulfill_all: 'fulfilled',
    deliver_partial: 'partially_delivered',
    cancel: 'cancelled',
    cancel_partial: 'partially_fulfilled',
  },
  fulfilled: { unfulfill: 'confirmed', fulfill_partial: 'partially_fulfilled', fulfill_all: 'fulfilled', deliver_partial: 'partially_delivered', deliver_all: 'delivered', cancel: 'cancelled' },
  partially_delivered: { fulfill_all: 'fulfilled', deliver_partial: 'partially_delivered', deliver_all: 'delivered', cancel_partial: 'partially_delivered' },
  delivered: { fulfill_all: 'fulfilled', deliver_partial: 'partially_delivered', deliver_all: 'delivered', complete: 'completed' },
  completed: {},
  cancelled: {},
};

describe('order machine', () => {
  for (const state of ORDER_STATUSES) {
    for (const event of ORDER_EVENTS) {
      const expected = EXPECTED[state][event];
      it(`${state} + ${event} → ${expected ?? 'refused'}`, () => {
        if (expected) {
          const r = transitionOrder(state, event);
          expect(r.next).toBe(expected);
          expect(r.changed).toBe(expected !== state);
          // A change of state always tells the timeline; staying put tells it only for partial cancels.
          if (r.changed) expect(r.emits.length).toBeGreaterThan(0);
        } else {
          try {
            transitionOrder(state, event);
            expect.unreachable('transition should be refused');
          } catch (e) {
            expect(isAppError(e) && e.code).toBe('INVALID_TRANSITION');
          }
        }
      });
    }
  }

  it('names the events it emits after the state reached', () => {
    expect(transitionOrder('placed', 'confirm').emits).toEqual(['order.confirmed']);
    expect(transitionOrder('fulfilled', 'deliver_all').emits).toEqual(['order.delivered']);
    expect(transitionOrder('confirmed', 'cancel_partial').emits).toEqual(['order.partially_cancelled']);
  });
});
