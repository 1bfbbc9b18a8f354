import type { Product } from '../../core/catalog/product.types.ts';
import type { Customer, Order } from '../../core/order/order.types.ts';
import type { Pickup, TimelineEvent } from '../../core/ports.ts';
import type { Shipment } from '../../core/shipment/shipment.types.ts';
import type { Store } from '../../core/store/store.types.ts';

/** What the API shows of each record: the domain shape minus the store id. */
export const presentOrder = (o: Order) => {
  const { storeId: _s, ...rest } = o;
  return rest;
};
export const presentShipment = (s: Shipment) => {
  const { storeId: _s, ...rest } = s;
  return rest;
};
export const presentPickup = (p: Pickup | null) => {
  if (!p) return null;
  const { storeId: _s, ...rest } = p;
  return rest;
};
export const presentCustomer = (c: Customer) => {
  const { storeId: _s, ...rest } = c;
  return rest;
};
export const presentEvent = (e: TimelineEvent) => {
  const { storeId: _s, ...rest } = e;
  return rest;
};
export const presentStore = (s: Store, secretNames: string[]) => ({ ...s, secrets: secretNames });
export const presentProduct = (p: Product) => {
  const { storeId: _s, ...rest } = p;
  return rest;
};
