import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { compose } from '../../compose.ts';
import { AppError } from '../../core/shared/errors.ts';
import type { Store } from '../../core/store/store.types.ts';
import type { Locale } from '../../core/tracking/statuses.ts';
import { presentCarrierList, presentDetection } from '../server/routes/carriers.routes.ts';

/** Reads a store, opening the database only for that and closing it at once. */
async function readStore(id: string): Promise<Store> {
  const deps = await compose(loadConfig());
  try {
    const store = await deps.persistence.read.stores.get(id);
    if (!store) throw new AppError('STORE_NOT_FOUND', `No store with id ${id}.`, { storeId: id });
    return store;
  } finally {
    await deps.close();
  }
}

const parseLocale = (value: string): Locale => {
  if (value !== 'ja' && value !== 'en') throw new InvalidArgumentError('expected ja or en');
  return value;
};

const parseCountry = (value: string): string => {
  if (!/^[A-Za-z]{2}$/.test(value)) throw new InvalidArgumentError('expected an ISO 3166-1 alpha-2 code such as JP');
  return value.toUpperCase();
};

/** Columns on a terminal: East Asian wide and full-width characters take two cells. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** A plain text table: a header row, then the rows, columns two spaces apart. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

interface DetectOptions {
  store?: string;
  json?: boolean;
  locale?: Locale;
  destination?: string;
}

/** `otodoke carriers detect NUMBER` and `otodoke carriers list`. */
export function registerCarriersCommand(program: Command): void {
  const carriers = program.command('carriers').description('the carrier registry and tracking-number detection');

  carriers
    .command('detect')
    .description("which carriers a tracking number can belong to, most likely first (with --store, the store's carriers first)")
    .argument('<trackingNumber>', 'the tracking number, hyphens and full-width digits allowed')
    .option('--store <id>', "rank this store's carriers first (reads DATABASE_URL)")
    .option('--locale <locale>', "language of names and tracking pages: ja or en (default: the store's, else ja)", parseLocale)
    .option('--destination <country>', 'destination country (ISO alpha-2), for international postal items', parseCountry)
    .option('--json', 'print JSON, as GET /api/v1/carriers/detect answers')
    .action(async (trackingNumber: string, o: DetectOptions) => {
      if (trackingNumber.trim() === '') throw new AppError('VALIDATION_FAILED', 'A tracking number is required.');
      const store = o.store ? await readStore(o.store) : null;
      const locale = o.locale ?? store?.locale ?? 'ja';
      const body = presentDetection(trackingNumber, {
        preferred: store?.settings.carriers ?? [],
        locale,
        destinationCountry: o.destination,
      });
      if (o.json) {
        console.log(JSON.stringify(body, null, 2));
        return;
      }
      if (body.matches.length === 0) {
        console.log(`${body.trackingNumber || '(empty)'}: no known carrier uses this number format.`);
        return;
      }
      const preferred = new Set(store?.settings.carriers ?? []);
      console.log(`${body.trackingNumber}: ${body.matches.length} possible carrier${body.matches.length === 1 ? '' : 's'}\n`);
      console.log(
        table(
          ['#', 'CARRIER', 'NAME', 'FORMAT', 'TRACKING PAGE'],
          body.matches.map((m, i) => [String(i + 1), m.carrier + (preferred.has(m.carrier) ? ' *' : ''), m.name[locale], m.format, m.trackingUrl]),
        ),
      );
      if (body.matches.some((m) => preferred.has(m.carrier))) console.log("\n* one of the store's carriers");
    });

  carriers
    .command('list')
    .description('the carriers Otodoke knows')
    .option('--store <id>', "mark this store's carriers (reads DATABASE_URL)")
    .option('--json', 'print JSON, as GET /api/v1/carriers answers')
    .action(async (o: { store?: string; json?: boolean }) => {
      const store = o.store ? await readStore(o.store) : null;
      const body = presentCarrierList(store?.settings.carriers ?? []);
      if (o.json) {
        console.log(JSON.stringify(body, null, 2));
        return;
      }
      const yes = (b: boolean) => (b ? 'yes' : '-');
      console.log(
        table(
          ['CARRIER', 'NAME', 'COUNTRY', 'DETECTS', 'REDELIVERY', 'WEEKENDS'],
          body.carriers.map((c) => [c.code + (c.preferred ? ' *' : ''), c.name.en, c.country, yes(c.detectable), yes(c.redelivery !== null), yes(c.deliversOnWeekends)]),
        ),
      );
    });
}
