import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { compose } from '../../compose.ts';
import { loadConfig } from '../../config.ts';
import { formatSummary } from '../simulator/summary.ts';
import { planSimulation } from '../simulator/plan.ts';
import { runSimulation, type SimulationProgress } from '../simulator/run.ts';

interface SimulateOptions {
  store: string;
  orders: number;
  days: number;
  speed: number;
  seed?: number;
  json?: boolean;
}

const integer = (min: number, max: number, what: string) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} from ${min} to ${max.toLocaleString('en-US')}`);
  return n;
};

/** A finite number in [min, max], or in (min, max] when `above` is set. */
const number = (min: number, max: number, what: string, above = false) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || (above && n === min) || n > max) {
    throw new InvalidArgumentError(`expected ${what} ${above ? 'above' : 'from'} ${min}, at most ${max.toLocaleString('en-US')}`);
  }
  return n;
};

/** Progress on stderr: a bar on a terminal, else a plain line every ~10%. */
function progressReporter(total: number) {
  const tty = process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'simulate [{bar}] {percentage}% | {orders} orders, {shipments} shipments, {scans} scans | {phase} {simulatedAt}',
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let lastDecile = 0;
  let started = false;
  return {
    update(p: SimulationProgress) {
      const payload = { orders: p.orders, shipments: p.shipments, scans: p.scans, phase: p.phase, simulatedAt: p.simulatedAt.slice(0, 16).replace('T', ' ') };
      if (bar) {
        if (!started) bar.start(total, 0, payload);
        started = true;
        bar.update(p.done, payload);
        return;
      }
      const decile = total ? Math.floor((p.done / total) * 10) : 10;
      if (decile > lastDecile) {
        lastDecile = decile;
        process.stderr.write(
          `simulate: ${Math.round((p.done / total) * 100)}% (${p.done}/${total} steps): ${p.orders} orders, ${p.shipments} shipments, ${p.scans} scans, ${p.duplicates} duplicates; ${p.phase} at ${payload.simulatedAt} UTC\n`,
        );
      }
    },
    stop() {
      if (bar && started) bar.stop();
    },
  };
}

/** `otodoke simulate --store ID --orders N [--days D] [--speed X] [--seed S] [--json]`. */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description(
      'create realistic orders and shipments in a store and drive carrier scans through the webhook ingest path ' +
        '(Yamato, Sagawa, Japan Post, UPS, USPS, FedEx); scans dated up to now are ingested at once, later ones live with --speed',
    )
    .requiredOption('--store <id>', 'the store to fill (reads DATABASE_URL)')
    .requiredOption('--orders <n>', 'how many orders to create', integer(1, 1_000_000, 'a whole number'))
    .option('--days <d>', 'spread the orders over the last D days', number(0, 365, 'a number of days', true), 14)
    .option('--speed <x>', 'after the history, play future scans live at X simulated seconds per real second (3600 = an hour a second); 0 stops after the history', number(0, 1e9, 'a number'), 0)
    .option('--seed <s>', 'seed of the random plan: the same seed and time give the same run (default: random, printed)', integer(0, 4_294_967_295, 'a whole number'))
    .option('--json', 'print the summary as JSON')
    .action(async (o: SimulateOptions) => {
      const deps = await compose(loadConfig());
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(130);
        process.stderr.write('\nStopping after the current batch (Ctrl-C again to quit at once)…\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
        const now = deps.clock.now();
        const plan = planSimulation({ orders: o.orders, days: o.days, seed, now });
        const total = plan.orders.length + plan.shipments.length + plan.deliveries.length;
        const progress = progressReporter(total);
        let summary;
        try {
          summary = await runSimulation(deps, o.store, plan, { now, speed: o.speed, signal: controller.signal, onProgress: (p) => progress.update(p) });
        } finally {
          progress.stop();
        }
        console.log(o.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      } finally {
        process.off('SIGINT', onSigint);
        await deps.close();
      }
    });
}
