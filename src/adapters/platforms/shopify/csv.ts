import type { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { OrderInputSchema, type LineItemInput, type OrderInput } from '../../../core/order/order.input.ts';
import type { Address } from '../../../core/order/order.types.ts';
import { AppError } from '../../../core/shared/errors.ts';
import { parseDecimalToMinor } from '../../../core/shared/money.ts';
import { attributesFromText, deliveryPreferences } from './delivery-preferences.ts';
import { deliveryMethodOf, splitTags, SHOPIFY_SOURCE } from './order.mapper.ts';

/**
 * Shopify's order export (Admin → Orders → Export, "CSV for Excel, Numbers or other spreadsheet
 * programs"). One row per line item: an order with several line items spans consecutive rows with
 * the same Name; the first carries the order's fields, the others only their Lineitem columns.
 *
 * Rows are numbered as lines of the file (the header is row 1), so an error points at the line a
 * spreadsheet or editor shows. A record with a line break inside a quoted field is numbered by its
 * first line.
 */

/** Orders without an Id column are deduplicated by (store, 'csv', Name). */
export const CSV_SOURCE = 'csv';

export interface CsvIssue {
  /** 1-based line in the file; the header is row 1. */
  row: number;
  /** The column, as named in the header. */
  field: string;
  message: string;
}

export const formatIssue = (i: CsvIssue) => `row ${i.row}, ${i.field}: ${i.message}`;

export interface CsvOrder {
  /** The order's Name (#1001). */
  name: string;
  /** `shopify` when the export has the order's Id, else `csv`: part of the deduplication key. */
  source: string;
  input: OrderInput;
  firstRow: number;
  lastRow: number;
}

export type CsvOrderResult = { ok: true; order: CsvOrder } | { ok: false; name: string | null; firstRow: number; issues: CsvIssue[] };

export interface CsvReadOptions {
  /** Used when the Currency column is absent or blank (the store's currency). */
  defaultCurrency: string;
  /** IANA zone for times written without an offset (Excel drops them): the store's time zone. */
  timeZone: string;
  /** Called with the bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
}

type Row = Record<string, string | undefined>;
interface NumberedRow {
  line: number;
  cells: Row;
}

/** Columns only the first row of an order fills: a row without a Name but with these is an order of its own. */
const ORDER_LEVEL = ['Financial Status', 'Currency', 'Subtotal', 'Total'];

const cell = (row: Row, column: string): string | undefined => {
  const v = row[column]?.trim();
  return v ? v : undefined;
};

/**
 * Reads an order export and yields one result per order, in file order: the order to upsert, or
 * the issues that keep it out. A bad order never stops the others. Throws CSV_ROW_INVALID only
 * when the file itself cannot be read on (broken quoting, no Name column).
 */
export async function* readShopifyOrdersCsv(source: Readable, opts: CsvReadOptions): AsyncGenerator<CsvOrderResult> {
  const parser = parse({
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
  });
  let sourceError: Error | null = null;
  source.on('error', (e) => {
    sourceError = e;
    parser.destroy(e);
  });
  source.pipe(parser);

  type Group = { name: string; rows: NumberedRow[]; issues: CsvIssue[]; split: boolean };
  let group = null as Group | null;
  const seen = new Map<string, { first: number; last: number }>();
  const finish = (g: Group): CsvOrderResult => {
    if (!seen.has(g.name)) seen.set(g.name, { first: g.rows[0]!.line, last: g.rows.at(-1)!.line });
    // The rest of an order imported earlier: only the split is worth reporting.
    if (g.split) return { ok: false, name: g.name, firstRow: g.rows[0]!.line, issues: g.issues };
    return mapCsvOrder(g.name, g.rows, g.issues, opts);
  };
  let checkedHeader = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: Info }>) {
      opts.onBytes?.(info.bytes);
      if (!checkedHeader) {
        checkedHeader = true;
        if (!('Name' in record)) {
          throw new AppError('CSV_ROW_INVALID', 'row 1: the header has no Name column; expected a Shopify order export.', { row: 1 });
        }
      }
      const line = info.lines - Object.values(record).reduce((n, v) => n + (v?.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      const name = cell(record, 'Name');
      if (!name) {
        if (group && !ORDER_LEVEL.some((c) => cell(record, c))) {
          group.issues.push({ row: line, field: 'Name', message: `required: a line item row repeats its order's Name (${group.name})` });
        } else {
          // An order of its own without a Name: it ends the order before it.
          if (group) yield finish(group);
          group = null;
          yield { ok: false, name: null, firstRow: line, issues: [{ row: line, field: 'Name', message: 'required (the order number, e.g. #1001)' }] };
        }
        continue;
      }
      if (group?.name === name) {
        group.rows.push({ line, cells: record });
        continue;
      }
      if (group) yield finish(group);
      group = { name, rows: [{ line, cells: record }], issues: [], split: false };
      const before = seen.get(name);
      if (before) {
        group.split = true;
        group.issues.push({ row: line, field: 'Name', message: `order ${name} appeared before (rows ${before.first}–${before.last}); an order's rows must be consecutive` });
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (sourceError) throw new AppError('CSV_ROW_INVALID', `the file cannot be read: ${(sourceError as Error).message}`, { reason: 'read_failed' });
    const err = e as { code?: string; message?: string; lines?: number };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      throw new AppError('CSV_ROW_INVALID', `row ${err.lines ?? '?'}: the file cannot be read further (${err.message ?? err.code}).`, { row: err.lines ?? null, reason: err.code });
    }
    throw e;
  }
  if (group) yield finish(group);
}

// ---------------------------------------------------------------------------------------------
// One order's rows → OrderInput

const MONEY = /^-?[¥￥$]?\s*-?\d[\d,]*(\.\d+)?$/;

/** An amount as the export (or Excel) writes it: 6800, 6800.00, 6,800, ¥6,800. */
function parseAmount(value: string, currency: string): number | null {
  if (!MONEY.test(value)) return null;
  const plain = value.replace(/[¥￥$,\s]/g, '');
  if (plain.startsWith('-')) return null;
  return parseDecimalToMinor(plain, currency);
}

/** Offset of `timeZone` from UTC at a UTC instant, in minutes. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(
    new Date(utcMs),
  );
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - utcMs) / 60_000);
}

const DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** "2026-11-19 12:15:00 +0900" (the export), ISO 8601, or Excel's "2026/11/19 12:15" (read in `timeZone`) → ISO 8601 UTC. */
export function parseCsvDateTime(value: string, timeZone: string): string | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wallMs).getUTCDate() !== d) return null;
  let utcMs: number;
  const zone = m[7];
  if (zone === 'Z') utcMs = wallMs;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    utcMs = wallMs - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  } else {
    const first = wallMs - zoneOffsetMinutes(wallMs, timeZone) * 60_000;
    utcMs = wallMs - zoneOffsetMinutes(first, timeZone) * 60_000;
  }
  return new Date(utcMs).toISOString();
}

