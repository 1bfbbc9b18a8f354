import { AppError } from './errors.ts';

/**
 * A lifecycle as data: for each state, the events it accepts, the state each leads to and the
 * effects (events for the timeline) it causes. `transition` only reads the table.
 */
export interface Edge<S extends string> {
  to: S;
  /** Timeline event types this transition appends, e.g. `order.confirmed`. */
  emits: readonly string[];
}

export type TransitionTable<S extends string, E extends string> = Readonly<
  Record<S, Readonly<Partial<Record<E, Edge<S>>>>>
>;

export interface TransitionResult<S extends string> {
  from: S;
  next: S;
  changed: boolean;
  emits: readonly string[];
}

export function makeTransition<S extends string, E extends string>(machine: string, table: TransitionTable<S, E>) {
  return function transition(state: S, event: E): TransitionResult<S> {
    const edge = table[state]?.[event];
    if (!edge) {
      throw new AppError('INVALID_TRANSITION', `A ${machine} that is ${state} cannot ${event.replace(/_/g, ' ')}.`, {
        machine,
        state,
        event,
      });
    }
    return { from: state, next: edge.to, changed: edge.to !== state, emits: edge.emits };
  };
}

export function canTransition<S extends string, E extends string>(table: TransitionTable<S, E>, state: S, event: E): boolean {
  return Boolean(table[state]?.[event]);
}
