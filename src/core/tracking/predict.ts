import {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  isBusinessDay,
  isIsoDate,
  localDate,
  nextBusinessDayOnOrAfter,
  type BusinessCalendar,
} from './business-days.ts';
import { getCarrier } from './carriers.ts';

/**
 * Delivery-date prediction: a date window for when a parcel will arrive, and how sure we are.
 *
 * Three levels, best first (see docs/delivery-prediction.md):
 * 1. `carrier`: the carrier's own estimate, when it gives one.
 * 2. `history`: transit times this store's parcels actually took, as the 10th to 90th percentile,
 *    from the most specific group with enough samples: the lane (carrier + service + from → to),
 *    then carrier + service across lanes, then the carrier across services and lanes.
 * 3. `rules`: default transit times by lane (Japanese regions, US domestic, international).
 *
 * Two calendars are at work. The store's handling (cut-off, handling days) counts the store's
 * business days: weekdays that are neither public holidays of its calendar nor its own closing
 * days. Transit counts the carrier's delivery days: Yamato, Sagawa and Japan Post (ゆうパック)
 * deliver every day of the year, so their transit counts calendar days; other carriers count
 * business days of the calendar, without the store's own closing days.
 *
 * Everything here is pure: instants come in as ISO strings and dates leave as `YYYY-MM-DD`.
 */

// ---------------------------------------------------------------------------------------------
// Carriers that deliver on weekends and holidays.

/**
 * Carriers whose delivery days are every day of the year, so transit counts calendar days.
 * Yamato (宅急便), Sagawa (飛脚宅配便) and Japan Post (ゆうパック) deliver 7 days a week, public
 * holidays included. Amazon Logistics delivers 7 days a week too. Others (UPS, FedEx, USPS
 * parcels, Seino and Fukuyama freight, ...) count business days: a conservative choice where a
 * carrier delivers on Saturdays for some services only.
 */
export const DELIVERS_ON_WEEKENDS: Readonly<Record<string, boolean>> = Object.freeze({
  yamato: true,
  sagawa: true,
  japan_post: true,
  amazon: true,
});

export function deliversOnWeekends(carrier: string): boolean {
  return DELIVERS_ON_WEEKENDS[carrier] === true;
}

/** `calendar`: transit counts every day. `business`: transit counts business days. */
export type TransitUnit = 'calendar' | 'business';

export function transitUnit(carrier: string): TransitUnit {
  return deliversOnWeekends(carrier) ? 'calendar' : 'business';
}

/** The date n transit days after `date` for a carrier. The store's own holidays do not apply. */
export function addTransitDays(date: string, n: number, unit: TransitUnit, calendar: BusinessCalendar): string {
  return unit === 'calendar' ? addDays(date, n) : addBusinessDays(date, n, calendar);
}

/** Transit days from `shipDate` to `deliveredDate`, counted as addTransitDays counts them. */
export function transitDaysBetween(shipDate: string, deliveredDate: string, unit: TransitUnit, calendar: BusinessCalendar): number {
  if (unit === 'calendar') return dayNumber(deliveredDate) - dayNumber(shipDate);
  return businessDaysBetween(shipDate, deliveredDate, calendar);
}

function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

// ---------------------------------------------------------------------------------------------
// Places: Japanese prefectures and regions, US states and ZIP prefixes, countries.

export const JP_REGIONS = ['hokkaido', 'tohoku', 'kanto', 'chubu', 'kinki', 'chugoku', 'shikoku', 'kyushu', 'okinawa'] as const;
export type JpRegion = (typeof JP_REGIONS)[number];

export interface Prefecture {
  /** JIS X 0401 code, `01` to `47`. */
  readonly code: string;
  /** Name without 都/府/県 (北海道 keeps its 道). */
  readonly ja: string;
  readonly en: string;
  readonly region: JpRegion;
}

/**
 * The 47 prefectures in JIS order with the eight traditional regions (八地方区分), Okinawa held
 * apart from Kyushu because parcels to it cross the sea and take longer.
 */
