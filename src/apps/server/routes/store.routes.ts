import { secretNames, updateStore, UpdateStoreSchema } from '../../../app/stores.ts';
import type { Deps } from '../../../compose.ts';
import { presentStore } from '../presenters.ts';
import { defineRoute } from '../route.ts';

export function storeRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/store',
      tag: 'store',
      summary: "The store's settings (secrets are listed by name only)",
      handler: async ({ store }) => presentStore(store, await secretNames(deps, store.id)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/store',
      tag: 'store',
      summary: 'Change settings: name, locale, currency, time zone, brand, support, carriers, hours, holidays, secrets',
      body: UpdateStoreSchema,
      handler: async ({ store, body }) => {
        const updated = await updateStore(deps, store.id, body);
        deps.auth.forget(store.id);
        return presentStore(updated, await secretNames(deps, store.id));
      },
    }),
  ];
}
