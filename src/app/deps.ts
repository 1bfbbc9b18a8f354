import type { Clock, Persistence, TimelineEvent } from '../core/ports.ts';
import { newId } from '../core/shared/ids.ts';

/** What every use case is given: storage and time. */
export interface AppDeps {
  persistence: Persistence;
  clock: Clock;
}

export type EventDraft = Omit<TimelineEvent, 'id' | 'recordedAt' | 'storeId' | 'occurredAt'> & { occurredAt?: string };

/** Builds timeline events that share a store, a recording time and an actor. */
export function eventsFor(storeId: string, now: Date) {
  return (d: EventDraft): TimelineEvent => ({
    ...d,
    id: newId('event', now),
    storeId,
    occurredAt: d.occurredAt ?? now.toISOString(),
    recordedAt: now.toISOString(),
  });
}
