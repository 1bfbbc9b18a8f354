import { loadConfig } from '../config.ts';
import { compose } from '../compose.ts';
import { buildServer } from './server/server.ts';
import { Worker } from './worker/worker.ts';
import { registerHandlers } from './worker/handlers.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { planSimulation, runSimulation } from './simulator/index.ts';

/**
 * `npm start`: migrate, then run the roles this process has (ROLE=all|server|worker). On an empty
 * database it creates the demo store unless OTODOKE_DEMO=off. SIGINT/SIGTERM stop cleanly.
 */
async function main() {
  const config = loadConfig();
  const deps = await compose(config);
  const roles = config.ROLE === 'all' ? ['server', 'worker'] : [config.ROLE];
  const log = (msg: string, extra?: Record<string, unknown>) => console.log(extra ? `${msg} ${JSON.stringify(extra)}` : msg);

  const worker = roles.includes('worker')
    ? registerHandlers(new Worker(deps.queue, deps.clock, { concurrency: config.WORKER_CONCURRENCY, pollMs: config.WORKER_POLL_MS, log }), deps)
    : null;
  const liveStop = new AbortController();
  let live: Promise<void> | null = null;
  const app = roles.includes('server') ? await buildServer(deps, { logger: config.LOG_LEVEL !== 'silent' && config.LOG_LEVEL !== 'info' }) : null;

  if (app) {
    await app.listen({ port: config.PORT, host: config.HOST });
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    console.log(`Otodoke is listening on ${base} (database: ${deps.db.dialect}, roles: ${roles.join('+')})`);
    console.log(`  API docs:   ${base}/api/docs`);
    console.log(`  Health:     ${base}/healthz`);
    if (config.OTODOKE_DEMO) {
      const demo = await seedDemoIfEmpty(deps, { baseUrl: base, log });
      if (demo) {
        // Live parcels for the demo: 30 more orders over the last two days, whose remaining scans
        // arrive while you watch (one simulated minute a second), through the real ingest path.
        const plan = planSimulation({ orders: 30, days: 2, seed: 20261122, now: deps.clock.now(), usShare: 0.15 });
        live = runSimulation(deps, demo.storeId, plan, { speed: 60, signal: liveStop.signal })
          .then((s) => log(`Demo simulation finished: ${s.scans.stored} scans.`))
          .catch((e: unknown) => log(`Demo simulation stopped: ${e instanceof Error ? e.message : String(e)}`));
        log('  Live: 30 more orders are on their way; their scans arrive as you watch (otodoke simulate runs more).');
      }
    }
  }
  worker?.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing running jobs and requests…`);
    liveStop.abort();
    await live;
    await app?.close();
    await worker?.stop();
    await deps.close();
    console.log('Stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
