import { sql } from 'kysely';
import type { AppDeps } from '../../app/deps.ts';
import { cancelOrder, upsertOrder } from '../../app/orders.ts';
import { recordShipment, updateShipment } from '../../app/shipments.ts';
import { createStore } from '../../app/stores.ts';
import type { Deps } from '../../compose.ts';
import type { ShipmentStatus } from '../../core/shipment/shipment.types.ts';
import { DEMO_SECRETS, DEMO_STORE, DEMO_STORE_NAME } from './data.ts';
import { planDemo, type DemoPlan } from './plan.ts';

export interface DemoShipment {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
}

export interface DemoSeed {
  storeId: string;
  /** Shown once: only its hash is stored. */
  apiKey: string;
  orders: number;
  customers: number;
  /** The shopper with the most orders: the customer timeline worth a look. */
  featuredCustomer: { id: string; name: string | null; orders: number } | null;
  /** Every demo shipment where the replay left it, for the carrier simulator to drive on. */
  shipments: DemoShipment[];
  plan: DemoPlan;
}

/**
 * Creates the demo store and two weeks of its orders, always (see seedDemoIfEmpty for the
 * "only on an empty database" rule). Everything goes through the use cases an integration would
 * call: createStore, upsertOrder, cancelOrder, recordShipment, updateShipment. Each step runs
 * with the clock set to the time the plan gives it, so ids, timestamps and timelines read as if
 * the shop had been running; no step is later than `deps.clock.now()`.
 */
export async function seedDemoStore(deps: AppDeps, opts: { seed?: number } = {}): Promise<DemoSeed> {
  const plan = planDemo(deps.clock.now(), opts.seed);
  let t = new Date(plan.storeCreatedAt);
  const then: AppDeps = { persistence: deps.persistence, clock: { now: () => new Date(t) } };
  const ctx = { source: 'demo', actor: 'demo' };

  const { store, apiKey } = await createStore(then, DEMO_STORE);
  const orders = new Map<string, { id: string; customerId: string | null; lineIds: Map<string, string> }>();
  const shipments = new Map<string, DemoShipment>();
  const order = (externalId: string) => {
    const o = orders.get(externalId);
    if (!o) throw new Error(`demo: order ${externalId} is used before it is placed`);
    return o;
  };
  const shipment = (key: string) => {
    const s = shipments.get(key);
    if (!s) throw new Error(`demo: shipment ${key} is scanned before it ships`);
    return s;
  };

  for (const { at, orderExternalId, step } of plan.steps) {
    t = new Date(at);
    switch (step.kind) {
      case 'place': {
        const { order: o } = await upsertOrder(then, store.id, step.input, ctx, 'create');
        orders.set(orderExternalId, { id: o.id, customerId: o.customerId, lineIds: new Map(o.lineItems.map((l) => [l.externalId ?? l.id, l.id])) });
        break;
      }
      case 'cancel': {
        const o = order(orderExternalId);
        const lineItems = step.lines?.map((l) => ({ lineItemId: o.lineIds.get(l.lineItemExternalId)!, quantity: l.quantity }));
        await cancelOrder(then, store.id, o.id, { reason: step.reason, ...(lineItems && { lineItems }) }, ctx.actor);
        break;
      }
      case 'ship': {
        const o = order(orderExternalId);
        const { shipment: s } = await recordShipment(
          then,
          store.id,
          o.id,
          {
            carrier: step.carrier,
            service: step.service,
            trackingNumber: step.trackingNumber,
            status: 'info_received',
            items: step.items ?? [],
            shippedAt: at,
            ...(step.carrierEstimate && { carrierEstimate: step.carrierEstimate }),
            ...(step.promisedDate && { promisedDate: step.promisedDate }),
          },
          ctx,
        );
        shipments.set(step.shipment, { id: s.id, orderId: o.id, carrier: step.carrier, trackingNumber: step.trackingNumber, status: s.status });
        break;
      }
      case 'scan': {
        const s = shipment(step.shipment);
        const updated = await updateShipment(then, store.id, s.id, { status: step.status, ...(step.substatus && { substatus: step.substatus }) }, step.actor);
        s.status = updated.status;
        break;
      }
    }
  }

  const perCustomer = new Map<string, number>();
  for (const o of orders.values()) if (o.customerId) perCustomer.set(o.customerId, (perCustomer.get(o.customerId) ?? 0) + 1);
  let featured: DemoSeed['featuredCustomer'] = null;
  for (const [id, n] of perCustomer) if (!featured || n > featured.orders) featured = { id, name: null, orders: n };
  if (featured) featured.name = (await deps.persistence.read.customers.get(store.id, featured.id))?.name ?? null;

  return { storeId: store.id, apiKey, orders: orders.size, customers: perCustomer.size, featuredCustomer: featured, shipments: [...shipments.values()], plan };
}

/** Any constant: serialises demo seeding across processes starting together on one PostgreSQL database. */
const DEMO_LOCK = 0x6f746f64;

async function withDemoLock<T>(deps: Deps, fn: () => Promise<T>): Promise<T> {
  if (deps.db.dialect !== 'postgres') return fn();
  return deps.db.kysely.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${DEMO_LOCK})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${DEMO_LOCK})`.execute(conn);
    }
  });
}

/** What to paste to try the demo store. */
export function demoBanner(seed: DemoSeed, baseUrl: string, ms: number): string[] {
  const base = baseUrl.replace(/\/+$/, '');
  const auth = `-H "Authorization: Bearer ${seed.apiKey}"`;
  const c = seed.featuredCustomer;
  return [
    `Demo store "${DEMO_STORE_NAME}" created in ${(ms / 1000).toFixed(1)} s: ${seed.orders} orders, ${seed.customers} customers, ${seed.shipments.length} shipments.`,
    `  Store id:  ${seed.storeId}`,
    `  API key:   ${seed.apiKey}`,
    `             (shown once: only its hash is stored, so copy it now)`,
    `  Try it:`,
    `    curl ${auth} ${base}/api/v1/orders`,
    ...(c ? [`    curl ${auth} ${base}/api/v1/customers/${c.id}/timeline`] : []),
    `  API docs:  ${base}/api/docs`,
    ...(c ? [`  Customer timeline (${c.name ?? c.id}, ${c.orders} orders): ${base}/api/v1/customers/${c.id}/timeline`] : []),
    `  Webhook secrets of the demo store: shopify=${DEMO_SECRETS.shopify} aftership=${DEMO_SECRETS.aftership}`,
    `  Set OTODOKE_DEMO=off to start on an empty database without demo data.`,
  ];
}

/**
 * Creates the demo store when the database has no store at all, and prints how to try it.
 * Returns null when there was a store already (or the demo could not be created: the server
 * keeps running and the reason is logged).
 */
export async function seedDemoIfEmpty(
  deps: Deps,
  opts: { baseUrl: string; log: (m: string) => void },
): Promise<{ storeId: string; apiKey: string; orders: number } | null> {
  try {
    return await withDemoLock(deps, async () => {
      if ((await deps.persistence.read.stores.count()) > 0) return null;
      const started = performance.now();
      const seed = await seedDemoStore(deps);
      for (const line of demoBanner(seed, opts.baseUrl, performance.now() - started)) opts.log(line);
      return { storeId: seed.storeId, apiKey: seed.apiKey, orders: seed.orders };
    });
  } catch (e) {
    opts.log(`The demo store could not be created (${e instanceof Error ? e.message : String(e)}). It may be incomplete: start on an empty database, or set OTODOKE_DEMO=off.`);
    return null;
  }
}
