import { parseInput } from '../core/shared/validate.ts';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import { SECRET_NAMES, StoreLocaleSchema, StoreSettingsSchema, isValidTimeZone, type Store, type StoreSecrets } from '../core/store/store.types.ts';
import { eventsFor, type AppDeps } from './deps.ts';

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** API keys: `otk_` + 32 random bytes. Only the SHA-256 is stored: a key is shown once. */
export const newApiKey = () => `otk_${randomBytes(32).toString('base64url')}`;

const timezone = z.string().refine(isValidTimeZone, 'an IANA time zone such as Asia/Tokyo');
const SecretsSchema = z.partialRecord(z.enum(SECRET_NAMES), z.string().min(8).max(500).nullable());

export const CreateStoreSchema = z.object({
  name: z.string().min(1).max(200),
  locale: StoreLocaleSchema.default('ja'),
  currency: z.string().regex(/^[A-Z]{3}$/).default('JPY'),
  timezone: timezone.default('Asia/Tokyo'),
  settings: StoreSettingsSchema.partial().optional(),
  secrets: SecretsSchema.optional(),
});
export type CreateStoreInput = z.input<typeof CreateStoreSchema>;

export async function createStore(deps: AppDeps, input: CreateStoreInput): Promise<{ store: Store; apiKey: string }> {
  const parsed = parseInput(CreateStoreSchema, input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const store: Store = {
    id: newId('store', now),
    name: parsed.name,
    locale: parsed.locale,
    currency: parsed.currency,
    timezone: parsed.timezone,
    settings: StoreSettingsSchema.parse(parsed.settings ?? {}),
    createdAt: at,
    updatedAt: at,
  };
  const apiKey = newApiKey();
  const secrets = Object.fromEntries(Object.entries(parsed.secrets ?? {}).filter(([, v]) => v)) as StoreSecrets;
  await deps.persistence.transaction(async (r) => {
    await r.stores.insert(store, hashApiKey(apiKey), secrets);
    await r.events.append([eventsFor(store.id, now)({ type: 'store.created', subjectType: 'store', subjectId: store.id, orderId: null, customerId: null, actor: 'cli', data: { name: store.name } })]);
  });
  return { store, apiKey };
}

export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Store>;
  /** Drops what is remembered of a store (after its settings changed). */
  forget(storeId: string): void;
}

/**
 * Remembers the store behind each valid key for a few seconds: every API call needs it, and it
 * changes rarely. Invalid keys are never remembered. Another process sees a change within `ttlMs`.
 */
export function cachedAuthenticator(deps: AppDeps, ttlMs = 5_000, max = 10_000): Authenticator {
  const cache = new Map<string, { store: Store; until: number }>();
  return {
    async authenticate(authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) throw new AppError('API_KEY_MISSING', 'Send your API key as "Authorization: Bearer <key>".');
      const hash = hashApiKey(m[1]!);
      const now = deps.clock.now().getTime();
      const hit = cache.get(hash);
      if (hit && hit.until > now) return hit.store;
      const store = await deps.persistence.read.stores.getByApiKeyHash(hash);
      if (!store) throw new AppError('API_KEY_INVALID', 'The API key is not valid.');
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(hash, { store, until: now + ttlMs });
      return store;
    },
    forget(storeId) {
      for (const [k, v] of cache) if (v.store.id === storeId) cache.delete(k);
    },
  };
}

export const UpdateStoreSchema = z
  .object({
    name: z.string().min(1).max(200),
    locale: StoreLocaleSchema,
    currency: z.string().regex(/^[A-Z]{3}$/),
    timezone,
    settings: z.object({
      brand: StoreSettingsSchema.shape.brand.unwrap().partial(),
      support: StoreSettingsSchema.shape.support.unwrap().partial(),
      carriers: StoreSettingsSchema.shape.carriers.unwrap(),
      businessHours: StoreSettingsSchema.shape.businessHours.unwrap(),
      holidays: StoreSettingsSchema.shape.holidays.unwrap(),
      cutoffTime: StoreSettingsSchema.shape.cutoffTime.unwrap(),
      handlingDays: StoreSettingsSchema.shape.handlingDays.unwrap(),
      origin: StoreSettingsSchema.shape.origin.unwrap(),
      stalledAfterHours: StoreSettingsSchema.shape.stalledAfterHours.unwrap(),
    }).partial(),
    /** Set a secret with a string, remove it with null. Secrets are never returned. */
    secrets: SecretsSchema,
  })
  .partial()
  .strict();
export type UpdateStoreInput = z.input<typeof UpdateStoreSchema>;

export async function updateStore(deps: AppDeps, storeId: string, input: UpdateStoreInput): Promise<Store> {
  const patch = parseInput(UpdateStoreSchema, input);
  const now = deps.clock.now();
  return deps.persistence.transaction(async (r) => {
    const store = await r.stores.get(storeId);
    if (!store) throw new AppError('STORE_NOT_FOUND', 'No such store.');
    const s = patch.settings ?? {};
    const next: Store = {
      ...store,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.timezone !== undefined && { timezone: patch.timezone }),
      settings: StoreSettingsSchema.parse({
        ...store.settings,
        ...s,
        brand: { ...store.settings.brand, ...s.brand },
        support: { ...store.settings.support, ...s.support },
      }),
      updatedAt: now.toISOString(),
    };
    await r.stores.update(next);
    if (patch.secrets) {
      const current = await r.stores.getSecrets(storeId);
      for (const [name, value] of Object.entries(patch.secrets)) {
        if (value === null) delete current[name as keyof StoreSecrets];
        else if (value !== undefined) current[name as keyof StoreSecrets] = value;
      }
      await r.stores.setSecrets(storeId, current);
    }
    const changed = Object.keys(patch);
    await r.events.append([
      eventsFor(storeId, now)({ type: 'store.updated', subjectType: 'store', subjectId: storeId, orderId: null, customerId: null, actor: 'api', data: { changed } }),
    ]);
    return next;
  });
}

/** Which secrets a store has, without their values. */
export async function secretNames(deps: AppDeps, storeId: string): Promise<string[]> {
  return Object.keys(await deps.persistence.read.stores.getSecrets(storeId)).sort();
}
