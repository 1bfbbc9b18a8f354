import type { EventLog, TimelineEvent } from '../../../core/ports.ts';
import { encodeCursor, fromJson, toJson } from '../json.ts';
import type { EventTable } from '../schema.ts';
import { readCursor } from './cursor.ts';
import type { Q } from './types.ts';

const toEvent = (r: EventTable): TimelineEvent => ({
  id: r.id,
  storeId: r.store_id,
  type: r.type,
  subjectType: r.subject_type as TimelineEvent['subjectType'],
  subjectId: r.subject_id,
  orderId: r.order_id,
  customerId: r.customer_id,
  occurredAt: r.occurred_at,
  recordedAt: r.recorded_at,
  actor: r.actor,
  data: fromJson(r.data, {}),
});

export function eventLog(q: Q): EventLog {
  async function page(storeId: string, column: 'order_id' | 'customer_id', value: string, limit: number, cursor: string | null) {
    const after = readCursor(cursor, 2);
    let s = q.selectFrom('event').selectAll().where('store_id', '=', storeId).where(column, '=', value);
    if (after) {
      const [at, id] = after as [string, string];
      s = s.where((eb) => eb.or([eb('occurred_at', '>', at), eb.and([eb('occurred_at', '=', at), eb('id', '>', id)])]));
    }
    const rows = await s.orderBy('occurred_at').orderBy('id').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toEvent);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.occurredAt, last.id]) : null };
  }
  return {
    async append(events) {
      if (events.length === 0) return;
      await q
        .insertInto('event')
        .values(
          events.map((e) => ({
            id: e.id,
            store_id: e.storeId,
            type: e.type,
            subject_type: e.subjectType,
            subject_id: e.subjectId,
            order_id: e.orderId,
            customer_id: e.customerId,
            occurred_at: e.occurredAt,
            recorded_at: e.recordedAt,
            actor: e.actor,
            data: toJson(e.data),
          })),
        )
        .execute();
    },
    forOrder: (storeId, orderId, limit, cursor) => page(storeId, 'order_id', orderId, limit, cursor),
    forCustomer: (storeId, customerId, limit, cursor) => page(storeId, 'customer_id', customerId, limit, cursor),
  };
}