export const PREFECTURES: readonly Prefecture[] = Object.freeze(
  (
    [
      ['北海道', 'Hokkaido', 'hokkaido'],
      ['青森', 'Aomori', 'tohoku'],
      ['岩手', 'Iwate', 'tohoku'],
      ['宮城', 'Miyagi', 'tohoku'],
      ['秋田', 'Akita', 'tohoku'],
      ['山形', 'Yamagata', 'tohoku'],
      ['福島', 'Fukushima', 'tohoku'],
      ['茨城', 'Ibaraki', 'kanto'],
      ['栃木', 'Tochigi', 'kanto'],
      ['群馬', 'Gunma', 'kanto'],
      ['埼玉', 'Saitama', 'kanto'],
      ['千葉', 'Chiba', 'kanto'],
      ['東京', 'Tokyo', 'kanto'],
      ['神奈川', 'Kanagawa', 'kanto'],
      ['新潟', 'Niigata', 'chubu'],
      ['富山', 'Toyama', 'chubu'],
      ['石川', 'Ishikawa', 'chubu'],
      ['福井', 'Fukui', 'chubu'],
      ['山梨', 'Yamanashi', 'chubu'],
      ['長野', 'Nagano', 'chubu'],
      ['岐阜', 'Gifu', 'chubu'],
      ['静岡', 'Shizuoka', 'chubu'],
      ['愛知', 'Aichi', 'chubu'],
      ['三重', 'Mie', 'kinki'],
      ['滋賀', 'Shiga', 'kinki'],
      ['京都', 'Kyoto', 'kinki'],
      ['大阪', 'Osaka', 'kinki'],
      ['兵庫', 'Hyogo', 'kinki'],
      ['奈良', 'Nara', 'kinki'],
      ['和歌山', 'Wakayama', 'kinki'],
      ['鳥取', 'Tottori', 'chugoku'],
      ['島根', 'Shimane', 'chugoku'],
      ['岡山', 'Okayama', 'chugoku'],
      ['広島', 'Hiroshima', 'chugoku'],
      ['山口', 'Yamaguchi', 'chugoku'],
      ['徳島', 'Tokushima', 'shikoku'],
      ['香川', 'Kagawa', 'shikoku'],
      ['愛媛', 'Ehime', 'shikoku'],
      ['高知', 'Kochi', 'shikoku'],
      ['福岡', 'Fukuoka', 'kyushu'],
      ['佐賀', 'Saga', 'kyushu'],
      ['長崎', 'Nagasaki', 'kyushu'],
      ['熊本', 'Kumamoto', 'kyushu'],
      ['大分', 'Oita', 'kyushu'],
      ['宮崎', 'Miyazaki', 'kyushu'],
      ['鹿児島', 'Kagoshima', 'kyushu'],
      ['沖縄', 'Okinawa', 'okinawa'],
    ] as const
  ).map(([ja, en, region], i): Prefecture => ({ code: String(i + 1).padStart(2, '0'), ja, en, region })),
);

const PREFECTURE_LOOKUP: ReadonlyMap<string, Prefecture> = new Map(
  PREFECTURES.flatMap((p) => [
    [p.code, p],
    [p.ja, p],
    [p.en.toLowerCase(), p],
  ]),
);

/**
 * A prefecture from its JIS code (`13`, `1`, `JP-13`), its kanji name with or without 都/府/県
 * (`東京都`, `東京`, `京都府`) or its romanised name (`Tokyo`, `tokyo-to`, `Osaka Prefecture`).
 */
export function findPrefecture(value: string): Prefecture | null {
  const v = value.normalize('NFKC').trim();
  const code = /^(?:JP-?)?(\d{1,2})$/i.exec(v);
  if (code) return PREFECTURE_LOOKUP.get(code[1]!.padStart(2, '0')) ?? null;
  const exact = PREFECTURE_LOOKUP.get(v);
  if (exact) return exact;
  const kanji = /^(.+)[都府県]$/u.exec(v);
  if (kanji) {
    const p = PREFECTURE_LOOKUP.get(kanji[1]!);
    if (p) return p;
  }
  const roman = v.toLowerCase().replace(/(?:[\s-](?:to|fu|ken|prefecture))$/, '');
  return PREFECTURE_LOOKUP.get(roman) ?? null;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(
    ' ',
  ),
);

