import { monotonicFactory } from 'ulidx';

/** Prefixes of every kind of id. Ids are `prefix_` + a ULID: unique and sortable by creation time. */
export const ID_PREFIX = {
  store: 'sto',
  customer: 'cus',
  product: 'prd',
  variant: 'var',
  order: 'ord',
  lineItem: 'li',
  shipment: 'shp',
  pickup: 'pck',
  event: 'evt',
  job: 'job',
  trackingEvent: 'tev',
  return: 'ret',
  message: 'msg',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ulid = monotonicFactory();

/** A new id. `now` keeps ids sortable by the injected clock (tests, simulations). */
export function newId(kind: IdKind, now?: Date): string {
  return `${ID_PREFIX[kind]}_${ulid(now?.getTime()).toLowerCase()}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIX[kind]}_`);
}
