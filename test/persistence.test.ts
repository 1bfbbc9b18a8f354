import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/core/shared/errors.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`transactions under concurrency (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let storeId: string;
  beforeAll(async () => {
    t = await testContext();
    storeId = (await t.store('Tx')).id;
  });
  afterAll(async () => t.close());

  const job = (key: string) => ({ type: 't.tx', payload: {}, storeId, key });
  const keys = async () =>
    (await t.deps.db.kysely.selectFrom('job').select('key').where('type', '=', 't.tx').orderBy('key').execute()).map((r) => r.key);

  it('lands every concurrent transaction but the one that failed, which writes nothing', async () => {
    const runs = Array.from({ length: 40 }, (_, i) =>
      t.deps.persistence.transaction(async (r) => {
        await r.jobs.enqueue([job(`k${String(i).padStart(2, '0')}`)], t.clock.now());
        if (i === 17) throw new AppError('VALIDATION_FAILED', 'unit 17 fails after writing');
        return i;
      }),
    );
    const results = await Promise.allSettled(runs);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 17));
    const failed = results[17] as PromiseRejectedResult;
    expect(failed.reason.code).toBe('VALIDATION_FAILED');
    const landed = await keys();
    expect(landed).toHaveLength(39);
    expect(landed).not.toContain('k17');
  });

  it('runs transactions as if one after another: each sees what the earlier ones wrote', async () => {
    const claims = await Promise.all(
      Array.from({ length: 12 }, () => t.deps.persistence.transaction((r) => r.idempotency.claim(storeId, 'same-key', 'h', t.clock.now().toISOString()))),
    );
    // Exactly one transaction claimed the key; every later one found its record.
    expect(claims.filter((c) => c === null)).toHaveLength(1);
    expect(claims.filter((c) => c !== null).every((c) => c!.state === 'in_progress')).toBe(true);
  });
});
