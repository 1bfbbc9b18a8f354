import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config.ts';
import { compose } from '../../compose.ts';
import type { AppDeps } from '../../app/deps.ts';
import { upsertOrder } from '../../app/orders.ts';
import { isAppError } from '../../core/shared/errors.ts';
import { formatIssue, readShopifyOrdersCsv, type CsvIssue } from '../../adapters/platforms/shopify/csv.ts';

export interface ImportError extends CsvIssue {
  /** The order's Name, when the row had one. */
  order: string | null;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Orders (or nameless rows) skipped because of an error. */
  failed: number;
  errors: ImportError[];
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  summary: Readonly<ImportSummary>;
}

/** The file could not be read to its end; what was imported before stays imported. */
export class ImportStopped extends Error {}

/**
 * Imports a Shopify order export into a store, one order per transaction, so a bad order never
 * stops the others. Orders keep Shopify's id as their external id when the export has it (source
 * `shopify`, the same key webhooks use), else their Name (source `csv`): importing a file again
 * updates what changed and creates nothing twice.
 */
export async function importOrdersCsv(
  deps: AppDeps,
  storeId: string,
  file: string,
  opts: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<{ summary: ImportSummary; stopped: string | null }> {
  const store = await deps.persistence.read.stores.get(storeId);
  if (!store) throw new ImportStopped(`no store with id ${storeId}`);
  let totalBytes: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
    totalBytes = s.size;
  } catch (e) {
    throw new ImportStopped(`cannot read ${file}: ${(e as Error).message}`);
  }
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  let bytes = 0;
  const report = () => opts.onProgress?.({ bytes, totalBytes, summary });
  const fail = (order: string | null, issues: CsvIssue[]) => {
    summary.failed += 1;
    summary.errors.push(...issues.map((i) => ({ ...i, order })));
  };
  const rows = readShopifyOrdersCsv(createReadStream(file), { defaultCurrency: store.currency, timeZone: store.timezone, onBytes: (b) => (bytes = b) });
  try {
    for await (const result of rows) {
      if (!result.ok) fail(result.name, result.issues);
      else {
        const { order } = result;
        try {
          const r = await upsertOrder(deps, storeId, order.input, { source: order.source, actor: 'csv' });
          if (r.created) summary.created += 1;
          else if (r.changed) summary.updated += 1;
          else summary.unchanged += 1;
        } catch (e) {
          if (!isAppError(e)) throw e;
          fail(order.name, [{ row: order.firstRow, field: 'Name', message: `${e.code}: ${e.message}` }]);
        }
      }
      report();
    }
  } catch (e) {
    if (isAppError(e) && e.code === 'CSV_ROW_INVALID') return { summary, stopped: e.message };
    throw e;
  }
  bytes = totalBytes;
  report();
  return { summary, stopped: null };
}

export const summaryLine = (s: ImportSummary) => `created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed}`;

/** 0: something imported or nothing to import; 1: the store or the file is unusable; 2: every order failed. */
export function exitCodeOf(summary: ImportSummary, stopped: string | null): number {
  if (stopped) return 1;
  const imported = summary.created + summary.updated + summary.unchanged;
  return summary.failed > 0 && imported === 0 ? 2 : 0;
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Progress on stderr: a bar on a terminal, else a plain line every few seconds. */
function progressReporter(stderr: Io['stderr'], everyMs = 3000) {
  const counted = (s: ImportSummary) => s.created + s.updated + s.unchanged + s.failed;
  if (stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: stderr, format: 'importing [{bar}] {percentage}% | {orders} orders | {failed} failed', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p: ImportProgress) {
        if (!started) {
          bar.start(Math.max(1, p.totalBytes), 0, { orders: 0, failed: 0 });
          started = true;
        }
        bar.update(p.bytes, { orders: counted(p.summary), failed: p.summary.failed });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = Date.now();
  return {
    update(p: ImportProgress) {
      if (Date.now() - last < everyMs) return;
      last = Date.now();
      const pct = p.totalBytes ? Math.floor((100 * p.bytes) / p.totalBytes) : 100;
      stderr.write(`importing: ${counted(p.summary)} orders (${pct}% of the file), ${p.summary.failed} failed\n`);
    },
    stop() {},
  };
}

/** `otodoke import orders FILE --store ID [--json]`: prints the summary and returns the exit code. */
export async function runImportOrders(deps: AppDeps, args: { file: string; storeId: string; json?: boolean }, io: Io): Promise<number> {
  const progress = progressReporter(io.stderr);
  let outcome: Awaited<ReturnType<typeof importOrdersCsv>>;
  try {
    outcome = await importOrdersCsv(deps, args.storeId, args.file, { onProgress: (p) => progress.update(p) });
  } catch (e) {
    progress.stop();
    if (!(e instanceof ImportStopped)) throw e;
    if (args.json) io.stdout.write(JSON.stringify({ error: e.message }) + '\n');
    else io.stderr.write(`error: ${e.message}\n`);
    return 1;
  }
  progress.stop();
  const { summary, stopped } = outcome;
  if (args.json) {
    io.stdout.write(JSON.stringify({ ...summary, ...(stopped && { error: stopped }) }) + '\n');
  } else {
    io.stdout.write(summaryLine(summary) + '\n');
    if (summary.errors.length) {
      io.stdout.write('errors:\n');
      for (const err of summary.errors) io.stdout.write(`  ${formatIssue(err)}${err.order ? ` (order ${err.order})` : ''}\n`);
    }
    if (stopped) io.stderr.write(`error: ${stopped}\n`);
  }
  return exitCodeOf(summary, stopped);
}

export function registerImportCommand(program: Command): void {
  const imports = program.command('import').description('import data from files');
  imports
    .command('orders')
    .description('import orders from a Shopify order export (CSV); importing the same file again creates no duplicates')
    .argument('<file>', 'the CSV file (Shopify admin → Orders → Export)')
    .requiredOption('--store <id>', 'the store to import into')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o: { store: string; json?: boolean }) => {
      const deps = await compose(loadConfig());
      try {
        process.exitCode = await runImportOrders(deps, { file, storeId: o.store, json: o.json }, { stdout: process.stdout, stderr: process.stderr });
      } finally {
        await deps.close();
      }
    });
}
