import { sql } from 'kysely';
import { newId } from '../../core/shared/ids.ts';
import type { JobOutbox, NewJob } from '../../core/ports.ts';
import type { Db } from '../db/database.ts';
import { fromJson, toJson } from '../db/json.ts';
import type { JobTable } from '../db/schema.ts';
import type { Q } from '../db/repos/types.ts';

export interface ClaimedJob {
  id: string;
  storeId: string | null;
  type: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Delay before retry number `attempts` (1-based): 5 s, 20 s, 80 s, … capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 4 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** Rows per INSERT: 15 columns each stays well below both databases' parameter limits. */
const CHUNK = 500;

/** The outbox: jobs written in the same transaction as the change that causes them. */
export function jobOutbox(q: Q): JobOutbox {
  return {
    async enqueue(jobs: NewJob[], now: Date) {
      if (jobs.length === 0) return;
      const at = now.toISOString();
      const rows: JobTable[] = jobs.map((j) => ({
        id: newId('job', now),
        store_id: j.storeId ?? null,
        type: j.type,
        key: j.key ?? null,
        payload: toJson(j.payload),
        status: 'pending',
        run_at: j.runAt ? new Date(j.runAt).toISOString() : at,
        attempts: 0,
        max_attempts: j.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        locked_until: null,
        locked_by: null,
        last_error: null,
        created_at: at,
        updated_at: at,
        finished_at: null,
      }));
      if (rows.length > CHUNK) {
        for (let i = 0; i < jobs.length; i += CHUNK) await this.enqueue(jobs.slice(i, i + CHUNK), now);
        return;
      }
      const plain = rows.filter((_, i) => !jobs[i]!.rearm);
      const rearm = rows.filter((_, i) => jobs[i]!.rearm);
      if (plain.length) {
        await q
          .insertInto('job')
          .values(plain)
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      }
      if (rearm.length) {
        await q
          .insertInto('job')
          .values(rearm)
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet((eb) => ({
                payload: eb.ref('excluded.payload'),
                run_at: eb.ref('excluded.run_at'),
                status: 'pending',
                attempts: 0,
                last_error: null,
                finished_at: null,
                updated_at: eb.ref('excluded.updated_at'),
              }))
              .where((eb) => eb.and([eb('job.payload', '!=', eb.ref('excluded.payload')), eb('job.status', '!=', 'running')])),
          )
          .execute();
      }
    },
  };
}

/**
 * Claims and settles jobs. A claim marks jobs `running` with a lease; a worker that dies leaves the
 * lease to run out and the job is claimed again. On PostgreSQL concurrent workers skip each other's
 * rows (FOR UPDATE SKIP LOCKED); SQLite serialises writers, so one statement is enough.
 */
export class JobQueue {
  constructor(private readonly db: Db) {}

  async claim(workerId: string, limit: number, now: Date, leaseMs: number): Promise<ClaimedJob[]> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    const lock = this.db.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const res = await sql<JobTable>`
      update job set status = 'running', locked_until = ${lease}, locked_by = ${workerId},
        attempts = attempts + 1, updated_at = ${at}
      where id in (
        select id from job
        where (status = 'pending' and run_at <= ${at}) or (status = 'running' and locked_until < ${at})
        order by run_at, id
        limit ${limit}
        ${lock}
      )
      returning *`.execute(this.db.kysely);
    return res.rows.map((r) => ({
      id: r.id,
      storeId: r.store_id,
      type: r.type,
      key: r.key,
      payload: fromJson(r.payload, {}),
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
    }));
  }

  /** Marks a job done. Only the worker that holds the lease may settle it. */
  async complete(job: ClaimedJob, workerId: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const res = await this.db.kysely
      .updateTable('job')
      .set({ status: 'done', locked_until: null, finished_at: at, updated_at: at, last_error: null })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Schedules a retry with backoff, or moves the job to the dead-letter state. */
  async fail(job: ClaimedJob, workerId: string, now: Date, error: string, permanent = false): Promise<'retry' | 'dead'> {
    const at = now.toISOString();
    const dead = permanent || job.attempts >= job.maxAttempts;
    await this.db.kysely
      .updateTable('job')
      .set({
        status: dead ? 'dead' : 'pending',
        run_at: dead ? at : new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
        locked_until: null,
        locked_by: null,
        last_error: error.slice(0, 2000),
        updated_at: at,
        finished_at: dead ? at : null,
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .execute();
    return dead ? 'dead' : 'retry';
  }

  /** Hands jobs this worker holds back to the queue (used on shutdown). */
  async release(ids: string[], workerId: string, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.kysely
      .updateTable('job')
      .set({ status: 'pending', locked_until: null, locked_by: null, attempts: sql`attempts - 1`, updated_at: now.toISOString() })
      .where('id', 'in', ids)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .execute();
  }

  async nextRunAt(): Promise<string | null> {
    const r = await this.db.kysely
      .selectFrom('job')
      .select((eb) => eb.fn.min('run_at').as('next'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return (r?.next as string | null | undefined) ?? null;
  }

  async listDead(storeId: string, limit = 100) {
    const rows = await this.db.kysely
      .selectFrom('job')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('status', '=', 'dead')
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, type: r.type, attempts: r.attempts, lastError: r.last_error, failedAt: r.finished_at, payload: fromJson(r.payload, {}) }));
  }

  /** Puts a dead job back in the queue, from the merchant's own store only. */
  async retryDead(storeId: string, id: string, now: Date): Promise<boolean> {
    const res = await this.db.kysely
      .updateTable('job')
      .set({ status: 'pending', attempts: 0, run_at: now.toISOString(), finished_at: null, updated_at: now.toISOString() })
      .where('store_id', '=', storeId)
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.db.kysely
      .selectFrom('job')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