/** Where a lane end is, as far as the rules care. */
export type Place =
  | { readonly country: 'JP'; readonly prefecture: Prefecture }
  | { readonly country: 'US'; readonly area: string }
  | { readonly country: string }
  | null;

/**
 * Reads a lane end: a Japanese prefecture (see findPrefecture); a US state (`CA`, `US-CA`) or
 * 3-digit ZIP prefix (`941`, `US-941`); or another country as ISO alpha-2, alone or as the prefix
 * of a subdivision (`GB`, `DE-BE`). A bare two-letter US state code wins over the country with the
 * same code (`CA` is California; write `CA-ON` for Ontario). Unknown values give null.
 */
export function parsePlace(value: string): Place {
  const prefecture = findPrefecture(value);
  if (prefecture) return { country: 'JP', prefecture };
  const v = value.normalize('NFKC').trim().toUpperCase();
  const us = /^(?:US-?)?([A-Z]{2}|\d{3})$/.exec(v);
  if (us && (US_STATES.has(us[1]!) || /^\d{3}$/.test(us[1]!))) return { country: 'US', area: us[1]! };
  const country = /^([A-Z]{2})(?:-[A-Z0-9]{1,3})?$/.exec(v);
  if (country) return { country: country[1]! };
  return null;
}

/** A lane end as a grouping key: prefectures by JIS code, whatever their spelling. */
export function placeKey(value: string): string {
  const p = parsePlace(value);
  if (p && 'prefecture' in p) return `JP-${p.prefecture.code}`;
  if (p && 'area' in p) return `US-${p.area}`;
  return value.normalize('NFKC').trim().toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Default transit times (the rules level).

export interface Lane {
  readonly from: string;
  readonly to: string;
  /** The destination is a remote island (離島) served by ship or plane. */
  readonly remote?: boolean;
}

export interface TransitRange {
  readonly min: number;
  readonly max: number;
  readonly unit: TransitUnit;
}

export interface DefaultTransit extends TransitRange {
  /** Which rule gave it: `jp_same_region`, `jp_cross_region`, `jp_far`, `us_domestic`, ... */
  readonly rule: string;
}

/**
 * Default transit for a carrier on a lane, in the carrier's transit unit:
 * - Japan, both ends prefectures: 1–2 days within a region, 2–3 across regions, 3–5 between
 *   Hokkaido and Okinawa or to a remote island;
 * - United States, both ends states or ZIP prefixes: 2–5;
 * - different countries: 5–10;
 * - anything else (unknown ends, other domestic lanes): by the carrier's home country, 1–3 for
 *   Japanese carriers, 2–5 for the others.
 * The first number is the nominal transit; the window allows one day of slack (more far away).
 */
export function defaultTransit(carrier: string, lane: Lane): DefaultTransit {
  const unit = transitUnit(carrier);
  const from = parsePlace(lane.from);
  const to = parsePlace(lane.to);
  if (from && to && from.country !== to.country) return { min: 5, max: 10, unit, rule: 'international' };
  if (from && to && 'prefecture' in from && 'prefecture' in to) {
    const a = from.prefecture.region;
    const b = to.prefecture.region;
    const far = lane.remote === true || (a === 'hokkaido' && b === 'okinawa') || (a === 'okinawa' && b === 'hokkaido');
    if (far) return { min: 3, max: 5, unit, rule: 'jp_far' };
    if (a === b) return { min: 1, max: 2, unit, rule: 'jp_same_region' };
    return { min: 2, max: 3, unit, rule: 'jp_cross_region' };
  }
  if (from?.country === 'US' && to?.country === 'US') return { min: 2, max: 5, unit, rule: 'us_domestic' };
  const home = getCarrier(carrier)?.country;
  if (home === 'JP') return { min: 1, max: 3, unit, rule: 'jp_unknown_lane' };
  return { min: 2, max: 5, unit, rule: 'unknown_lane' };
}

// ---------------------------------------------------------------------------------------------
// Learned transit times.

export interface TransitSample {
  readonly carrier: string;
  readonly service?: string;
  readonly from: string;
  readonly to: string;
  /** ISO instant the parcel left. */
  readonly shippedAt: string;
  /** ISO instant it was delivered. */
  readonly deliveredAt: string;
  /** Zone in which both instants are read as dates. */
  readonly timeZone: string;
  /** Calendar for carriers whose transit counts business days. */
  readonly calendar: BusinessCalendar;
}

export interface TransitDistribution {
  readonly count: number;
  readonly unit: TransitUnit;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Share of the samples whose transit lies in [p10, p90]. */
  readonly coverage: number;
  /** Samples per transit time (days): `{ "1": 40, "2": 7 }`. */
  readonly histogram: Readonly<Record<string, number>>;
}

/** Distributions of transit times, by lane, by carrier + service and by carrier. Plain JSON. */
export interface TransitStats {
  readonly lanes: Readonly<Record<string, TransitDistribution>>;
  readonly services: Readonly<Record<string, TransitDistribution>>;
  readonly carriers: Readonly<Record<string, TransitDistribution>>;
}

/** Fewest samples a group needs before its percentiles are trusted. */
export const MIN_SAMPLES = 20;

export const serviceKey = (carrier: string, service?: string): string => `${carrier}|${(service ?? '').trim().toLowerCase()}`;
export const laneKey = (carrier: string, service: string | undefined, from: string, to: string): string =>
  `${serviceKey(carrier, service)}|${placeKey(from)}>${placeKey(to)}`;

/**
 * The p-th percentile (0..100) of numbers sorted ascending, by the nearest-rank method: the
 * smallest value with at least p% of the values at or below it. Always one of the values.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile must be in 0..100: ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function distribution(values: number[], unit: TransitUnit): TransitDistribution {
  const sorted = [...values].sort((a, b) => a - b);
  const p10 = percentile(sorted, 10);
  const p90 = percentile(sorted, 90);
  const histogram: Record<string, number> = {};
  for (const v of sorted) histogram[String(v)] = (histogram[String(v)] ?? 0) + 1;
  const inside = sorted.filter((v) => v >= p10 && v <= p90).length;
  return { count: sorted.length, unit, p10, p50: percentile(sorted, 50), p90, coverage: inside / sorted.length, histogram };
}

/**
 * Transit-time distributions from delivered parcels. Transit is counted in the carrier's unit
 * (calendar days for carriers that deliver every day, else business days of the sample's
 * calendar) between the local dates of shipping and delivery. Samples delivered before they
 * shipped are ignored as bad data.
 */
export function transitStats(samples: readonly TransitSample[]): TransitStats {
  const groups = { lanes: new Map<string, number[]>(), services: new Map<string, number[]>(), carriers: new Map<string, number[]>() };
  const push = (map: Map<string, number[]>, key: string, v: number) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  for (const s of samples) {
    const unit = transitUnit(s.carrier);
    const days = transitDaysBetween(localDate(s.shippedAt, s.timeZone), localDate(s.deliveredAt, s.timeZone), unit, s.calendar);
    if (days < 0) continue;
    push(groups.lanes, laneKey(s.carrier, s.service, s.from, s.to), days);
    push(groups.services, serviceKey(s.carrier, s.service), days);
    push(groups.carriers, s.carrier, days);
  }
  const build = (map: Map<string, number[]>, carrierOf: (key: string) => string) =>
    Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, distribution(v, transitUnit(carrierOf(k)))]));
  const carrierOf = (key: string) => key.split('|')[0]!;
  return { lanes: build(groups.lanes, carrierOf), services: build(groups.services, carrierOf), carriers: build(groups.carriers, carrierOf) };
}

