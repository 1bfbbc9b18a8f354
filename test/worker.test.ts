import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker, PermanentJobError } from '../src/apps/worker/worker.ts';
import { backoffMs } from '../src/adapters/queue/job-queue.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`jobs and worker (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let storeId: string;
  beforeAll(async () => {
    t = await testContext();
    storeId = (await t.store('Jobs')).id;
  });
  afterAll(async () => t.close());

  const enqueue = (jobs: Parameters<TestContext['deps']['persistence']['read']['jobs']['enqueue']>[0]) =>
    t.deps.persistence.transaction((r) => r.jobs.enqueue(jobs, t.clock.now()));
  const statusOf = async (type: string) =>
    t.deps.db.kysely.selectFrom('job').select(['status', 'attempts', 'run_at', 'last_error']).where('type', '=', type).execute();

  it('runs a due job once, not one that is scheduled later', async () => {
    const seen: string[] = [];
    const w = new Worker(t.deps.queue, t.clock, { concurrency: 2, pollMs: 10 }).register('t.once', async ({ job }) => {
      seen.push(job.payload.n as string);
    });
    await enqueue([
      { type: 't.once', payload: { n: 'now' }, storeId },
      { type: 't.once', payload: { n: 'later' }, storeId, runAt: new Date(t.clock.now().getTime() + 3600_000).toISOString() },
    ]);
    expect(await w.drain()).toBe(1);
    expect(seen).toEqual(['now']);
    t.clock.advance(3600_000);
    await w.drain();
    expect(seen).toEqual(['now', 'later']);
    expect((await statusOf('t.once')).map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('enqueues a job with a known key only once', async () => {
    await enqueue([{ type: 't.key', payload: {}, key: 'order:1:complete' }]);
    await enqueue([{ type: 't.key', payload: {}, key: 'order:1:complete' }]);
    expect(await statusOf('t.key')).toHaveLength(1);
  });

  it('re-arms a keyed timer when its payload changes, but never one that is running or unchanged', async () => {
    const t0 = t.clock.now().getTime();
    const at = (h: number) => new Date(t0 + h * 3600_000).toISOString();
    await enqueue([{ type: 't.rearm', payload: { cause: 'a' }, key: 'timer:1', runAt: at(1), rearm: true }]);
    await enqueue([{ type: 't.rearm', payload: { cause: 'a' }, key: 'timer:1', runAt: at(5), rearm: true }]);
    expect((await statusOf('t.rearm'))[0]!.run_at).toBe(at(1));
    await enqueue([{ type: 't.rearm', payload: { cause: 'b' }, key: 'timer:1', runAt: at(2), rearm: true }]);
    expect(await statusOf('t.rearm')).toHaveLength(1);
    expect((await statusOf('t.rearm'))[0]).toMatchObject({ status: 'pending', run_at: at(2) });
    // Fired for cause b: done. The same cause again stays done; a new one re-arms it.
    await t.deps.db.kysely.updateTable('job').set({ status: 'done' }).where('key', '=', 'timer:1').execute();
    await enqueue([{ type: 't.rearm', payload: { cause: 'b' }, key: 'timer:1', runAt: at(3), rearm: true }]);
    expect((await statusOf('t.rearm'))[0]!.status).toBe('done');
    await enqueue([{ type: 't.rearm', payload: { cause: 'c' }, key: 'timer:1', runAt: at(3), rearm: true }]);
    expect((await statusOf('t.rearm'))[0]).toMatchObject({ status: 'pending', run_at: at(3) });
    await t.deps.db.kysely.updateTable('job').set({ status: 'running' }).where('key', '=', 'timer:1').execute();
    await enqueue([{ type: 't.rearm', payload: { cause: 'd' }, key: 'timer:1', runAt: at(4), rearm: true }]);
    expect((await statusOf('t.rearm'))[0]).toMatchObject({ status: 'running', run_at: at(3) });
    await t.deps.db.kysely.deleteFrom('job').where('key', '=', 'timer:1').execute();
  });

  it('retries with backoff, then moves the job to dead letters the merchant can see and retry', async () => {
    let calls = 0;
    const w = new Worker(t.deps.queue, t.clock, { concurrency: 1, pollMs: 10 }).register('t.flaky', async () => {
      calls++;
      throw new Error('provider down');
    });
    await enqueue([{ type: 't.flaky', payload: {}, storeId, maxAttempts: 3 }]);
    await w.drain();
    let [row] = await statusOf('t.flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'provider down' });
    expect(new Date(row!.run_at).getTime() - t.clock.now().getTime()).toBe(backoffMs(1));
    expect(await w.drain()).toBe(0); // not due yet
    t.clock.advance(backoffMs(1));
    await w.drain();
    t.clock.advance(backoffMs(2));
    await w.drain();
    [row] = await statusOf('t.flaky');
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(calls).toBe(3);
    const dead = await t.deps.queue.listDead(storeId);
    expect(dead.map((d) => d.type)).toContain('t.flaky');
    const id = dead.find((d) => d.type === 't.flaky')!.id;
    expect(await t.deps.queue.retryDead('sto_other', id, t.clock.now())).toBe(false);
    expect(await t.deps.queue.retryDead(storeId, id, t.clock.now())).toBe(true);
    expect((await statusOf('t.flaky'))[0]!.status).toBe('pending');
  });

  it('sends a permanent failure and an unknown job type straight to dead letters', async () => {
    const w = new Worker(t.deps.queue, t.clock, { concurrency: 1, pollMs: 10 }).register('t.bad', async () => {
      throw new PermanentJobError('payload names no order');
    });
    await enqueue([{ type: 't.bad', payload: {}, storeId }, { type: 't.unknown', payload: {}, storeId }]);
    await w.drain();
    expect((await statusOf('t.bad'))[0]).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await statusOf('t.unknown'))[0]).toMatchObject({ status: 'dead', last_error: 'No handler for job type t.unknown' });
  });

  it('takes back a job whose worker died holding it, once its lease runs out', async () => {
    await enqueue([{ type: 't.orphan', payload: {}, storeId }]);
    const claimed = await t.deps.queue.claim('dead-worker', 10, t.clock.now(), 60_000);
    expect(claimed.map((j) => j.type)).toContain('t.orphan');
    let ran = 0;
    const w = new Worker(t.deps.queue, t.clock, { concurrency: 1, pollMs: 10 }).register('t.orphan', async () => {
      ran++;
    });
    expect(await w.drain()).toBe(0);
    t.clock.advance(61_000);
    await w.drain();
    expect(ran).toBe(1);
    // The dead worker waking up late cannot settle a job it no longer holds.
    expect(await t.deps.queue.complete(claimed.find((j) => j.type === 't.orphan')!, 'dead-worker', t.clock.now())).toBe(false);
  });

  it('stop() lets running jobs finish and claims nothing more', async () => {
    let finished = 0;
    const w = new Worker(t.deps.queue, t.clock, { concurrency: 4, pollMs: 5 }).register('t.slow', async () => {
      await new Promise((r) => setTimeout(r, 100));
      finished++;
    });
    await enqueue(Array.from({ length: 4 }, () => ({ type: 't.slow', payload: {}, storeId })));
    w.start();
    await new Promise((r) => setTimeout(r, 40));
    await w.stop();
    const rows = await statusOf('t.slow');
    expect(finished).toBe(rows.filter((r) => r.status === 'done').length);
    expect(rows.every((r) => r.status === 'done' || r.status === 'pending')).toBe(true);
  });

  it('two worker processes run 10,000 jobs, each exactly once', async () => {
    await sql`create table test_job_run (job_id text not null, worker text not null)`.execute(t.deps.db.kysely);
    const now = t.clock.now();
    for (let i = 0; i < 10; i++) {
      await enqueue(Array.from({ length: 1000 }, (_, j) => ({ type: 'test.record', payload: { i: i * 1000 + j }, runAt: new Date(now.getTime() - 1000).toISOString() })));
    }
    const run = () =>
      new Promise<{ worker: string; processed: number; failed: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/worker-process.ts'], {
          env: { ...process.env, DATABASE_URL: t.dbUrl, OTODOKE_SECRET_KEY: 'k'.repeat(40) },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker exited ${code}`))));
      });
    const results = await Promise.all([run(), run()]);
    const counts = await sql<{ n: number; d: number }>`select count(*) as n, count(distinct job_id) as d from test_job_run`.execute(t.deps.db.kysely);
    expect(Number(counts.rows[0]!.n)).toBe(10_000);
    expect(Number(counts.rows[0]!.d)).toBe(10_000);
    expect(results[0].processed + results[1].processed).toBe(10_000);
    expect(results.every((r) => r.processed > 0)).toBe(true);
    const left = await t.deps.db.kysely.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'test.record').where('status', '!=', 'done').executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  }, 180_000);
});
