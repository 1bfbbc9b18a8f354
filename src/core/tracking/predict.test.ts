import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, isBusinessDay, type BusinessCalendar } from './business-days.ts';
import {
  defaultTransit,
  estimateDelivery,
  evaluateAccuracy,
  expectedShipDate,
  findPrefecture,
  laneKey,
  localTime,
  MIN_SAMPLES,
  parsePlace,
  percentile,
  PREFECTURES,
  transitStats,
  type EstimateInput,
  type TransitSample,
  type TransitStats,
} from './predict.ts';

const TOKYO = 'Asia/Tokyo';

/** A Japanese store shipping Yamato from Tokyo to Osaka, with no history. */
const base = (over: Partial<EstimateInput> = {}): EstimateInput => ({
  shippedAt: '2026-06-10T03:00:00Z', // Wednesday 12:00 JST
  timeZone: TOKYO,
  calendar: 'JP',
  storeHolidays: [],
  cutoffTime: '15:00',
  handlingDays: 0,
  carrier: 'yamato',
  lane: { from: '東京都', to: '大阪府' },
  history: null,
  ...over,
});

/** A delivered Yamato sample shipped on a date (noon JST) and delivered n calendar days later. */
const jpSample = (shipDate: string, days: number, over: Partial<TransitSample> = {}): TransitSample => ({
  carrier: 'yamato',
  service: 'takkyubin',
  from: '東京都',
  to: '大阪府',
  shippedAt: `${shipDate}T12:00:00+09:00`,
  deliveredAt: `${addDays(shipDate, days)}T14:00:00+09:00`,
  timeZone: TOKYO,
  calendar: 'JP',
  ...over,
});

/** n samples per transit time: repeat([1, 2], [2, 24]) = two of 1 day, 24 of 2 days. */
const repeat = (...pairs: Array<[days: number, count: number]>): number[] => pairs.flatMap(([d, n]) => Array<number>(n).fill(d));

const samplesOf = (days: number[], over: Partial<TransitSample> = {}) =>
  days.map((d, i) => jpSample(addDays('2026-03-02', i), d, over));

describe('the carrier level', () => {
  it("uses the carrier's date, before history and rules", () => {
    const history = transitStats(samplesOf(repeat([5, 30])));
    const e = estimateDelivery(base({ carrierEstimate: '2026-06-13', history }));
    expect(e).toMatchObject({ earliest: '2026-06-13', latest: '2026-06-13', source: 'carrier', basis: 'carrier_date', shipDate: null });
    expect(e.confidence).toBeCloseTo(0.9);
  });

  it("reads an instant in the store's zone and keeps a window the carrier gives", () => {
    // 16:30 UTC on the 12th is 01:30 on the 13th in Tokyo.
    expect(estimateDelivery(base({ carrierEstimate: '2026-06-12T16:30:00Z' }))).toMatchObject({ earliest: '2026-06-13', latest: '2026-06-13' });
    const w = estimateDelivery(base({ carrierEstimate: { earliest: '2026-06-14', latest: '2026-06-12T23:00:00+09:00' } }));
    expect(w).toMatchObject({ earliest: '2026-06-12', latest: '2026-06-14', basis: 'carrier_window', source: 'carrier' });
  });
});

