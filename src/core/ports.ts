/**
 * The ports: what use cases need from the outside world, declared here and implemented by
 * adapters. Everything is scoped by store: no method reads or writes across stores.
 */
import type { Product, VariantMatch } from './catalog/product.types.ts';
import type { Message } from './notify/message.types.ts';
import type { Address, Customer, Order, OrderStatus } from './order/order.types.ts';
import type { PickupStatus } from './pickup/pickup.machine.ts';
import type { Shipment } from './shipment/shipment.types.ts';
import type { Store, StoreSecrets } from './store/store.types.ts';
import type { TrackingEvent } from './tracking/tracking-event.ts';

export interface Clock {
  now(): Date;
}

export interface TimelineEvent {
  id: string;
  storeId: string;
  type: string;
  subjectType: 'order' | 'shipment' | 'pickup' | 'customer' | 'store' | 'return' | 'message';
  subjectId: string;
  orderId: string | null;
  customerId: string | null;
  occurredAt: string;
  recordedAt: string;
  /** Who caused it: `api`, `shopify`, `csv`, `system`, a carrier code… */
  actor: string;
  data: Record<string, unknown>;
}

export interface NewJob {
  type: string;
  payload: Record<string, unknown>;
  storeId?: string | null;
  /** Unique: a job with a key that exists already is not enqueued again. */
  key?: string;
  runAt?: string;
  maxAttempts?: number;
  /**
   * With a key: a job with the same key and a different payload is re-armed with this payload
   * and run_at (a timer whose cause moved), unless it is running; the same payload is left alone.
   */
  rearm?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OrderFilter {
  status?: OrderStatus[];
  number?: string;
  email?: string;
  customerId?: string;
  placedFrom?: string;
  placedTo?: string;
}

export interface Pickup {
  id: string;
  storeId: string;
  orderId: string;
  status: PickupStatus;
  location: Record<string, unknown>;
  readyAt: string | null;
  pickedUpAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoreRepo {
  insert(store: Store, apiKeyHash: string, secrets: StoreSecrets): Promise<void>;
  get(id: string): Promise<Store | null>;
  getByApiKeyHash(hash: string): Promise<Store | null>;
  update(store: Store): Promise<void>;
  getSecrets(id: string): Promise<StoreSecrets>;
  setSecrets(id: string, secrets: StoreSecrets): Promise<void>;
  addApiKey(storeId: string, hash: string, label: string, at: string): Promise<void>;
  count(): Promise<number>;
}

export interface CustomerRepo {
  get(storeId: string, id: string): Promise<Customer | null>;
  findByExternal(storeId: string, source: string, externalId: string): Promise<Customer | null>;
  findByEmail(storeId: string, email: string): Promise<Customer | null>;
  findByPhone(storeId: string, phone: string): Promise<Customer | null>;
  insert(c: Customer): Promise<void>;
  update(c: Customer): Promise<void>;
  list(storeId: string, filter: { email?: string }, limit: number, cursor: string | null): Promise<Page<Customer>>;
}

export interface ProductFilter {
  category?: string;
  /** Title prefix, case-insensitive (ASCII letters). */
  q?: string;
}

export interface ProductRepo {
  /** A product with its variants. */
  get(storeId: string, id: string): Promise<Product | null>;
  getByExternal(storeId: string, source: string, externalId: string): Promise<Product | null>;
  /**
   * In one query: the store's variants whose external id (within `source`) is one of
   * `externalIds`, and those of any source whose SKU is one of `skus`, each with its product.
   */
  findVariants(storeId: string, source: string, keys: { externalIds: string[]; skus: string[] }): Promise<VariantMatch[]>;
  insert(p: Product): Promise<void>;
  /** Writes the product and replaces its variants with `p.variants` (keeping their ids). */
  update(p: Product): Promise<void>;
  /** Newest first. */
  list(storeId: string, filter: ProductFilter, limit: number, cursor: string | null): Promise<Page<Product>>;
}

export interface OrderRepo {
  get(storeId: string, id: string): Promise<Order | null>;
  getMany(storeId: string, ids: string[]): Promise<Order[]>;
  getByExternal(storeId: string, source: string, externalId: string): Promise<Order | null>;
  insert(o: Order): Promise<void>;
  /**
   * Writes the order if its version is still `o.version - 1`; false when someone else changed it.
   * `lines: false` when only the order itself changed (a status move): its lines are left alone.
   */
  update(o: Order, opts?: { lines?: boolean }): Promise<boolean>;
  list(storeId: string, filter: OrderFilter, limit: number, cursor: string | null): Promise<Page<Order>>;
}

export interface ShipmentRepo {
  get(storeId: string, id: string): Promise<Shipment | null>;
  getByExternal(storeId: string, source: string, externalId: string): Promise<Shipment | null>;
  listByOrder(storeId: string, orderId: string): Promise<Shipment[]>;
  listByOrders(storeId: string, orderIds: string[]): Promise<Shipment[]>;
  /** Shipments whose normalised tracking number is one of `keys`. */
  listByTrackingKeys(storeId: string, keys: string[]): Promise<Shipment[]>;
  /** Recent deliveries of a carrier, for learning its transit times: newest first. */
  deliveredSamples(storeId: string, carrier: string, limit: number): Promise<Array<{ service: string | null; shippedAt: string; deliveredAt: string; destination: Address | null }>>;
  /** The exceptions queue: shipments with an attention reason, the longest-waiting first. */
  listNeedingAttention(storeId: string, limit: number, cursor: string | null): Promise<Page<Shipment>>;
  insert(s: Shipment): Promise<void>;
  update(s: Shipment): Promise<void>;
  /** Writes many shipments of one store at once (one statement per few hundred). */
  updateMany(storeId: string, shipments: Shipment[]): Promise<void>;
}

export interface TrackingEventRepo {
  /** Stores the scans not seen before (by store and dedupe key) and returns just those. */
  insertNew(events: TrackingEvent[]): Promise<TrackingEvent[]>;
  listByShipments(storeId: string, shipmentIds: string[]): Promise<TrackingEvent[]>;
  /** Gives a shipment the scans that arrived for its tracking number before it existed. */
  attachOrphans(storeId: string, trackingKey: string, shipmentId: string): Promise<number>;
}

export interface PickupRepo {
  getByOrder(storeId: string, orderId: string): Promise<Pickup | null>;
  insert(p: Pickup): Promise<void>;
  update(p: Pickup): Promise<void>;
}

export interface EventLog {
  append(events: TimelineEvent[]): Promise<void>;
  forOrder(storeId: string, orderId: string, limit: number, cursor: string | null): Promise<Page<TimelineEvent>>;
  forCustomer(storeId: string, customerId: string, limit: number, cursor: string | null): Promise<Page<TimelineEvent>>;
}

export interface MessageRepo {
  insert(m: Message): Promise<void>;
  get(storeId: string, id: string): Promise<Message | null>;
  getByKey(storeId: string, key: string): Promise<Message | null>;
  /** The scheduled (not yet sending) message with this digest key, if any. */
  findPendingDigest(storeId: string, digestKey: string): Promise<Message | null>;
  /** Messages scheduled, sending or sent to this recipient (or customer) with sendAt in [from, to), counted up to `atMost`. */
  countRecent(storeId: string, who: { customerId: string | null; recipient: string }, from: string, to: string, atMost: number): Promise<number>;
  /** Oldest first. */
  listByOrder(storeId: string, orderId: string, limit: number, cursor: string | null): Promise<Page<Message>>;
  listByCustomer(storeId: string, customerId: string, limit: number, cursor: string | null): Promise<Page<Message>>;
  update(m: Message): Promise<void>;
  /**
   * Cancels the order's scheduled messages whose cancelWhen lists `eventType` (with a shipment:
   * those of that shipment and of the order itself) and returns them as cancelled.
   */
  cancelPending(storeId: string, orderId: string, shipmentId: string | null, eventType: string, at: string): Promise<Message[]>;
}

export interface JobOutbox {
  enqueue(jobs: NewJob[], now: Date): Promise<void>;
}

export interface WebhookReceipts {
  /** Records a delivery; false when this (store, source, id) was recorded before. */
  record(storeId: string, source: string, webhookId: string, topic: string, at: string): Promise<boolean>;
}

export interface IdempotencyRecord {
  requestHash: string;
  state: 'in_progress' | 'done';
  responseStatus: number | null;
  responseBody: string | null;
}

export interface IdempotencyRepo {
  /** Claims the key; returns the existing record when it was claimed before. */
  claim(storeId: string, key: string, requestHash: string, at: string): Promise<IdempotencyRecord | null>;
  complete(storeId: string, key: string, status: number, body: string): Promise<void>;
  release(storeId: string, key: string): Promise<void>;
}

/** All repositories bound to one transaction (or to none, for reads). */
export interface Repos {
  stores: StoreRepo;
  customers: CustomerRepo;
  products: ProductRepo;
  orders: OrderRepo;
  shipments: ShipmentRepo;
  trackingEvents: TrackingEventRepo;
  pickups: PickupRepo;
  events: EventLog;
  jobs: JobOutbox;
  webhooks: WebhookReceipts;
  idempotency: IdempotencyRepo;
  messages: MessageRepo;
}

export interface Persistence {
  /** Runs `fn` in one transaction: every row it writes lands, or none does. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Repositories outside a transaction, for reads. */
  readonly read: Repos;
}