const COUNTRY_NAMES: Record<string, string> = { japan: 'JP', 日本: 'JP', 'united states': 'US', usa: 'US', canada: 'CA' };

function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  return COUNTRY_NAMES[value.toLowerCase()];
}

/** Excel-safe exports prefix zip codes and phones with an apostrophe to keep leading zeros. */
const unquote = (v: string | undefined) => v?.replace(/^'/, '').trim() || undefined;

function parseBoolean(value: string): boolean | null {
  const v = value.toLowerCase();
  if (['true', 'yes', 'y', '1', 'はい'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'いいえ'].includes(v)) return false;
  return null;
}

/** Where an OrderInput path comes from, for error messages. */
function columnOf(path: (string | number | symbol)[], lineRows: number[], firstRow: number): { row: number; field: string } {
  const [head, second, third] = path.map(String);
  if (head === 'lineItems' && second !== undefined) {
    const row = lineRows[Number(second)] ?? firstRow;
    const field = ({ title: 'Lineitem name', quantity: 'Lineitem quantity', unitPrice: 'Lineitem price', sku: 'Lineitem sku', requiresShipping: 'Lineitem requires shipping' } as Record<string, string>)[third ?? ''];
    return { row, field: field ?? 'Lineitem name' };
  }
  const byPath: Record<string, string> = {
    number: 'Name',
    externalId: 'Id',
    placedAt: 'Created at',
    currency: 'Currency',
    'customer.email': 'Email',
    'customer.phone': 'Phone',
    'customer.name': 'Billing Name',
    'totals.subtotal': 'Subtotal',
    'totals.shipping': 'Shipping',
    'totals.tax': 'Taxes',
    'totals.total': 'Total',
    'totals.discount': 'Discount Amount',
    'shippingAddress.name': 'Shipping Name',
    'shippingAddress.company': 'Shipping Company',
    'shippingAddress.line1': 'Shipping Address1',
    'shippingAddress.line2': 'Shipping Address2',
    'shippingAddress.city': 'Shipping City',
    'shippingAddress.region': 'Shipping Province',
    'shippingAddress.regionCode': 'Shipping Province',
    'shippingAddress.postalCode': 'Shipping Zip',
    'shippingAddress.country': 'Shipping Country',
    'shippingAddress.phone': 'Shipping Phone',
    requestedDeliveryDate: 'Note Attributes',
    requestedTimeSlot: 'Note Attributes',
    tags: 'Tags',
    'cancelled.at': 'Cancelled at',
  };
  const key = [head, second].filter((p) => p !== undefined).join('.');
  return { row: firstRow, field: byPath[key] ?? byPath[head ?? ''] ?? path.join('.') };
}

/** Maps one order's rows; every problem is reported with its row and column, and any problem skips the order. */
export function mapCsvOrder(name: string, rows: NumberedRow[], carried: CsvIssue[], opts: Pick<CsvReadOptions, 'defaultCurrency' | 'timeZone'>): CsvOrderResult {
  const issues: CsvIssue[] = [...carried];
  const first = rows[0]!;
  const head = first.cells;
  const at = (field: string, message: string, row = first.line) => issues.push({ row, field, message });

  const currencyCell = cell(head, 'Currency');
  const currency = (currencyCell ?? opts.defaultCurrency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) at('Currency', 'expected an ISO 4217 code such as JPY');

  const amount = (field: string, row: Row = head, line = first.line): number | undefined => {
    const v = cell(row, field);
    if (v === undefined) return undefined;
    const m = parseAmount(v, currency);
    if (m === null) at(field, `expected an amount of ${currency} such as ${currency === 'JPY' ? '1800' : '19.99'}`, line);
    return m ?? undefined;
  };

  const createdAtCell = cell(head, 'Created at');
  let placedAt: string | undefined;
  if (!createdAtCell) at('Created at', 'required (e.g. 2026-11-19 12:15:00 +0900)');
  else {
    placedAt = parseCsvDateTime(createdAtCell, opts.timeZone) ?? undefined;
    if (!placedAt) at('Created at', 'expected a date and time such as 2026-11-19 12:15:00 +0900');
  }

  const id = cell(head, 'Id');
  if (id !== undefined && !/^\d{1,20}$/.test(id)) at('Id', "expected Shopify's numeric order id");

  const lineItems: LineItemInput[] = [];
  const lineRows: number[] = [];
  for (const r of rows) {
    const title = cell(r.cells, 'Lineitem name');
    const qtyCell = cell(r.cells, 'Lineitem quantity');
    const priceCell = cell(r.cells, 'Lineitem price');
    const before = issues.length;
    if (!title) at('Lineitem name', 'required', r.line);
    let quantity = 0;
    if (!qtyCell || !/^\d+$/.test(qtyCell) || Number(qtyCell) < 1 || Number(qtyCell) > 100_000) at('Lineitem quantity', 'expected a whole number ≥ 1', r.line);
    else quantity = Number(qtyCell);
    let unitPrice: number | undefined;
    if (!priceCell) at('Lineitem price', 'required (the unit price)', r.line);
    else unitPrice = amount('Lineitem price', r.cells, r.line);
    const shipCell = cell(r.cells, 'Lineitem requires shipping');
    const requiresShipping = shipCell === undefined ? undefined : parseBoolean(shipCell);
    if (requiresShipping === null) at('Lineitem requires shipping', 'expected true or false', r.line);
    if (issues.length > before) continue;
    lineItems.push({
      title: title!.slice(0, 500),
      quantity,
      unitPrice: unitPrice!,
      ...(cell(r.cells, 'Lineitem sku') && { sku: cell(r.cells, 'Lineitem sku')!.slice(0, 100) }),
      ...(requiresShipping !== undefined && requiresShipping !== null && { requiresShipping }),
    });
    lineRows.push(r.line);
  }

  const email = cell(head, 'Email');
  const totals = {
    subtotal: amount('Subtotal'),
    shipping: amount('Shipping'),
    tax: amount('Taxes'),
    discount: amount('Discount Amount'),
    total: amount('Total'),
  };
  let cancelledAt: string | undefined;
  const cancelledCell = cell(head, 'Cancelled at');
  if (cancelledCell) {
    cancelledAt = parseCsvDateTime(cancelledCell, opts.timeZone) ?? undefined;
    if (!cancelledAt) at('Cancelled at', 'expected a date and time such as 2026-11-19 18:00:00 +0900');
  }
  if (issues.length > 0) return { ok: false, name, firstRow: first.line, issues };

  const address: Address = {
    name: cell(head, 'Shipping Name'),
    company: cell(head, 'Shipping Company'),
    line1: cell(head, 'Shipping Address1') ?? cell(head, 'Shipping Street'),
    line2: cell(head, 'Shipping Address2'),
    city: cell(head, 'Shipping City'),
    region: cell(head, 'Shipping Province Name') ?? cell(head, 'Shipping Province'),
    regionCode: cell(head, 'Shipping Province') && cell(head, 'Shipping Province')!.length <= 10 ? cell(head, 'Shipping Province') : undefined,
    postalCode: unquote(cell(head, 'Shipping Zip')),
    country: countryCode(cell(head, 'Shipping Country')),
    phone: unquote(cell(head, 'Shipping Phone')),
  };
  const shippingAddress = Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined)) as Address;
  const method = cell(head, 'Shipping Method');
  const delivery = method ? deliveryMethodOf([{ title: method, code: method }]) : { method: 'ship' as const };
  const prefs = deliveryPreferences(attributesFromText(head['Note Attributes']), head['Notes']);
  const input: OrderInput = {
    externalId: id ?? name,
    number: name,
    placedAt: placedAt!,
    currency,
    customer: Object.fromEntries(
      Object.entries({ email, phone: unquote(cell(head, 'Phone')), name: cell(head, 'Billing Name') ?? cell(head, 'Shipping Name') }).filter(([, v]) => v !== undefined),
    ),
    lineItems,
    totals: Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== undefined)),
    deliveryMethod: delivery.method,
    ...(Object.keys(shippingAddress).length > 0 && { shippingAddress }),
    ...(delivery.location && { pickupLocation: delivery.location }),
    ...prefs,
    ...(splitTags(cell(head, 'Tags')) && { tags: splitTags(cell(head, 'Tags')) }),
    ...(cancelledAt && { cancelled: { at: cancelledAt } }),
  };
  // Whatever the column checks above let through is caught here, and still named by row and column.
  const checked = OrderInputSchema.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const where = columnOf(issue.path, lineRows, first.line);
      at(where.field, issue.message, where.row);
    }
    return { ok: false, name, firstRow: first.line, issues };
  }
  return { ok: true, order: { name, source: id ? SHOPIFY_SOURCE : CSV_SOURCE, input, firstRow: first.line, lastRow: rows.at(-1)!.line } };
}