describe('the history level', () => {
  // 30 samples: 1 day ×2, 2 days ×24, 3 days ×2, 5 days ×2. Nearest rank: p10 = 3rd value = 2,
  // p90 = 27th value = 3; 26 of 30 lie in [2, 3].
  const lane = repeat([1, 2], [2, 24], [3, 2], [5, 2]);

  it('uses the lane with enough samples: p10..p90 added to the ship date, confidence = share inside', () => {
    const history = transitStats(samplesOf(lane));
    const key = laneKey('yamato', 'takkyubin', '東京都', '大阪府');
    expect(history.lanes[key]).toMatchObject({ count: 30, p10: 2, p50: 2, p90: 3, unit: 'calendar' });
    expect(history.lanes[key]!.coverage).toBeCloseTo(26 / 30);
    // Shipped Friday 2026-06-12: Yamato counts calendar days, so +2 is Sunday.
    const e = estimateDelivery(base({ shippedAt: '2026-06-12T03:00:00Z', service: 'takkyubin', history }));
    expect(e).toMatchObject({ earliest: '2026-06-14', latest: '2026-06-15', source: 'history', basis: 'lane', shipDate: '2026-06-12' });
    expect(e.transit).toEqual({ min: 2, max: 3, unit: 'calendar' });
    expect(e.confidence).toBeCloseTo(0.87, 2);
  });

  it('groups a lane by prefecture whatever its spelling', () => {
    const history = transitStats(samplesOf(lane, { from: '13', to: 'Osaka' }));
    const e = estimateDelivery(base({ service: 'TAKKYUBIN', lane: { from: '東京', to: '27' }, history }));
    expect(e.basis).toBe('lane');
  });

  it('falls back to carrier + service across lanes when the lane is thin', () => {
    const thinLane = samplesOf(repeat([1, MIN_SAMPLES - 1]), { to: '神奈川県' });
    const otherLanes = samplesOf(repeat([3, 25]), { to: '福岡県' });
    const history = transitStats([...thinLane, ...otherLanes]);
    const e = estimateDelivery(base({ service: 'takkyubin', lane: { from: '東京都', to: '神奈川県' }, history }));
    expect(e.source).toBe('history');
    expect(e.basis).toBe('carrier_service');
    // 44 samples: 19 × 1 day, 25 × 3 days → p10 = 1, p90 = 3.
    expect(e.transit).toEqual({ min: 1, max: 3, unit: 'calendar' });
  });

  it('falls back to the carrier across services, then to the rules', () => {
    const samples = [
      ...samplesOf(repeat([1, 10]), { service: 'compact' }),
      ...samplesOf(repeat([2, 15]), { service: 'nekopos' }),
    ];
    const e = estimateDelivery(base({ service: 'compact', history: transitStats(samples) }));
    expect(e).toMatchObject({ source: 'history', basis: 'carrier', transit: { min: 1, max: 2, unit: 'calendar' } });

    const thin = transitStats(samples.slice(0, MIN_SAMPLES - 1));
    const r = estimateDelivery(base({ service: 'compact', history: thin }));
    expect(r).toMatchObject({ source: 'rules', basis: 'jp_cross_region', confidence: 0.5 });
    // Another carrier's history does not count for this one.
    expect(estimateDelivery(base({ carrier: 'sagawa', history: transitStats(samples) })).source).toBe('rules');
  });
});

