import type { MessageRepo } from '../../../core/ports.ts';
import type { Message } from '../../../core/notify/message.types.ts';
import { encodeCursor, fromJson, toJson } from '../json.ts';
import type { MessageTable } from '../schema.ts';
import { readCursor } from './cursor.ts';
import type { Q } from './types.ts';

const toMessage = (r: MessageTable): Message => ({
  id: r.id,
  storeId: r.store_id,
  key: r.key,
  digestKey: r.digest_key,
  trigger: r.trigger as Message['trigger'],
  channel: r.channel as Message['channel'],
  recipient: r.recipient,
  locale: r.locale as Message['locale'],
  orderId: r.order_id,
  shipmentId: r.shipment_id,
  customerId: r.customer_id,
  status: r.status as Message['status'],
  reason: r.reason,
  sendAt: r.send_at,
  sentAt: r.sent_at,
  providerMessageId: r.provider_message_id,
  subject: r.subject,
  bodyText: r.body_text,
  bodyHtml: r.body_html,
  attempts: Number(r.attempts),
  cancelWhen: fromJson(r.cancel_when, []),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (m: Message): MessageTable => ({
  id: m.id,
  store_id: m.storeId,
  key: m.key,
  digest_key: m.digestKey,
  trigger: m.trigger,
  channel: m.channel,
  recipient: m.recipient,
  locale: m.locale,
  order_id: m.orderId,
  shipment_id: m.shipmentId,
  customer_id: m.customerId,
  status: m.status,
  reason: m.reason,
  send_at: m.sendAt,
  sent_at: m.sentAt,
  provider_message_id: m.providerMessageId,
  subject: m.subject,
  body_text: m.bodyText,
  body_html: m.bodyHtml,
  attempts: m.attempts,
  cancel_when: toJson(m.cancelWhen),
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

export function messageRepo(q: Q): MessageRepo {
  const base = () => q.selectFrom('message').selectAll();
  async function page(storeId: string, column: 'order_id' | 'customer_id', value: string, limit: number, cursor: string | null) {
    const after = readCursor(cursor, 1);
    let s = base().where('store_id', '=', storeId).where(column, '=', value);
    if (after) s = s.where('id', '>', after[0]!);
    const rows = await s.orderBy('id').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toMessage);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1]!.id]) : null };
  }
  return {
    async insert(m) {
      await q.insertInto('message').values(toRow(m)).execute();
    },
    async get(storeId, id) {
      const r = await base().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
      return r ? toMessage(r) : null;
    },
    async getByKey(storeId, key) {
      const r = await base().where('store_id', '=', storeId).where('key', '=', key).executeTakeFirst();
      return r ? toMessage(r) : null;
    },
    async findPendingDigest(storeId, digestKey) {
      const r = await base().where('store_id', '=', storeId).where('digest_key', '=', digestKey).where('status', '=', 'scheduled').orderBy('id').executeTakeFirst();
      return r ? toMessage(r) : null;
    },
    async countRecent(storeId, who, from, to, atMost) {
      // Only "has the cap been reached" matters: count no further than the cap.
      let s = q
        .selectFrom('message')
        .select('id')
        .where('store_id', '=', storeId)
        .where('status', 'in', ['scheduled', 'sending', 'sent', 'delivered'])
        .where('send_at', '>=', from)
        .where('send_at', '<', to);
      s = who.customerId ? s.where('customer_id', '=', who.customerId) : s.where('recipient', '=', who.recipient);
      const rows = await s.limit(atMost).execute();
      return rows.length;
    },
    listByOrder: (storeId, orderId, limit, cursor) => page(storeId, 'order_id', orderId, limit, cursor),
    listByCustomer: (storeId, customerId, limit, cursor) => page(storeId, 'customer_id', customerId, limit, cursor),
    async update(m) {
      const { id, store_id, ...rest } = toRow(m);
      await q.updateTable('message').set(rest).where('store_id', '=', store_id).where('id', '=', id).execute();
    },
    async cancelPending(storeId, orderId, shipmentId, eventType, at) {
      let s = base()
        .where('store_id', '=', storeId)
        .where('order_id', '=', orderId)
        .where('status', '=', 'scheduled')
        // A coarse text match on the JSON list, checked exactly below.
        .where('cancel_when', 'like', `%${JSON.stringify(eventType)}%`);
      if (shipmentId) s = s.where((eb) => eb.or([eb('shipment_id', '=', shipmentId), eb('shipment_id', 'is', null)]));
      const rows = (await s.execute()).map(toMessage).filter((m) => m.cancelWhen.includes(eventType));
      if (rows.length === 0) return [];
      await q
        .updateTable('message')
        .set({ status: 'cancelled', reason: `cancelled_by: ${eventType}`, updated_at: at })
        .where('store_id', '=', storeId)
        .where('id', 'in', rows.map((m) => m.id))
        .where('status', '=', 'scheduled')
        .execute();
      return rows.map((m) => ({ ...m, status: 'cancelled' as const, reason: `cancelled_by: ${eventType}`, updatedAt: at }));
    },
  };
}
