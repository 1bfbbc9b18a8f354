import type { CustomerInput } from '../core/order/order.input.ts';
import { normalizeEmail, normalizePhone } from '../core/order/order.input.ts';
import type { Customer } from '../core/order/order.types.ts';
import type { Repos } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import type { Store } from '../core/store/store.types.ts';
import type { AppDeps } from './deps.ts';

export const phoneCountry = (store: Store) => (store.timezone === 'Asia/Tokyo' || store.currency === 'JPY' ? 'JP' : store.currency === 'USD' ? 'US' : null);

/**
 * Finds the shopper behind an order (by the platform's customer id, then email, then phone) and
 * merges what the order says about them; creates them when new. Null when the order names nobody.
 */
export async function resolveCustomer(
  r: Repos,
  store: Store,
  input: CustomerInput,
  source: string,
  fallbackLocale: Customer['locale'],
  now: Date,
): Promise<{ customer: Customer; created: boolean } | null> {
  const email = normalizeEmail(input.email);
  const phone = normalizePhone(input.phone, phoneCountry(store));
  if (!input.externalId && !email && !phone) return null;
  let found: Customer | null = null;
  if (input.externalId) found = await r.customers.findByExternal(store.id, source, input.externalId);
  if (!found && email) found = await r.customers.findByEmail(store.id, email);
  // A phone is shared by households and offices: it identifies a shopper only when no email is given.
  if (!found && !email && phone) found = await r.customers.findByPhone(store.id, phone);
  const at = now.toISOString();
  if (!found) {
    const customer: Customer = {
      id: newId('customer', now),
      storeId: store.id,
      source,
      externalId: input.externalId ?? null,
      email,
      phone,
      name: input.name ?? null,
      locale: input.locale ?? fallbackLocale,
      consents: { email: true, sms: false, line: false, marketing: false, ...input.consents },
      lineUserId: input.lineUserId ?? null,
      tags: [],
      createdAt: at,
      updatedAt: at,
    };
    await r.customers.insert(customer);
    return { customer, created: true };
  }
  const merged: Customer = {
    ...found,
    externalId: found.externalId ?? (found.source === source ? (input.externalId ?? null) : found.externalId),
    email: found.email ?? email,
    phone: phone ?? found.phone,
    name: input.name ?? found.name,
    locale: input.locale ?? found.locale,
    consents: { ...found.consents, ...input.consents },
    lineUserId: input.lineUserId ?? found.lineUserId,
  };
  if (JSON.stringify(merged) !== JSON.stringify(found)) {
    merged.updatedAt = at;
    await r.customers.update(merged);
  }
  return { customer: merged, created: false };
}

export async function getCustomer(deps: AppDeps, storeId: string, id: string) {
  const c = await deps.persistence.read.customers.get(storeId, id);
  if (!c) throw new AppError('CUSTOMER_NOT_FOUND', 'No customer with that id in this store.', { id });
  return c;
}

export async function listCustomers(deps: AppDeps, storeId: string, filter: { email?: string }, limit: number, cursor: string | null) {
  return deps.persistence.read.customers.list(storeId, { email: normalizeEmail(filter.email) ?? undefined }, limit, cursor);
}