describe('the ship date', () => {
  const order = (placedAt: string, over: Partial<Parameters<typeof expectedShipDate>[0]> = {}) =>
    expectedShipDate({ placedAt, timeZone: TOKYO, calendar: 'JP', cutoffTime: '15:00', handlingDays: 0, ...over });

  it('reads the local time in the zone', () => {
    expect(localTime('2026-06-10T05:59:00Z', TOKYO)).toBe('14:59');
    expect(localTime('2026-06-10T15:30:00Z', TOKYO)).toBe('00:30');
  });

  it('ships the same day before the cut-off and the next business day after it', () => {
    expect(order('2026-06-10T05:59:00Z')).toBe('2026-06-10'); // Wed 14:59 JST
    expect(order('2026-06-10T06:00:00Z')).toBe('2026-06-10'); // 15:00 itself is in time
    expect(order('2026-06-10T06:01:00Z')).toBe('2026-06-11'); // 15:01 JST
    expect(order('2026-06-12T06:01:00Z')).toBe('2026-06-15'); // Friday after the cut-off → Monday
    expect(order('2026-06-13T01:00:00Z')).toBe('2026-06-15'); // Saturday morning → Monday
    expect(order('2026-06-10T06:01:00Z', { handlingDays: 2 })).toBe('2026-06-15');
  });

  it('changes the estimate by a day across the cut-off', () => {
    const at = (placedAt: string) => estimateDelivery(base({ shippedAt: undefined, placedAt, lane: { from: '東京都', to: '千葉県' } }));
    expect(at('2026-06-10T05:59:00Z')).toMatchObject({ shipDate: '2026-06-10', earliest: '2026-06-11', latest: '2026-06-12' });
    expect(at('2026-06-10T06:01:00Z')).toMatchObject({ shipDate: '2026-06-11', earliest: '2026-06-12', latest: '2026-06-13' });
  });

  it("skips Golden Week 2026 for the store's handling", () => {
    // Friday 1 May after the cut-off: Sat 2, Sun 3 and the holidays of 4, 5 and 6 May (振替休日).
    expect(order('2026-05-01T07:00:00Z')).toBe('2026-05-07');
    // 29 April (昭和の日) is a holiday: an order that day ships on the 30th.
    expect(order('2026-04-29T01:00:00Z')).toBe('2026-04-30');
    expect(order('2026-04-28T07:00:00Z', { handlingDays: 1 })).toBe('2026-05-01');
  });

  it("skips the store's year-end closing as well as New Year's Day", () => {
    const closing = ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-02', '2027-01-03'];
    expect(order('2026-12-28T07:00:00Z', { storeHolidays: closing })).toBe('2027-01-04');
    expect(order('2026-12-28T07:00:00Z', { storeHolidays: closing, handlingDays: 1 })).toBe('2027-01-05');
    expect(order('2026-12-28T07:00:00Z')).toBe('2026-12-29'); // without the closing
    // Handling that runs into the closing waits for it: Fri 25 Dec + 2 business days.
    expect(order('2026-12-25T01:00:00Z', { storeHolidays: closing, handlingDays: 2 })).toBe('2027-01-04');
    expect(order('2026-12-25T01:00:00Z', { handlingDays: 2 })).toBe('2026-12-29');
    // The closing is the store's, not Yamato's: a parcel shipped on the 28th arrives on the 29th.
    const e = estimateDelivery(base({ shippedAt: '2026-12-28T03:00:00Z', storeHolidays: closing, lane: { from: '東京都', to: '埼玉県' } }));
    expect(e).toMatchObject({ earliest: '2026-12-29', latest: '2026-12-30' });
  });

  it('refuses input it cannot read', () => {
    expect(() => order('2026-06-10T05:59:00Z', { cutoffTime: '3pm' })).toThrow(RangeError);
    expect(() => order('2026-06-10', {})).toThrow(RangeError);
    expect(() => order('2026-06-10T05:59:00Z', { handlingDays: -1 })).toThrow(RangeError);
    expect(() => estimateDelivery(base({ shippedAt: undefined }))).toThrow(/shippedAt or placedAt/);
  });
});

describe('weekends and holidays in transit', () => {
  it('lets Yamato deliver on a Saturday and a Sunday', () => {
    const e = estimateDelivery(base({ shippedAt: '2026-06-12T03:00:00Z', lane: { from: '東京都', to: '千葉県' } }));
    expect(e).toMatchObject({ earliest: '2026-06-13', latest: '2026-06-14', source: 'rules', basis: 'jp_same_region' });
    // And on a public holiday (昭和の日).
    expect(estimateDelivery(base({ shippedAt: '2026-04-28T03:00:00Z', lane: { from: '東京都', to: '千葉県' } })).earliest).toBe('2026-04-29');
  });

  it('moves a US carrier past the weekend and federal holidays', () => {
    const ups = (shippedAt: string) =>
      estimateDelivery(base({ shippedAt, timeZone: 'America/Los_Angeles', calendar: 'US', carrier: 'ups', lane: { from: 'CA', to: 'NY' } }));
    // Friday 12 June 2026: +2 business days is Tuesday; +5 would be Friday 19th, Juneteenth, so Monday.
    expect(ups('2026-06-12T19:00:00Z')).toMatchObject({ shipDate: '2026-06-12', earliest: '2026-06-16', latest: '2026-06-22', basis: 'us_domestic' });
    // Thursday 2 July: Friday 3 July is Independence Day observed.
    expect(ups('2026-07-02T19:00:00Z')).toMatchObject({ earliest: '2026-07-07' });
  });

  it('counts business days for a carrier that does not deliver every day, even in Japan', () => {
    const e = estimateDelivery(base({ shippedAt: '2026-06-12T03:00:00Z', carrier: 'seino', lane: { from: '東京都', to: '千葉県' } }));
    expect(e).toMatchObject({ earliest: '2026-06-15', latest: '2026-06-16' });
  });
});

