import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/shared/errors.ts';
import { formatIssue, parseCsvDateTime, readShopifyOrdersCsv, type CsvOrderResult } from './csv.ts';
import { shopifyFixture } from './fixtures.test-support.ts';

const opts = { defaultCurrency: 'JPY', timeZone: 'Asia/Tokyo' };

async function readAll(text: string | Buffer, o = opts): Promise<CsvOrderResult[]> {
  const out: CsvOrderResult[] = [];
  for await (const r of readShopifyOrdersCsv(Readable.from([typeof text === 'string' ? Buffer.from(text) : text]), o)) out.push(r);
  return out;
}

const HEADER = 'Name,Email,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Id\n';

describe('readShopifyOrdersCsv', () => {
  it('reads the export fixture: groups line items, numbers rows by file line, skips bad orders whole', async () => {
    const results = await readAll(shopifyFixture('orders-export.csv'));
    expect(results.map((r) => (r.ok ? r.order.name : `✗ ${r.name ?? '(no name)'}`))).toEqual(['#1001', '#1002', '✗ #1003', '✗ (no name)', '#1004', '#1005']);
    const [o1001, o1002, bad1003, noName, o1004, o1005] = results;
    if (!o1001?.ok || !o1002?.ok || !o1004?.ok || !o1005?.ok || bad1003?.ok !== false || noName?.ok !== false) throw new Error('unexpected shape');
    expect(o1001.order).toMatchObject({ source: 'shopify', firstRow: 2, lastRow: 4 });
    expect(o1001.order.input).toMatchObject({
      externalId: '5764607523034234881',
      number: '#1001',
      placedAt: '2026-11-19T03:15:00.000Z',
      currency: 'JPY',
      customer: { email: 'hanako.yamada@example.jp', phone: '+819012345678', name: '山田 花子' },
      totals: { subtotal: 6800, shipping: 600, tax: 672, discount: 0, total: 7400 },
      shippingAddress: { name: '山田 花子', line1: '神宮前1-2-3', city: '渋谷区', region: '東京都', regionCode: 'JP-13', postalCode: '150-0001', country: 'JP', phone: '090-1234-5678' },
      requestedDeliveryDate: '2026-11-22',
      requestedTimeSlot: '14-16',
      tags: ['ギフト', 'リピーター'],
    });
    expect(o1001.order.input.lineItems).toEqual([
      { title: '玉露 - 100g', quantity: 2, unitPrice: 1800, sku: 'TEA-GYOKURO-100', requiresShipping: true },
      { title: '有田焼 湯呑み', quantity: 1, unitPrice: 3200, sku: 'CUP-ARITA-01', requiresShipping: true },
    ]);
    expect(o1002.order.input.shippingAddress).toMatchObject({ postalCode: '060-0001', region: '北海道', line2: 'さっぽろビル 5F' });
    expect(bad1003.issues.map(formatIssue)).toEqual(['row 7, Lineitem quantity: expected a whole number ≥ 1']);
    expect(noName.issues.map(formatIssue)).toEqual(['row 8, Name: required (the order number, e.g. #1001)']);
    expect(o1004.order).toMatchObject({ source: 'csv', firstRow: 9 });
    expect(o1004.order.input).toMatchObject({ externalId: '#1004', currency: 'USD', totals: { subtotal: 3998, shipping: 1200, tax: 0, total: 5198 }, placedAt: '2026-11-20T19:45:00.000Z' });
    expect(o1005.order.input.cancelled).toEqual({ at: '2026-11-20T05:10:00.000Z' });
  });

  it('names every bad field of an order, with its row', async () => {
    const csv = HEADER + '#2001,bad-email,JPY,abc,1000,2026-13-01 10:00,1,Tea,1000,,\n#2001,,,,,,0,,12x,,\n';
    const [r] = await readAll(csv);
    expect(r?.ok).toBe(false);
    if (r?.ok !== false) return;
    expect(r.issues.map(formatIssue)).toEqual([
      'row 2, Created at: expected a date and time such as 2026-11-19 12:15:00 +0900',
      'row 3, Lineitem name: required',
      'row 3, Lineitem quantity: expected a whole number ≥ 1',
      'row 3, Lineitem price: expected an amount of JPY such as 1800',
      'row 2, Subtotal: expected an amount of JPY such as 1800',
    ]);
  });

  it('catches what only the order schema knows (an invalid email), by column', async () => {
    const [r] = await readAll(HEADER + '#2002,not-an-email,JPY,1000,1000,2026-11-19 12:00:00 +0900,1,Tea,1000,,\n');
    expect(r?.ok === false && r.issues.map(formatIssue)).toEqual(['row 2, Email: Invalid email address']);
  });

  it('fails an order whose continuation row lost its Name, and an order split across the file', async () => {
    const csv =
      HEADER +
      '#3001,a@example.jp,JPY,2000,2000,2026-11-19 12:00:00 +0900,1,Tea,1000,,\n' +
      ',,,,,,1,Cup,1000,,\n' +
      '#3002,b@example.jp,JPY,1000,1000,2026-11-19 12:00:00 +0900,1,Tea,1000,,\n' +
      '#3001,a@example.jp,,,,,1,Whisk,500,,\n';
    const results = await readAll(csv);
    expect(results.map((r) => [r.ok, r.ok ? r.order.name : r.issues.map(formatIssue)])).toEqual([
      [false, ["row 3, Name: required: a line item row repeats its order's Name (#3001)"]],
      [true, '#3002'],
      [false, ["row 5, Name: order #3001 appeared before (rows 2–2); an order's rows must be consecutive"]],
    ]);
  });

  it('reads Excel-style dates in the store time zone, amounts with separators, and CRLF files without a BOM', async () => {
    const csv = (HEADER + '#4001,c@example.jp,,"¥1,800",1800,2026/11/19 12:15,1,Tea,"1,800",,\n').replace(/\n/g, '\r\n');
    const [r] = await readAll(csv);
    expect(r?.ok && r.order.input).toMatchObject({ placedAt: '2026-11-19T03:15:00.000Z', currency: 'JPY', totals: { subtotal: 1800 }, lineItems: [{ unitPrice: 1800 }] });
    expect(parseCsvDateTime('2026-07-01 09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(parseCsvDateTime('2026-11-19T12:15:00+09:00', 'UTC')).toBe('2026-11-19T03:15:00.000Z');
    expect(parseCsvDateTime('2026-02-30 10:00', 'UTC')).toBeNull();
  });

  it('yields nothing for an empty file or a header alone', async () => {
    expect(await readAll('')).toEqual([]);
    expect(await readAll('\ufeff' + HEADER)).toEqual([]);
  });

  it('stops with CSV_ROW_INVALID on a file it cannot read on', async () => {
    const codeOf = async (text: string) => {
      try {
        await readAll(text);
        return null;
      } catch (e) {
        return e instanceof AppError ? `${e.code} ${e.message}` : String(e);
      }
    };
    expect(await codeOf('Order,Qty\n1,2\n')).toMatch(/^CSV_ROW_INVALID row 1: the header has no Name column/);
    expect(await codeOf(HEADER + '#5001,"unterminated,JPY\n')).toMatch(/^CSV_ROW_INVALID row \d+: the file cannot be read further/);
  });
});
