/**
 * Shopper consent and preferences: signed links to the preferences page and to one-click
 * unsubscribe, saving the shopper's choices, and SMS STOP/START.
 *
 * Links are signed with HMAC-SHA256 under a per-store random key, the `links` store secret
 * (encrypted at rest like every store secret), created the first time a link is minted. A token
 * names its store and customer in the clear and carries a MAC over both: it cannot be guessed, and
 * changing either id invalidates it. Verifying never creates a key, so a forged token for a store
 * that never sent a link writes nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizePhone } from '../core/order/order.input.ts';
import type { Customer } from '../core/order/order.types.ts';
import { changeConsents, listUnsubscribeHeaders, smsKeyword, unsubscribePatch, type ConsentChannel, type ConsentName } from '../core/notify/preferences.ts';
import type { Repos } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { hasPrefix } from '../core/shared/ids.ts';
import type { Store } from '../core/store/store.types.ts';
import { phoneCountry } from './customers.ts';
import { eventsFor, type AppDeps } from './deps.ts';

const PURPOSE = 'otodoke.preferences.v1';
const ID = /^[a-z]{2,4}_[0-9a-z]{26}$/;

const mac = (key: string, storeId: string, customerId: string) => createHmac('sha256', key).update(`${PURPOSE}\n${storeId}\n${customerId}`).digest().subarray(0, 16);

async function signingKey(deps: AppDeps, storeId: string): Promise<string> {
  const existing = (await deps.persistence.read.stores.getSecrets(storeId)).links;
  if (existing) return existing;
  await deps.persistence.transaction(async (r) => {
    const secrets = await r.stores.getSecrets(storeId);
    if (!secrets.links) await r.stores.setSecrets(storeId, { ...secrets, links: randomBytes(32).toString('base64url') });
  });
  // Read back what was committed: of two processes creating the key at once, the last write wins.
  const key = (await deps.persistence.read.stores.getSecrets(storeId)).links;
  if (!key) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId });
  return key;
}

/** The token of a customer's preferences and unsubscribe links: `<storeId>.<customerId>.<mac>`. */
export async function preferencesToken(deps: AppDeps, storeId: string, customerId: string): Promise<string> {
  const key = await signingKey(deps, storeId);
  return `${storeId}.${customerId}.${mac(key, storeId, customerId).toString('base64url')}`;
}

/** The store and customer a token names, or null when it is malformed, forged or altered. */
export async function verifyPreferencesToken(deps: AppDeps, token: string): Promise<{ storeId: string; customerId: string } | null> {
  const [storeId, customerId, sig, ...rest] = token.split('.');
  if (rest.length || !storeId || !customerId || !sig || !ID.test(storeId) || !ID.test(customerId)) return null;
  if (!hasPrefix(storeId, 'store') || !hasPrefix(customerId, 'customer')) return null;
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== 16) return null;
  const key = (await deps.persistence.read.stores.getSecrets(storeId)).links;
  if (!key) return null;
  return timingSafeEqual(given, mac(key, storeId, customerId)) ? { storeId, customerId } : null;
}

/** The links a message to this customer carries, under the server's public base URL. */
export async function preferenceLinks(deps: AppDeps, storeId: string, customerId: string, baseUrl: string) {
  const token = await preferencesToken(deps, storeId, customerId);
  const base = baseUrl.replace(/\/+$/, '');
  const unsubscribe = (channel: ConsentChannel) => `${base}/u/${token}?channel=${channel}`;
  return { preferences: `${base}/p/${token}`, unsubscribe, emailHeaders: listUnsubscribeHeaders(unsubscribe('email')) };
}

export interface ShopperView {
  store: Store;
  customer: Customer;
}

/** The store and customer behind a link; null for a link that is not valid (nothing is written). */
export async function openPreferences(deps: AppDeps, token: string): Promise<ShopperView | null> {
  const ids = await verifyPreferencesToken(deps, token);
  if (!ids) return null;
  const [store, customer] = await Promise.all([deps.persistence.read.stores.get(ids.storeId), deps.persistence.read.customers.get(ids.storeId, ids.customerId)]);
  return store && customer ? { store, customer } : null;
}

type Via = 'preferences_page' | 'one_click' | 'unsubscribe_page' | 'sms_keyword';

async function applyPatch(r: Repos, deps: AppDeps, customer: Customer, patch: Partial<Record<ConsentName, boolean>>, via: Via, actor: string, extra: Record<string, unknown> = {}) {
  const now = deps.clock.now();
  const { next, changes } = changeConsents(customer.consents, patch);
  if (Object.keys(changes).length === 0) return { customer, changes };
  const updated: Customer = { ...customer, consents: next, updatedAt: now.toISOString() };
  await r.customers.update(updated);
  await r.events.append([
    eventsFor(customer.storeId, now)({
      type: 'customer.preferences_updated',
      subjectType: 'customer',
      subjectId: customer.id,
      orderId: null,
      customerId: customer.id,
      actor,
      data: { via, changes, consents: next, ...extra },
    }),
  ]);
  return { customer: updated, changes };
}

/** Saves what the shopper chose on the preferences page. Null for a link that is not valid. */
export async function savePreferences(deps: AppDeps, token: string, patch: Partial<Record<ConsentName, boolean>>) {
  const ids = await verifyPreferencesToken(deps, token);
  if (!ids) return null;
  return deps.persistence.transaction(async (r) => {
    const [store, customer] = await Promise.all([r.stores.get(ids.storeId), r.customers.get(ids.storeId, ids.customerId)]);
    if (!store || !customer) return null;
    return { store, ...(await applyPatch(r, deps, customer, patch, 'preferences_page', 'shopper')) };
  });
}

/** Turns off one channel (and marketing) from an unsubscribe link. Null for a link that is not valid. */
export async function unsubscribe(deps: AppDeps, token: string, channel: ConsentChannel, via: 'one_click' | 'unsubscribe_page') {
  const ids = await verifyPreferencesToken(deps, token);
  if (!ids) return null;
  return deps.persistence.transaction(async (r) => {
    const [store, customer] = await Promise.all([r.stores.get(ids.storeId), r.customers.get(ids.storeId, ids.customerId)]);
    if (!store || !customer) return null;
    return { store, ...(await applyPatch(r, deps, customer, unsubscribePatch(channel), via, 'shopper', { channel })) };
  });
}

/**
 * An inbound SMS: STOP (停止, 配信停止…) turns the sender's SMS consent off, START or UNSTOP turns it
 * back on, with a timeline event. Anything else is not a keyword and changes nothing.
 */
export async function applyInboundSms(deps: AppDeps, storeId: string, fromPhone: string, body: string) {
  const keyword = smsKeyword(body);
  if (!keyword) return { keyword: null, customerId: null, changed: false };
  return deps.persistence.transaction(async (r) => {
    const store = await r.stores.get(storeId);
    if (!store) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId });
    const phone = normalizePhone(fromPhone, phoneCountry(store));
    const customer = phone ? await r.customers.findByPhone(storeId, phone) : null;
    if (!customer) return { keyword, customerId: null, changed: false };
    const { changes } = await applyPatch(r, deps, customer, { sms: keyword === 'opt_in' }, 'sms_keyword', 'sms', { keyword: body.trim().slice(0, 20) });
    return { keyword, customerId: customer.id, changed: Object.keys(changes).length > 0 };
  });
}
