import type { AppDeps } from '../../app/deps.ts';
import { upsertOrder } from '../../app/orders.ts';
import { recordShipment } from '../../app/shipments.ts';
import { ingestTrackingEvents } from '../../app/tracking.ts';
import { AppError } from '../../core/shared/errors.ts';
import type { ShipmentStatus } from '../../core/shipment/shipment.types.ts';
import { normalizeTrackingNumber } from '../../core/tracking/carriers.ts';
import type { PlannedOrder, PlannedShipment, ScanDelivery, SimulationPlan } from './plan.ts';
import type { ScanKind } from './scan-words.ts';
import { HOUR, iso, toMs } from './time.ts';

/**
 * Replays a plan through the use cases real integrations call: upsertOrder, recordShipment and
 * ingestTrackingEvents (the path of every carrier webhook), all with source `simulator`.
 *
 * Time: what is due by `now` (the history) is replayed at once, hour by hour of simulated time, so
 * timelines and derived states pass through every step. What is due later (the live part) runs
 * only with `speed` > 0: simulated time starts at `now` and advances `speed` simulated seconds
 * per real second; each scan is ingested when simulated time reaches its arrival. The use cases
 * see simulated time as their clock.
 */

export const SIMULATOR_SOURCE = 'simulator';
const CTX = { source: SIMULATOR_SOURCE, actor: SIMULATOR_SOURCE } as const;
export const MAX_BATCH = 1000;

export interface Timer {
  /** Real milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms` real milliseconds, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export interface SimulationProgress {
  phase: 'history' | 'live';
  /** Simulated time reached. */
  simulatedAt: string;
  /** Steps done (orders placed + shipments recorded + scan deliveries sent) out of `total`. */
  done: number;
  total: number;
  orders: number;
  shipments: number;
  scans: number;
  duplicates: number;
}

export interface RunOptions {
  /** Where simulated time starts: what is due by then is history. Default: the deps' clock. */
  now?: Date | string | number;
  /** Simulated seconds per real second for the live part; 0 (default) stops after the history. */
  speed?: number;
  /** Stops cleanly: the batch under way finishes, nothing after it starts. */
  signal?: AbortSignal;
  onProgress?: (p: SimulationProgress) => void;
  /** Width of a history tick (default one hour): scans arriving within one tick are one batch. */
  historyTickMs?: number;
  /** Scans per ingest call, at most 1000 (default). */
  batchSize?: number;
  timer?: Timer;
}

export type ProblemKind = 'delayed' | 'failedAttempt' | 'pickup' | 'lost' | 'returned';

export interface SimulationSummary {
  storeId: string;
  seed: number;
  days: number;
  /** Where simulated time started and where it stopped. */
  startedAt: string;
  simulatedUntil: string;
  live: boolean;
  /** Ctrl-C or the signal stopped the run early. */
  stopped: boolean;
  /** Every step of the plan is done. */
  complete: boolean;
  orders: { planned: number; created: number };
  shipments: { planned: number; created: number };
  scans: { planned: number; sent: number; stored: number; duplicates: number; orphaned: number; pending: number; batches: number };
  /** Recorded shipments by their current status. */
  statuses: Partial<Record<ShipmentStatus, number>>;
  /** Recorded shipments that went through each problem so far, with their share. */
  problems: Record<ProblemKind, { count: number; share: number }>;
  durationMs: number;
}

const PROBLEM_OF: Partial<Record<ScanKind, ProblemKind>> = {
  delayed: 'delayed',
  weather: 'delayed',
  attempt_failed: 'failedAttempt',
  held: 'pickup',
  lost: 'lost',
  returning: 'returned',
  unclaimed: 'returned',
};

type Step = { t: number; kind: 'place'; order: PlannedOrder } | { t: number; kind: 'ship'; shipment: PlannedShipment } | { t: number; kind: 'scan'; delivery: ScanDelivery };

const RANK = { place: 0, ship: 1, scan: 2 } as const;