describe('prefectures, regions and default transit', () => {
  it('lists the 47 prefectures with JIS codes 01..47 and nine regions', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
    const count = (r: string) => PREFECTURES.filter((p) => p.region === r).length;
    expect([count('hokkaido'), count('tohoku'), count('kanto'), count('chubu'), count('kinki'), count('chugoku'), count('shikoku'), count('kyushu'), count('okinawa')]).toEqual([
      1, 6, 7, 9, 7, 5, 4, 7, 1,
    ]);
  });

  it('reads prefectures by code, kanji and romanised name', () => {
    const code = (v: string) => findPrefecture(v)?.code ?? null;
    expect(code('東京都')).toBe('13');
    expect(code('東京')).toBe('13');
    expect(code('京都府')).toBe('26');
    expect(code('京都')).toBe('26');
    expect(code('北海道')).toBe('01');
    expect(code('沖縄県')).toBe('47');
    expect(code('13')).toBe('13');
    expect(code('1')).toBe('01');
    expect(code('JP-47')).toBe('47');
    expect(code('１３')).toBe('13');
    expect(code('Osaka-fu')).toBe('27');
    expect(code('hokkaido')).toBe('01');
    expect(code('48')).toBeNull();
    expect(code('東')).toBeNull();
    expect(findPrefecture('兵庫県')?.region).toBe('kinki');
    expect(findPrefecture('新潟')?.region).toBe('chubu');
  });

  it('reads US states, ZIP prefixes and countries', () => {
    expect(parsePlace('CA')).toEqual({ country: 'US', area: 'CA' });
    expect(parsePlace('us-ny')).toEqual({ country: 'US', area: 'NY' });
    expect(parsePlace('941')).toEqual({ country: 'US', area: '941' });
    expect(parsePlace('GB')).toEqual({ country: 'GB' });
    expect(parsePlace('CA-ON')).toEqual({ country: 'CA' });
    expect(parsePlace('somewhere')).toBeNull();
  });

  it('gives 1 day within a region, 2 across, 3 between Hokkaido and Okinawa or to remote islands', () => {
    const t = (from: string, to: string, remote?: boolean) => {
      const d = defaultTransit('yamato', { from, to, remote });
      return [d.rule, d.min, d.max];
    };
    expect(t('東京都', '神奈川県')).toEqual(['jp_same_region', 1, 2]);
    expect(t('福岡', '鹿児島')).toEqual(['jp_same_region', 1, 2]);
    expect(t('東京都', '大阪府')).toEqual(['jp_cross_region', 2, 3]);
    expect(t('福岡県', '沖縄県')).toEqual(['jp_cross_region', 2, 3]);
    expect(t('北海道', '沖縄県')).toEqual(['jp_far', 3, 5]);
    expect(t('沖縄県', '北海道')).toEqual(['jp_far', 3, 5]);
    expect(t('東京都', '東京都', true)).toEqual(['jp_far', 3, 5]);
    expect(t('東京都', 'US-CA')).toEqual(['international', 5, 10]);
    expect(defaultTransit('ups', { from: 'CA', to: '100' })).toMatchObject({ rule: 'us_domestic', min: 2, max: 5, unit: 'business' });
    expect(defaultTransit('yamato', { from: '?', to: '?' })).toMatchObject({ rule: 'jp_unknown_lane', min: 1, max: 3 });
    expect(estimateDelivery(base({ lane: { from: '?', to: '?' } })).confidence).toBe(0.4);
  });
});

