import { loadConfig } from '../config.ts';
import { compose } from '../compose.ts';
import { buildServer } from './server/server.ts';
import { Worker } from './worker/worker.ts';
import { registerHandlers } from './worker/handlers.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';

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
  const app = roles.includes('server') ? await buildServer(deps, { logger: config.LOG_LEVEL !== 'silent' && config.LOG_LEVEL !== 'info' }) : null;

  if (app) {
    await app.listen({ port: config.PORT, host: config.HOST });
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    console.log(`Otodoke is listening on ${base} (database: ${deps.db.dialect}, roles: ${roles.join('+')})`);
    console.log(`  API docs:   ${base}/api/docs`);
    console.log(`  Health:     ${base}/healthz`);
    if (config.OTODOKE_DEMO) await seedDemoIfEmpty(deps, { baseUrl: base, log });
  }
  worker?.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing running jobs and requests…`);
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
