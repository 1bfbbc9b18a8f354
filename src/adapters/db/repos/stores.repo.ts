import type { StoreRepo } from '../../../core/ports.ts';
import { StoreSettingsSchema, type Store, type StoreSecrets } from '../../../core/store/store.types.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import { fromJson, toJson } from '../json.ts';
import type { StoreTable } from '../schema.ts';
import type { Q } from './types.ts';

const toStore = (r: StoreTable): Store => ({
  id: r.id,
  name: r.name,
  locale: r.locale as Store['locale'],
  currency: r.currency,
  timezone: r.timezone,
  settings: StoreSettingsSchema.parse(fromJson(r.settings, {})),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function storeRepo(q: Q, box: SecretBox): StoreRepo {
  const seal = (s: StoreSecrets) => box.seal(JSON.stringify(s));
  return {
    async insert(store, apiKeyHash, secrets) {
      await q
        .insertInto('store')
        .values({
          id: store.id,
          name: store.name,
          locale: store.locale,
          currency: store.currency,
          timezone: store.timezone,
          settings: toJson(store.settings),
          secrets: seal(secrets),
          created_at: store.createdAt,
          updated_at: store.updatedAt,
        })
        .execute();
      await q.insertInto('api_key').values({ key_hash: apiKeyHash, store_id: store.id, label: 'default', created_at: store.createdAt }).execute();
    },
    async get(id) {
      const r = await q.selectFrom('store').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toStore(r) : null;
    },
    async getByApiKeyHash(hash) {
      const r = await q
        .selectFrom('api_key')
        .innerJoin('store', 'store.id', 'api_key.store_id')
        .selectAll('store')
        .where('api_key.key_hash', '=', hash)
        .executeTakeFirst();
      return r ? toStore(r) : null;
    },
    async update(store) {
      await q
        .updateTable('store')
        .set({ name: store.name, locale: store.locale, currency: store.currency, timezone: store.timezone, settings: toJson(store.settings), updated_at: store.updatedAt })
        .where('id', '=', store.id)
        .execute();
    },
    async getSecrets(id) {
      const r = await q.selectFrom('store').select('secrets').where('id', '=', id).executeTakeFirst();
      return r?.secrets ? (JSON.parse(box.open(r.secrets)) as StoreSecrets) : {};
    },
    async setSecrets(id, secrets) {
      await q.updateTable('store').set({ secrets: seal(secrets) }).where('id', '=', id).execute();
    },
    async addApiKey(storeId, hash, label, at) {
      await q.insertInto('api_key').values({ key_hash: hash, store_id: storeId, label, created_at: at }).execute();
    },
    async count() {
      const r = await q.selectFrom('store').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
