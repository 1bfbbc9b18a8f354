import { sql } from 'kysely';
import type { Persistence, Repos } from '../../core/ports.ts';
import { AppError, isAppError } from '../../core/shared/errors.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { jobOutbox } from '../queue/job-queue.ts';
import type { Db } from './database.ts';
import { customerRepo } from './repos/customers.repo.ts';
import { eventLog } from './repos/events.repo.ts';
import { messageRepo } from './repos/messages.repo.ts';
import { orderRepo } from './repos/orders.repo.ts';
import { productRepo } from './repos/products.repo.ts';
import { idempotencyRepo, webhookReceipts } from './repos/receipts.repo.ts';
import { pickupRepo, shipmentRepo } from './repos/shipments.repo.ts';
import { storeRepo } from './repos/stores.repo.ts';
import { trackingEventRepo } from './repos/tracking-events.repo.ts';
import type { Q } from './repos/types.ts';

function reposOn(q: Q, box: SecretBox): Repos {
  return {
    stores: storeRepo(q, box),
    customers: customerRepo(q),
    products: productRepo(q),
    orders: orderRepo(q),
    shipments: shipmentRepo(q),
    trackingEvents: trackingEventRepo(q),
    pickups: pickupRepo(q),
    events: eventLog(q),
    jobs: jobOutbox(q),
    webhooks: webhookReceipts(q),
    idempotency: idempotencyRepo(q),
    messages: messageRepo(q),
  };
}

/** A write that lost a race with another one: safe to run again from the start. */
export function isRetryableConflict(e: unknown): boolean {
  if (isAppError(e)) return e.code === 'VERSION_CONFLICT';
  const code = (e as { code?: unknown })?.code;
  return (
    code === '23505' || // unique_violation
    code === '40001' || // serialization_failure
    code === '40P01' || // deadlock_detected
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_BUSY'
  );
}

function asConflict(e: unknown): unknown {
  return isRetryableConflict(e) && !isAppError(e) ? new AppError('VERSION_CONFLICT', 'Another change to the same record landed first; try again.', {}) : e;
}

export function createPersistence(db: Db, box: SecretBox, attempts = 4): Persistence {
  const read = reposOn(db.kysely, box);
  if (db.dialect === 'sqlite') return { read, transaction: groupCommit(db, box, attempts) };
  return {
    read,
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.kysely.transaction().execute((trx) => fn(reposOn(trx, box)));
        } catch (e) {
          if (attempt < attempts && isRetryableConflict(e)) continue;
          throw asConflict(e);
        }
      }
    },
  };
}

interface Unit {
  fn: (repos: Repos) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most units one commit carries: bounds the latency a unit can add to the others. */
const MAX_GROUP = 64;

/**
 * Group commit for SQLite. SQLite has one writer and a commit is its dearest step, so the
 * transactions that queue up while one commit runs are carried together by the next: each unit
 * runs inside its own savepoint (a unit that fails rolls back alone and gets its error), and
 * every unit's promise settles only after the shared COMMIT — nothing is acknowledged before it
 * is durable. Units run one after another, so they see each other's writes as serial
 * transactions would.
 */
function groupCommit(db: Db, box: SecretBox, attempts: number) {
  const queue: Unit[] = [];
  let running = false;

  /** Runs a group in one transaction; without savepoints, gives up (null, all rolled back) at the first failure. */
  async function runGroup(units: Unit[], savepoints: boolean): Promise<Outcome[] | null> {
    const outcomes: Outcome[] = [];
    try {
      await db.kysely.transaction().execute(async (trx) => {
        const repos = reposOn(trx, box);
        for (const unit of units) {
          if (!savepoints) {
            outcomes.push({ ok: true, value: await unit.fn(repos) });
            continue;
          }
          for (let attempt = 1; ; attempt++) {
            await sql`savepoint unit`.execute(trx);
            try {
              const value = await unit.fn(repos);
              await sql`release savepoint unit`.execute(trx);
              outcomes.push({ ok: true, value });
              break;
            } catch (error) {
              await sql`rollback to savepoint unit`.execute(trx);
              await sql`release savepoint unit`.execute(trx);
              if (attempt < attempts && isRetryableConflict(error)) continue;
              outcomes.push({ ok: false, error: asConflict(error) });
              break;
            }
          }
        }
      });
    } catch (error) {
      // A unit threw (the commit was never reached): everything is rolled back, run it again carefully.
      if (!savepoints && outcomes.length < units.length) return null;
      throw error;
    }
    return outcomes;
  }

  async function flush(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      // Let the requests already read off the sockets reach the queue before the group closes.
      await new Promise((r) => setImmediate(r));
      const units = queue.splice(0, MAX_GROUP);
      let outcomes: Outcome[];
      try {
        // Most groups have no failing unit: run them straight, without a savepoint each. When
        // one fails, the whole group is rolled back and run again with a savepoint per unit.
        outcomes = (await runGroup(units, false)) ?? (await runGroup(units, true))!;
      } catch (error) {
        // The commit itself failed: nothing of this group landed.
        for (const unit of units) unit.reject(error);
        continue;
      }
      units.forEach((unit, i) => {
        const o = outcomes[i]!;
        if (o.ok) unit.resolve(o.value);
        else unit.reject(o.error);
      });
    }
    running = false;
  }

  return function transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!running) void flush();
    });
  };
}
