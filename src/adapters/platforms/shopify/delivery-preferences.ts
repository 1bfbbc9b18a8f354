/**
 * Requested delivery date and time slot (配達希望日 / 配達時間帯). Shopify has no field for them:
 * Japanese delivery-date apps write them into the order's note attributes (cart attributes), under
 * names that vary by app and language, and some shops ask for them in the order note. This reads
 * the common names and value formats and normalises them: dates to YYYY-MM-DD, time slots to the
 * carriers' slots (`午前中`, `14-16`, …) where they match one, else the text as given.
 */

export interface NoteAttribute {
  name: string;
  value: string;
}

export interface DeliveryPreferences {
  requestedDeliveryDate?: string;
  requestedTimeSlot?: string;
}

/** Full-width digits and punctuation to ASCII (２０２６／１１／２２ → 2026/11/22). */
const toAscii = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

const normalizeKey = (name: string) => toAscii(name).toLowerCase().replace(/[\s_\-.:]/g, '');

const DATE_KEYS = new Set(['deliverydate', 'requesteddeliverydate', 'preferreddeliverydate', 'deliveryday', 'date']);
const TIME_KEYS = new Set(['deliverytime', 'deliverytimeslot', 'requestedtimeslot', 'preferreddeliverytime', 'timeslot', 'time']);

function isDateKey(name: string): boolean {
  const k = normalizeKey(name);
  if (DATE_KEYS.has(k)) return true;
  // 配達希望日, 配送希望日, お届け希望日, お届け日, 配達日, 配送日指定, 希望日
  return /(希望日|お届け日|届け日|配達日|配送日|着日)/.test(k) && !k.includes('時間');
}

function isTimeKey(name: string): boolean {
  const k = normalizeKey(name);
  if (TIME_KEYS.has(k)) return true;
  // 配達時間帯, 配送時間帯, お届け時間帯, 配達希望時間, 時間帯指定, 希望時間
  return /時間/.test(k);
}

const NO_PREFERENCE = /^(指定なし|指定しない|希望なし|なし|無し|特になし|未指定|none|no preference|not specified|any|-+)$/i;

/** A date in one of the usual spellings (2026-11-22, 2026/11/22(日), 2026年11月22日, 2026.11.22) as YYYY-MM-DD. */
export function parseRequestedDate(value: string): string | undefined {
  const v = toAscii(value).trim();
  const m = /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A time slot: `午前中`, hour ranges as `14-16` (from 14:00-16:00, 14時～16時, 14〜16時), else the text (≤ 40 chars). */
export function parseTimeSlot(value: string): string | undefined {
  const v = toAscii(value).trim();
  if (!v || NO_PREFERENCE.test(v)) return undefined;
  if (/午前|^am$|morning/i.test(v)) return '午前中';
  const dashed = v.replace(/[~〜～ー−–—]|から/g, '-');
  const m = /^(\d{1,2})(?::00)?\s*時?\s*-\s*(\d{1,2})(?::00)?\s*時?(?:まで)?$/.exec(dashed);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from < to && to <= 24) return `${from}-${to}`;
  }
  return v.slice(0, 40);
}

/** Splits `name: value` lines (a note, or the CSV export's Note Attributes column) into attributes. */
export function attributesFromText(text: string | null | undefined): NoteAttribute[] {
  if (!text) return [];
  const out: NoteAttribute[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*([^:：]{1,60}?)\s*[:：]\s*(.+?)\s*$/.exec(line);
    if (m) out.push({ name: m[1]!, value: m[2]! });
  }
  return out;
}

/** The delivery preferences in note attributes, falling back to `name: value` lines of the note. */
export function deliveryPreferences(attributes: NoteAttribute[], note?: string | null): DeliveryPreferences {
  const result: DeliveryPreferences = {};
  for (const list of [attributes, attributesFromText(note)]) {
    for (const a of list) {
      const value = typeof a.value === 'string' ? a.value : String(a.value ?? '');
      if (result.requestedDeliveryDate === undefined && isDateKey(a.name)) {
        const d = parseRequestedDate(value);
        if (d) result.requestedDeliveryDate = d;
      } else if (result.requestedTimeSlot === undefined && isTimeKey(a.name)) {
        const t = parseTimeSlot(value);
        if (t) result.requestedTimeSlot = t;
      }
    }
  }
  return result;
}