describe('percentiles and transit statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([0, 10, 50, 90, 100].map((p) => percentile(ten, p))).toEqual([1, 1, 5, 9, 10]);
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect([percentile(twenty, 10), percentile(twenty, 90)]).toEqual([2, 18]);
    expect(percentile([4], 90)).toBe(4);
    // Rank ⌈0.9 × 7⌉ = 7 (not 6): at least 90% of the values are at or below it.
    expect(percentile([1, 2, 3, 4, 5, 6, 7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7], 10)).toBe(1);
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('counts calendar days for Yamato, business days for UPS, and keeps a histogram', () => {
    // Friday 12 June (JST noon) to Monday 15 June.
    const fri = { shippedAt: '2026-06-12T12:00:00+09:00', deliveredAt: '2026-06-15T10:00:00+09:00', from: '13', to: '27', timeZone: TOKYO, calendar: 'JP' as BusinessCalendar };
    const stats = transitStats([
      { ...fri, carrier: 'yamato' },
      { ...fri, carrier: 'ups' },
      { ...fri, carrier: 'ups', deliveredAt: '2026-06-11T10:00:00+09:00' }, // before it shipped: ignored
    ]);
    expect(stats.carriers.yamato).toMatchObject({ count: 1, p50: 3, unit: 'calendar', histogram: { '3': 1 } });
    expect(stats.carriers.ups).toMatchObject({ count: 1, p50: 1, unit: 'business', histogram: { '1': 1 } });
    expect(Object.keys(stats.lanes)).toEqual(['ups||JP-13>JP-27', 'yamato||JP-13>JP-27']);
  });

  it('reads dates in the sample zone', () => {
    // Shipped 23:30 JST on the 10th = 14:30 UTC; delivered 00:30 JST on the 12th.
    const s = jpSample('2026-06-10', 0, { shippedAt: '2026-06-10T14:30:00Z', deliveredAt: '2026-06-11T15:30:00Z' });
    expect(transitStats([s]).carriers.yamato!.p50).toBe(2);
  });

  it('scores predictions as inside, early or late', () => {
    const samples = [jpSample('2026-06-01', 1), jpSample('2026-06-01', 2), jpSample('2026-06-01', 3), jpSample('2026-06-01', 0)];
    const acc = evaluateAccuracy(samples, () => ({ earliest: '2026-06-02', latest: '2026-06-03' }));
    expect(acc).toEqual({ total: 4, inside: 2, share: 0.5, early: 1, late: 1, meanWindowDays: 2 });
    expect(evaluateAccuracy([], () => ({ earliest: '2026-06-02', latest: '2026-06-02' })).share).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Simulated history: does the history level cover what it claims on parcels it has not seen?

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SimLane {
  carrier: string;
  service: string;
  from: string;
  to: string;
  timeZone: string;
  offset: string;
  calendar: BusinessCalendar;
  /** Transit time (days in the carrier's unit) → probability. */
  transit: Array<[days: number, p: number]>;
}

const SIM_LANES: SimLane[] = [
  { carrier: 'yamato', service: 'takkyubin', from: '東京都', to: '大阪府', timeZone: TOKYO, offset: '+09:00', calendar: 'JP', transit: [[1, 0.8], [2, 0.17], [3, 0.03]] },
  { carrier: 'yamato', service: 'takkyubin', from: '東京都', to: '北海道', timeZone: TOKYO, offset: '+09:00', calendar: 'JP', transit: [[2, 0.6], [3, 0.35], [4, 0.05]] },
  { carrier: 'sagawa', service: 'hikyaku', from: '大阪府', to: '福岡県', timeZone: TOKYO, offset: '+09:00', calendar: 'JP', transit: [[1, 0.5], [2, 0.45], [3, 0.05]] },
  { carrier: 'japan_post', service: 'yupack', from: '東京都', to: '沖縄県', timeZone: TOKYO, offset: '+09:00', calendar: 'JP', transit: [[2, 0.3], [3, 0.5], [4, 0.15], [6, 0.05]] },
  { carrier: 'ups', service: 'ground', from: 'CA', to: 'NY', timeZone: 'America/Los_Angeles', offset: '-07:00', calendar: 'US', transit: [[4, 0.4], [5, 0.4], [6, 0.15], [8, 0.05]] },
  { carrier: 'usps', service: 'priority', from: 'TX', to: 'FL', timeZone: 'America/Chicago', offset: '-05:00', calendar: 'US', transit: [[2, 0.3], [3, 0.4], [4, 0.2], [7, 0.1]] },
];

function simulate(perLane: number, seed: number): Array<TransitSample & { lane: SimLane }> {
  const rand = prng(seed);
  const out: Array<TransitSample & { lane: SimLane }> = [];
  for (const lane of SIM_LANES) {
    for (let i = 0; i < perLane; i++) {
      let ship = addDays('2025-01-06', Math.floor(rand() * 360));
      while (!isBusinessDay(ship, lane.calendar)) ship = addDays(ship, 1);
      let u = rand();
      let days = lane.transit.at(-1)![0];
      for (const [d, p] of lane.transit) {
        if (u < p) {
          days = d;
          break;
        }
        u -= p;
      }
      const delivered = ['yamato', 'sagawa', 'japan_post'].includes(lane.carrier) ? addDays(ship, days) : addBusinessDays(ship, days, lane.calendar);
      // Hours 10..17 local keep the date the same whatever the daylight-saving offset.
      const hh = (h: number) => String(10 + Math.floor(h * 8)).padStart(2, '0');
      out.push({
        lane,
        carrier: lane.carrier,
        service: lane.service,
        from: lane.from,
        to: lane.to,
        shippedAt: `${ship}T${hh(rand())}:15:00${lane.offset}`,
        deliveredAt: `${delivered}T${hh(rand())}:45:00${lane.offset}`,
        timeZone: lane.timeZone,
        calendar: lane.calendar,
      });
    }
  }
  // Deterministic shuffle (Fisher-Yates), so the held-out set mixes lanes and dates.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('accuracy on simulated history', () => {
  const samples = simulate(300, 20260601);
  const cut = Math.floor(samples.length * 0.8);
  const train = samples.slice(0, cut);
  const test = samples.slice(cut);
  const predictWith = (history: TransitStats | null) => (s: (typeof samples)[number]) =>
    estimateDelivery({
      shippedAt: s.shippedAt,
      timeZone: s.timeZone,
      calendar: s.calendar,
      cutoffTime: '15:00',
      handlingDays: 0,
      carrier: s.carrier,
      service: s.service,
      lane: { from: s.from, to: s.to },
      history,
    });

  it('covers at least 75% of held-out deliveries with history, and reports the rules', () => {
    const history = transitStats(train);
    const predict = predictWith(history);
    expect(test.every((s) => predict(s).basis === 'lane')).toBe(true);
    const fromHistory = evaluateAccuracy(test, predict);
    const fromRules = evaluateAccuracy(test, predictWith(null));
    const claimed = test.reduce((sum, s) => sum + predict(s).confidence, 0) / test.length;
    console.log(
      `simulated history: ${train.length} training parcels, ${test.length} held out\n` +
        `  history: ${(fromHistory.share * 100).toFixed(1)}% inside (early ${fromHistory.early}, late ${fromHistory.late}), ` +
        `mean window ${fromHistory.meanWindowDays.toFixed(2)} days, mean stated confidence ${(claimed * 100).toFixed(1)}%\n` +
        `  rules:   ${(fromRules.share * 100).toFixed(1)}% inside (early ${fromRules.early}, late ${fromRules.late}), ` +
        `mean window ${fromRules.meanWindowDays.toFixed(2)} days`,
    );
    for (const lane of SIM_LANES) {
      const own = test.filter((s) => s.lane === lane);
      const h = evaluateAccuracy(own, predict);
      const r = evaluateAccuracy(own, predictWith(null));
      console.log(`  ${lane.carrier} ${lane.from}→${lane.to}: history ${(h.share * 100).toFixed(1)}%, rules ${(r.share * 100).toFixed(1)}% (n=${h.total})`);
    }
    expect(fromHistory.total).toBe(test.length);
    expect(fromHistory.share).toBeGreaterThanOrEqual(0.75);
    expect(fromRules.total).toBe(test.length);
    expect(fromRules.inside + fromRules.early + fromRules.late).toBe(test.length);
    // The stated confidence is close to what was measured.
    expect(Math.abs(claimed - fromHistory.share)).toBeLessThan(0.1);
  });
});