/** Which group of the history an estimate came from. */
export type HistoryLevel = 'lane' | 'carrier_service' | 'carrier';

/** The most specific distribution with at least MIN_SAMPLES samples, or null. */
export function pickHistory(
  history: TransitStats,
  carrier: string,
  service: string | undefined,
  lane: Lane,
): { level: HistoryLevel; key: string; distribution: TransitDistribution } | null {
  const candidates: Array<[HistoryLevel, string, Readonly<Record<string, TransitDistribution>>]> = [
    ['lane', laneKey(carrier, service, lane.from, lane.to), history.lanes],
    ['carrier_service', serviceKey(carrier, service), history.services],
    ['carrier', carrier, history.carriers],
  ];
  for (const [level, key, table] of candidates) {
    const d = Object.hasOwn(table, key) ? table[key] : undefined;
    if (d && d.count >= MIN_SAMPLES) return { level, key, distribution: d };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Ship date.

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local wall-clock time `HH:MM` of an instant in a zone. */
export function localTime(instantIso: string, timeZone: string): string {
  localDate(instantIso, timeZone); // validates the instant and the zone
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(Date.parse(instantIso)));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

export interface HandlingInput {
  readonly placedAt: string;
  readonly timeZone: string;
  readonly calendar: BusinessCalendar;
  readonly storeHolidays?: readonly string[];
  /** `HH:MM` in the store's zone; an order later than this minute counts from the next business day. */
  readonly cutoffTime: string;
  /** Business days between the day the order is taken in and the day it ships (0 = same day). */
  readonly handlingDays: number;
}

/**
 * The day an order ships: the order's local date, or the next business day when that date is not
 * one; one business day later when the order came after the cut-off on a business day; then
 * `handlingDays` business days more. Business days are the store's: its calendar's weekdays that
 * are neither public holidays nor the store's own holidays.
 */
export function expectedShipDate(input: HandlingInput): string {
  if (!HHMM.test(input.cutoffTime)) throw new RangeError(`Cut-off must be HH:MM: ${JSON.stringify(input.cutoffTime)}`);
  if (!Number.isInteger(input.handlingDays) || input.handlingDays < 0) {
    throw new RangeError(`Handling days must be a whole number ≥ 0: ${input.handlingDays}`);
  }
  const holidays = input.storeHolidays ?? [];
  const orderDate = localDate(input.placedAt, input.timeZone);
  const afterCutoff = localTime(input.placedAt, input.timeZone) > input.cutoffTime;
  const start =
    afterCutoff && isBusinessDay(orderDate, input.calendar, holidays)
      ? addBusinessDays(orderDate, 1, input.calendar, holidays)
      : nextBusinessDayOnOrAfter(orderDate, input.calendar, holidays);
  return addBusinessDays(start, input.handlingDays, input.calendar, holidays);
}

// ---------------------------------------------------------------------------------------------
// The estimate.

/** The carrier's estimate: a date, an instant, or a window of either. */
export type CarrierEstimate = string | { readonly earliest: string; readonly latest: string };

export interface EstimateInput {
  /** When the parcel left (ISO instant). Takes precedence over placedAt. */
  readonly shippedAt?: string;
  /** When the order was placed (ISO instant), for parcels not shipped yet. */
  readonly placedAt?: string;
  /** The store's IANA time zone. */
  readonly timeZone: string;
  readonly calendar: BusinessCalendar;
  readonly storeHolidays?: readonly string[];
  readonly cutoffTime: string;
  readonly handlingDays: number;
  readonly carrier: string;
  readonly service?: string;
  readonly lane: Lane;
  readonly carrierEstimate?: CarrierEstimate | null;
  readonly history: TransitStats | null;
}

export type EstimateSource = 'carrier' | 'history' | 'rules';

export interface DeliveryEstimate {
  readonly earliest: string;
  readonly latest: string;
  /** Probability (0..1) that delivery falls within [earliest, latest]. */
  readonly confidence: number;
  readonly source: EstimateSource;
  /** The ship date the transit was added to (actual or expected); null for carrier estimates. */
  readonly shipDate: string | null;
  /** Which history group or rule: `lane`, `carrier_service`, `carrier`, `jp_same_region`, ... */
  readonly basis: string;
  /** Transit added to the ship date, in the carrier's unit; null for carrier estimates. */
  readonly transit: TransitRange | null;
}

/** Confidence given to a carrier's own date. */
export const CARRIER_CONFIDENCE = 0.9;
/** Confidence of the rules on a lane they understand, and on one they do not. */
export const RULES_CONFIDENCE = 0.5;
export const RULES_UNKNOWN_LANE_CONFIDENCE = 0.4;

function toDate(value: string, timeZone: string): string {
  return isIsoDate(value) ? value : localDate(value, timeZone);
}

function shipDateOf(input: EstimateInput): string {
  if (input.shippedAt) return localDate(input.shippedAt, input.timeZone);
  if (input.placedAt) return expectedShipDate({ ...input, placedAt: input.placedAt });
  throw new RangeError('An estimate needs shippedAt or placedAt');
}

/**
 * When the parcel will arrive: the carrier's date if given; else the store's history of the most
 * specific group with enough samples (p10..p90 of transit, confidence the share of past parcels
 * inside that window); else default transit by lane (confidence 0.5).
 */
export function estimateDelivery(input: EstimateInput): DeliveryEstimate {
  const given = input.carrierEstimate;
  if (given) {
    const [a, b] = typeof given === 'string' ? [given, given] : [given.earliest, given.latest];
    const [earliest, latest] = [toDate(a, input.timeZone), toDate(b, input.timeZone)].sort() as [string, string];
    return {
      earliest,
      latest,
      confidence: CARRIER_CONFIDENCE,
      source: 'carrier',
      shipDate: null,
      basis: earliest === latest ? 'carrier_date' : 'carrier_window',
      transit: null,
    };
  }

  const shipDate = shipDateOf(input);
  const found = input.history ? pickHistory(input.history, input.carrier, input.service, input.lane) : null;
  if (found) {
    const { p10, p90, unit, coverage } = found.distribution;
    return {
      earliest: addTransitDays(shipDate, p10, unit, input.calendar),
      latest: addTransitDays(shipDate, p90, unit, input.calendar),
      confidence: round2(coverage),
      source: 'history',
      shipDate,
      basis: found.level,
      transit: { min: p10, max: p90, unit },
    };
  }

  const rule = defaultTransit(input.carrier, input.lane);
  const known = rule.rule !== 'jp_unknown_lane' && rule.rule !== 'unknown_lane';
  return {
    earliest: addTransitDays(shipDate, rule.min, rule.unit, input.calendar),
    latest: addTransitDays(shipDate, rule.max, rule.unit, input.calendar),
    confidence: known ? RULES_CONFIDENCE : RULES_UNKNOWN_LANE_CONFIDENCE,
    source: 'rules',
    shipDate,
    basis: rule.rule,
    transit: { min: rule.min, max: rule.max, unit: rule.unit },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Accuracy.

export interface Accuracy {
  readonly total: number;
  /** Deliveries within [earliest, latest]. */
  readonly inside: number;
  /** inside / total (0 when there are no samples). */
  readonly share: number;
  /** Delivered before the window opened. */
  readonly early: number;
  /** Delivered after the window closed. */
  readonly late: number;
  /** Average width of the windows in calendar days, earliest and latest both counted (1 = one day). */
  readonly meanWindowDays: number;
}

/** How often deliveries fell inside the predicted windows. */
export function evaluateAccuracy<S extends Pick<TransitSample, 'deliveredAt' | 'timeZone'>>(
  samples: readonly S[],
  predict: (sample: S) => { readonly earliest: string; readonly latest: string },
): Accuracy {
  let inside = 0;
  let early = 0;
  let late = 0;
  let width = 0;
  for (const s of samples) {
    const { earliest, latest } = predict(s);
    const actual = localDate(s.deliveredAt, s.timeZone);
    if (actual < earliest) early++;
    else if (actual > latest) late++;
    else inside++;
    width += dayNumber(latest) - dayNumber(earliest) + 1;
  }
  const total = samples.length;
  return { total, inside, share: total ? inside / total : 0, early, late, meanWindowDays: total ? width / total : 0 };
}