function stepsOf(plan: SimulationPlan): Step[] {
  const steps: Step[] = [
    ...plan.orders.map((order) => ({ t: toMs(order.placedAt), kind: 'place' as const, order })),
    ...plan.shipments.map((shipment) => ({ t: toMs(shipment.labelAt), kind: 'ship' as const, shipment })),
    ...plan.deliveries.map((delivery) => ({ t: toMs(delivery.at), kind: 'scan' as const, delivery })),
  ];
  // Stable: within a kind the plan's own order stands.
  return steps.sort((a, b) => a.t - b.t || RANK[a.kind] - RANK[b.kind]);
}

export async function runSimulation(deps: AppDeps, storeId: string, plan: SimulationPlan, options: RunOptions = {}): Promise<SimulationSummary> {
  const started = performance.now();
  const speed = options.speed ?? 0;
  if (!(speed >= 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a number ≥ 0');
  const batchSize = Math.min(MAX_BATCH, Math.max(1, Math.floor(options.batchSize ?? MAX_BATCH)));
  const tick = Math.max(1000, options.historyTickMs ?? HOUR);
  const timer = options.timer ?? realTimer;
  const signal = options.signal;
  const startMs = toMs(options.now ?? deps.clock.now());

  const store = await deps.persistence.read.stores.get(storeId);
  if (!store) throw new AppError('STORE_NOT_FOUND', `No store with id ${storeId}.`, { storeId });
  // The order placed first exists when an earlier run of this seed (even a stopped one) got anywhere.
  const first = plan.orders.reduce<PlannedOrder | undefined>((a, o) => (!a || o.placedAt < a.placedAt ? o : a), undefined);
  if (first && (await deps.persistence.read.orders.getByExternal(storeId, SIMULATOR_SOURCE, first.key))) {
    throw new AppError('ORDER_ALREADY_EXISTS', `Store ${storeId} has the simulated orders of seed ${plan.seed} already: simulate with another seed.`, { seed: plan.seed, externalId: first.key });
  }

  let clockMs = startMs;
  const sim: AppDeps = { persistence: deps.persistence, clock: { now: () => new Date(clockMs) } };
  const orderIds = new Map<string, string>();
  const shipmentIds = new Map<string, string>();
  const problems = new Map<string, Set<ProblemKind>>();
  const counts = { orders: 0, shipments: 0, sent: 0, stored: 0, duplicates: 0, orphaned: 0, batches: 0 };

  const steps = stepsOf(plan);
  let next = 0;
  let stopped = false;
  let simulatedAt = startMs;

  const progress = (phase: SimulationProgress['phase']) =>
    options.onProgress?.({
      phase,
      simulatedAt: iso(simulatedAt),
      done: next,
      total: steps.length,
      orders: counts.orders,
      shipments: counts.shipments,
      scans: counts.sent,
      duplicates: counts.duplicates,
    });

  const shipmentByKey = new Map(plan.shipments.map((s) => [s.key, s]));
  const ingest = async (deliveries: ScanDelivery[]) => {
    const r = await ingestTrackingEvents(sim, storeId, deliveries.map((d) => d.event), CTX);
    counts.batches++;
    counts.sent += deliveries.length;
    counts.stored += r.stored;
    counts.duplicates += r.duplicates;
    counts.orphaned += r.orphaned;
    for (const d of deliveries) {
      const problem = PROBLEM_OF[shipmentByKey.get(d.shipmentKey)!.scans[d.scanIndex]!.kind];
      if (!problem) continue;
      const set = problems.get(d.shipmentKey) ?? new Set<ProblemKind>();
      set.add(problem);
      problems.set(d.shipmentKey, set);
    }
  };

  /**
   * Does every step due by `until`: orders and shipments one by one, then the scans in batches
   * (a scan never arrives before its label exists). `clockAt` is the clock the use cases see for
   * a step. Returns false when stopped.
   */
  const advance = async (until: number, clockAt: (step: Step) => number): Promise<boolean> => {
    let end = next;
    while (end < steps.length && steps[end]!.t <= until) end++;
    const due = steps.slice(next, end);
    const scans = due.filter((s): s is Extract<Step, { kind: 'scan' }> => s.kind === 'scan');
    steps.splice(next, due.length, ...due.filter((s) => s.kind !== 'scan'), ...scans);
    while (next < end && steps[next]!.kind !== 'scan') {
      if (signal?.aborted) return false;
      const step = steps[next]!;
      clockMs = clockAt(step);
      if (step.kind === 'place') {
        const { order } = await upsertOrder(sim, storeId, step.order.input, CTX, 'create');
        orderIds.set(step.order.key, order.id);
        counts.orders++;
      } else if (step.kind === 'ship') {
        const orderId = orderIds.get(step.shipment.orderKey);
        if (!orderId) throw new Error(`simulator: shipment ${step.shipment.key} before its order`);
        const { shipment } = await recordShipment(sim, storeId, orderId, step.shipment.input, CTX);
        shipmentIds.set(step.shipment.key, shipment.id);
        counts.shipments++;
      }
      next++;
    }
    for (let i = 0; i < scans.length; i += batchSize) {
      if (signal?.aborted) return false;
      const batch = scans.slice(i, i + batchSize);
      clockMs = clockAt(batch[batch.length - 1]!);
      await ingest(batch.map((s) => s.delivery));
      next += batch.length;
    }
    return true;
  };

  // History: tick by tick up to `now`.
  while (next < steps.length && steps[next]!.t <= startMs) {
    if (signal?.aborted) {
      stopped = true;
      break;
    }
    const tickEnd = Math.min(startMs, (Math.floor(steps[next]!.t / tick) + 1) * tick);
    const ok = await advance(tickEnd, (step) => (step.kind === 'scan' ? tickEnd : step.t));
    simulatedAt = tickEnd;
    progress('history');
    if (!ok) {
      stopped = true;
      break;
    }
  }
  if (!stopped) simulatedAt = startMs;

  // Live: simulated time runs at `speed`.
  const live = speed > 0 && !stopped && next < steps.length;
  if (live) {
    const realStart = timer.now();
    while (next < steps.length) {
      const now = startMs + (timer.now() - realStart) * speed;
      if (signal?.aborted) {
        simulatedAt = now;
        stopped = true;
        break;
      }
      const due = steps[next]!.t;
      if (due <= now) {
        simulatedAt = now;
        const ok = await advance(now, () => now);
        progress('live');
        if (!ok) {
          stopped = true;
          break;
        }
        continue;
      }
      await timer.sleep(Math.min(1000, Math.max(1, (due - now) / speed)), signal);
    }
    if (!stopped) simulatedAt = Math.max(simulatedAt, steps[steps.length - 1]?.t ?? startMs);
  }

  // The shipments' statuses as Otodoke now sees them.
  const statuses: Partial<Record<ShipmentStatus, number>> = {};
  const ids = new Set(shipmentIds.values());
  const keys = [...new Set([...shipmentIds.keys()].map((k) => normalizeTrackingNumber(shipmentByKey.get(k)!.trackingNumber)))];
  for (let i = 0; i < keys.length; i += 500) {
    for (const s of await deps.persistence.read.shipments.listByTrackingKeys(storeId, keys.slice(i, i + 500))) {
      if (ids.has(s.id)) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    }
  }
  const problemCounts: Record<ProblemKind, number> = { delayed: 0, failedAttempt: 0, pickup: 0, lost: 0, returned: 0 };
  for (const set of problems.values()) for (const p of set) problemCounts[p]++;
  const share = (n: number) => (counts.shipments ? Math.round((n / counts.shipments) * 10_000) / 10_000 : 0);

  return {
    storeId,
    seed: plan.seed,
    days: plan.days,
    startedAt: iso(startMs),
    simulatedUntil: iso(simulatedAt),
    live,
    stopped,
    complete: next === steps.length,
    orders: { planned: plan.orders.length, created: counts.orders },
    shipments: { planned: plan.shipments.length, created: counts.shipments },
    scans: {
      planned: plan.deliveries.length,
      sent: counts.sent,
      stored: counts.stored,
      duplicates: counts.duplicates,
      orphaned: counts.orphaned,
      pending: plan.deliveries.length - counts.sent,
      batches: counts.batches,
    },
    statuses,
    problems: Object.fromEntries(Object.entries(problemCounts).map(([k, n]) => [k, { count: n, share: share(n) }])) as SimulationSummary['problems'],
    durationMs: Math.round(performance.now() - started),
  };
}

