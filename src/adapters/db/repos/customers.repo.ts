import type { CustomerRepo } from '../../../core/ports.ts';
import type { Customer } from '../../../core/order/order.types.ts';
import { encodeCursor, fromJson, toJson } from '../json.ts';
import type { CustomerTable } from '../schema.ts';
import { readCursor } from './cursor.ts';
import type { Q } from './types.ts';

const toCustomer = (r: CustomerTable): Customer => ({
  id: r.id,
  storeId: r.store_id,
  source: r.source,
  externalId: r.external_id,
  email: r.email,
  phone: r.phone,
  name: r.name,
  locale: r.locale as Customer['locale'],
  consents: fromJson(r.consents, {}),
  lineUserId: r.line_user_id,
  tags: fromJson(r.tags, []),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (c: Customer): CustomerTable => ({
  id: c.id,
  store_id: c.storeId,
  source: c.source,
  external_id: c.externalId,
  email: c.email,
  phone: c.phone,
  name: c.name,
  locale: c.locale,
  consents: toJson(c.consents),
  line_user_id: c.lineUserId,
  tags: toJson(c.tags),
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export function customerRepo(q: Q): CustomerRepo {
  const one = async (build: (s: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    const r = await build(base()).executeTakeFirst();
    return r ? toCustomer(r) : null;
  };
  const base = () => q.selectFrom('customer').selectAll();
  return {
    get: (storeId, id) => one((s) => s.where('store_id', '=', storeId).where('id', '=', id)),
    findByExternal: (storeId, source, externalId) =>
      one((s) => s.where('store_id', '=', storeId).where('source', '=', source).where('external_id', '=', externalId)),
    findByEmail: (storeId, email) => one((s) => s.where('store_id', '=', storeId).where('email', '=', email)),
    findByPhone: (storeId, phone) => one((s) => s.where('store_id', '=', storeId).where('phone', '=', phone).orderBy('id')),
    async insert(c) {
      await q.insertInto('customer').values(toRow(c)).execute();
    },
    async update(c) {
      const { id, store_id, ...rest } = toRow(c);
      await q.updateTable('customer').set(rest).where('store_id', '=', store_id).where('id', '=', id).execute();
    },
    async list(storeId, filter, limit, cursor) {
      const after = readCursor(cursor, 1);
      let s = base().where('store_id', '=', storeId);
      if (filter.email) s = s.where('email', '=', filter.email);
      if (after) s = s.where('id', '<', after[0]!);
      const rows = await s.orderBy('id', 'desc').limit(limit + 1).execute();
      const items = rows.slice(0, limit).map(toCustomer);
      return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1]!.id]) : null };
    },
  };
}
