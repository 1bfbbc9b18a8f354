import type { OrderInput } from '../../core/order/order.input.ts';
import type { OrderStatus } from '../../core/order/order.types.ts';
import type { ShipmentInput } from '../../core/shipment/shipment.input.ts';
import type { ShipmentStatus } from '../../core/shipment/shipment.types.ts';
import { addBusinessDays, addDays, isBusinessDay, isPublicHoliday, weekday } from '../../core/tracking/business-days.ts';
import type { TrackingEventInput } from '../../core/tracking/tracking-event.ts';
import { seededRandom, type Random } from '../demo/random.ts';
import {
  JP_HUBS,
  JP_PLACES,
  JP_REGIONS,
  JP_WAREHOUSES,
  SNOW_REGIONS,
  TYPHOON_REGIONS,
  US_BANDS,
  US_HUBS,
  US_PLACES,
  US_WAREHOUSES,
  findPlace,
  type JpRegion,
  type Market,
  type Place,
  type UsBand,
} from './geography.ts';
import { logNormalInt, weighted } from './sampling.ts';
import { deliveredVariants, wording, type DeliveredVariant, type ScanKind } from './scan-words.ts';
import { DAY, MINUTE, iso, toMs, zonedDate, zonedInstant, zonedMinutes } from './time.ts';
import { trackingNumberFor, type SimCarrier } from './tracking-numbers.ts';

/**
 * The carrier simulator's script: orders, their shipments and every carrier scan with the
 * instant it happened and the instant it reaches Otodoke. Pure and deterministic: the same options
 * (seed and `now` included) give the same plan, and nothing here reads a clock or a database.
 * run.ts replays a plan through the use cases real integrations call.
 */

/** What happens to a parcel. Every shipment has one; `normal` is an uneventful delivery. */
export const SCENARIOS = ['normal', 'delayed', 'failed_attempt', 'pickup', 'lost', 'returned'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface SimulationShares {
  /** Shipments delayed in transit (`in_transit.delayed`, or `exception.weather` in bad seasons). */
  delayed: number;
  /** Shipments whose first delivery attempt fails, delivered on the next delivery day. */
  failedAttempt: number;
  /** Shipments held for pickup at a carrier office or access point, then collected. */
  pickup: number;
  /** Shipments that end in an exception and are never heard of again. */
  lost: number;
  /** Shipments returned to the sender (unknown address, refused, not collected). */
  returned: number;
  /** Scans an aggregator delivers a second time. */
  duplicate: number;
  /** Scans that reach Otodoke after the scan that followed them. */
  outOfOrder: number;
  /** Orders with two or more lines shipped in two parcels. */
  split: number;
}

export const DEFAULT_SHARES: Readonly<SimulationShares> = Object.freeze({
  delayed: 0.06,
  failedAttempt: 0.05,
  pickup: 0.03,
  lost: 0.01,
  returned: 0.01,
  duplicate: 0.02,
  outOfOrder: 0.03,
  split: 0.06,
});

export interface PlanOptions {
  orders: number;
  /** Orders are placed over the `days` days before `now` (default 14). */
  days?: number;
  seed?: number;
  now: Date | string | number;
  /** Share of orders shipped within the USA; the others ship within Japan (default 0.3). */
  usShare?: number;
  shares?: Partial<SimulationShares>;
}

export type LaneKind = 'jp_same_region' | 'jp_cross_region' | 'jp_remote' | 'us_regional' | 'us_mid' | 'us_cross';

export interface Lane {
  market: Market;
  kind: LaneKind;
  from: { region: string; city: string };
  to: { region: string; city: string };
}

export interface PlannedScan {
  shipmentKey: string;
  /** Position in the shipment's journey, 0-based; scans are in non-decreasing time. */
  index: number;
  kind: ScanKind;
  occurredAt: string;
  /** What the scan means; Japanese scans carry it only in their words. */
  status: ShipmentStatus;
  substatus: string | null;
  /** Exactly what is ingested. */
  event: TrackingEventInput;
}

export interface ScanDelivery {
  /** When the scan reaches Otodoke. */
  at: string;
  shipmentKey: string;
  scanIndex: number;
  /** `late`: arrives after the scan that followed it; `duplicate`: a second copy. */
  kind: 'first' | 'late' | 'duplicate';
  event: TrackingEventInput;
}

export interface PlannedShipment {
  key: string;
  orderKey: string;
  carrier: SimCarrier;
  service: string;
  trackingNumber: string;
  lane: Lane;
  scenario: Scenario;
  /** Carrier days in transit as planned at pickup (calendar days in Japan, business days in the USA). */
  transitDays: number;
  /** Extra days a delay adds. */
  delayDays: number;
  /** When the label is created: the shipment is recorded then. */
  labelAt: string;
  /** The status the last scan leaves it in. */
  finalStatus: ShipmentStatus;
  input: ShipmentInput;
  scans: PlannedScan[];
}

export interface PlannedOrder {
  key: string;
  number: string;
  market: Market;
  placedAt: string;
  input: OrderInput;
  shipmentKeys: string[];
  /** Where the order ends once every scan is in. */
  finalStatus: OrderStatus;
}

export interface SimulationPlan {
  seed: number;
  days: number;
  now: string;
  usShare: number;
  shares: SimulationShares;
  orders: PlannedOrder[];
  shipments: PlannedShipment[];
  /** Every delivery of every scan, by arrival time. */
  deliveries: ScanDelivery[];
}

// ---------------------------------------------------------------------------------------------
// Calendars: when warehouses ship and carriers move.

/** Japanese warehouses ship Monday to Saturday, not on public holidays nor at the year end. */
function jpShipsOn(date: string): boolean {
  const md = date.slice(5);
  return weekday(date) !== 0 && !isPublicHoliday(date, 'JP') && !(md >= '12-30' || md <= '01-03');
}

/** US warehouses ship on business days. */
const usShipsOn = (date: string) => isBusinessDay(date, 'US');
/** US carriers do not move on Sundays and federal holidays (scans on Saturdays happen). */
const usMovesOn = (date: string) => weekday(date) !== 0 && !isPublicHoliday(date, 'US');

function nextDay(date: string, ok: (d: string) => boolean, after = false): string {
  let d = after ? addDays(date, 1) : date;
  while (!ok(d)) d = addDays(d, 1);
  return d;
}

function addShippingDays(date: string, n: number, ok: (d: string) => boolean): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextDay(d, ok, true);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Transit times.

/** Calendar days from pickup to delivery in Japan: next day nearby, two to four to the far islands. */
const JP_TRANSIT: Readonly<Record<'same' | 'near' | 'far' | 'remote', ReadonlyArray<readonly [number, number]>>> = {
  same: [
    [1, 0.93],
    [2, 0.07],
  ],
  near: [
    [1, 0.7],
    [2, 0.28],
    [3, 0.02],
  ],
  far: [
    [1, 0.2],
    [2, 0.7],
    [3, 0.1],
  ],
  remote: [
    [2, 0.45],
    [3, 0.4],
    [4, 0.15],
  ],
};

/** Median business days by distance between US bands (0 same band … 3 coast to coast). */
const US_MEDIAN_DAYS = [2.1, 3.1, 4.0, 4.8] as const;
const US_SIGMA = 0.25;

function jpLane(from: Place, to: Place): { kind: LaneKind; table: ReadonlyArray<readonly [number, number]> } {
  const a = from.area as JpRegion;
  const b = to.area as JpRegion;
  if (a === b) return { kind: 'jp_same_region', table: JP_TRANSIT.same };
  if (a === 'hokkaido' || a === 'okinawa' || b === 'hokkaido' || b === 'okinawa') return { kind: 'jp_remote', table: JP_TRANSIT.remote };
  const distance = Math.abs(JP_REGIONS[a].position - JP_REGIONS[b].position);
  return { kind: 'jp_cross_region', table: distance <= 2 ? JP_TRANSIT.near : JP_TRANSIT.far };
}

function usLane(from: Place, to: Place): { kind: LaneKind; distance: number } {
  const distance = Math.abs(US_BANDS[from.area as UsBand] - US_BANDS[to.area as UsBand]);
  return { kind: distance === 0 ? 'us_regional' : distance === 3 ? 'us_cross' : 'us_mid', distance };
}

// ---------------------------------------------------------------------------------------------
// Shoppers and products.

const JP_FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'], ['渡辺', 'watanabe'],
  ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'], ['吉田', 'yoshida'], ['山田', 'yamada'],
  ['佐々木', 'sasaki'], ['松本', 'matsumoto'], ['井上', 'inoue'], ['木村', 'kimura'], ['林', 'hayashi'], ['清水', 'shimizu'],
];
const JP_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['美咲', 'misaki'], ['大輔', 'daisuke'], ['陽子', 'yoko'], ['健太', 'kenta'], ['さくら', 'sakura'], ['翔太', 'shota'],
  ['由美', 'yumi'], ['拓海', 'takumi'], ['恵', 'megumi'], ['直樹', 'naoki'], ['彩', 'aya'], ['花子', 'hanako'],
  ['亮', 'ryo'], ['蓮', 'ren'], ['結衣', 'yui'], ['陽菜', 'hina'], ['悠真', 'yuma'], ['千尋', 'chihiro'],
];
const US_FIRST = ['Emily', 'Michael', 'Olivia', 'James', 'Sophia', 'Daniel', 'Ava', 'Ethan', 'Mia', 'Noah', 'Grace', 'Lucas', 'Chloe', 'Henry', 'Zoe', 'Owen'];
const US_LAST = ['Carter', 'Brooks', 'Nguyen', 'Garcia', 'Patel', 'Johnson', 'Kim', 'Martinez', 'Wilson', 'Lee', 'Thompson', 'Rivera', 'Walker', 'Chen'];

/** [sku, title, unit price in minor units, category]. */
type Product = readonly [sku: string, title: string, price: number, category: string];
const JP_PRODUCTS: readonly Product[] = [
  ['TEA-SEN-100', '煎茶 100g', 1200, 'tea'],
  ['TEA-GYO-50', '玉露 50g', 2400, 'tea'],
  ['TEA-HOJ-TB20', 'ほうじ茶ティーバッグ 20包', 900, 'tea'],
  ['TEA-MAT-30', '抹茶 30g', 2800, 'tea'],
  ['CER-YUN-01', '有田焼 湯呑み', 3200, 'ceramics'],
  ['CER-KYU-01', '常滑焼 急須', 6800, 'ceramics'],
  ['SWT-WAG-12', '和菓子 詰め合わせ 12個', 2160, 'sweets'],
  ['ACC-TEN-01', '手ぬぐい', 1100, 'accessories'],
];
const US_PRODUCTS: readonly Product[] = [
  ['TEA-SEN-100', 'Sencha Green Tea 100g', 1800, 'tea'],
  ['TEA-MAT-KIT', 'Matcha Starter Kit', 5400, 'tea'],
  ['TEA-HOJ-TB20', 'Hojicha Tea Bags (20)', 1400, 'tea'],
  ['CER-CUP-01', 'Arita Porcelain Tea Cup', 2400, 'ceramics'],
  ['CER-POT-01', 'Cast Iron Teapot', 7800, 'ceramics'],
  ['ACC-WSK-01', 'Bamboo Matcha Whisk', 1900, 'accessories'],
];

const JP_SLOTS: ReadonlyArray<readonly [slot: string, fromMinute: number, toMinute: number, weight: number]> = [
  ['午前中', 8 * 60, 12 * 60 - 1, 0.42],
  ['14-16', 14 * 60, 16 * 60 - 1, 0.15],
  ['16-18', 16 * 60, 18 * 60 - 1, 0.15],
  ['18-20', 18 * 60, 20 * 60 - 1, 0.13],
  ['19-21', 19 * 60, 21 * 60 - 1, 0.15],
];

/** Relative share of orders placed in each local hour: a lunch bump and an evening peak. */
const ORDER_HOURS = [0.5, 0.3, 0.15, 0.08, 0.05, 0.08, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 0.9, 0.8, 0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.4, 1.3, 0.9];

interface Customer {
  market: Market;
  name: string;
  email: string;
  phone?: string;
  place: Place;
  street: string;
  locale: 'ja' | 'en';
}

// ---------------------------------------------------------------------------------------------
// A shipment's journey.

interface ScanDraft {
  kind: ScanKind;
  ms: number;
  location: NonNullable<TrackingEventInput['location']>;
  variant?: DeliveredVariant;
  estimatedDelivery?: string;
}

interface Journey {
  rand: Random;
  carrier: SimCarrier;
  market: Market;
  origin: Place;
  dest: Place;
  shipDate: string;
  labelMs: number;
  pickupMs: number;
  transitDays: number;
  scenario: Scenario;
  delayDays: number;
  weather: boolean;
  /** Japan: the delivery time slot. */
  slot: readonly [string, number, number, number];
  variant: DeliveredVariant;
}

const JP_HUB_LABEL: Readonly<Record<SimCarrier, (area: JpRegion) => string>> = {
  yamato: (a) => JP_HUBS[a],
  sagawa: (a) => `${JP_REGIONS[a].name}中継センター`,
  japan_post: (a) => `${JP_REGIONS[a].name}地域区分局`,
  ups: (a) => a,
  usps: (a) => a,
  fedex: (a) => a,
};

function localFacility(carrier: SimCarrier, p: Place, role: 'center' | 'base'): string {
  switch (carrier) {
    case 'yamato':
      return role === 'center' ? `${p.short}センター` : `${p.short}ベース`;
    case 'sagawa':
      return role === 'center' ? `${p.short}営業所` : `${p.short}店`;
    case 'japan_post':
      return role === 'center' ? `${p.short}郵便局` : `${p.short}中央郵便局`;
    case 'ups':
      return role === 'center' ? `${p.city} UPS Customer Center` : `${p.city} UPS Facility`;
    case 'usps':
      return role === 'center' ? `${p.city} Post Office` : `${p.city} Processing and Distribution Center`;
    case 'fedex':
      return role === 'center' ? `${p.city} FedEx Station` : `${p.city} FedEx Ground Facility`;
  }
}

const at = (p: Place, carrier: SimCarrier, role: 'center' | 'base') => ({
  city: p.city,
  region: p.region,
  postalCode: p.postalCode,
  country: p.market,
  facility: localFacility(carrier, p, role),
});

/** A hub between two places, `f` of the way (0 = origin, 1 = destination). */
function hubBetween(j: Journey, f: number): { location: ScanDraft['location']; timeZone: string } {
  if (j.market === 'JP') {
    const a = JP_REGIONS[j.origin.area as JpRegion].position;
    const b = JP_REGIONS[j.dest.area as JpRegion].position;
    const target = a + (b - a) * f;
    const regions = Object.keys(JP_REGIONS) as JpRegion[];
    // The region nearest the point; ties go to the origin's or destination's own region.
    const own = f < 0.5 ? (j.origin.area as JpRegion) : (j.dest.area as JpRegion);
    const area = regions.reduce((best, r) => {
      const d = Math.abs(JP_REGIONS[r].position - target);
      const bd = Math.abs(JP_REGIONS[best].position - target);
      return d < bd ? r : best;
    }, own);
    return { location: { region: JP_REGIONS[area].name, country: 'JP', facility: JP_HUB_LABEL[j.carrier](area) }, timeZone: 'Asia/Tokyo' };
  }
  const bands = Object.keys(US_BANDS) as UsBand[];
  const a = US_BANDS[j.origin.area as UsBand];
  const b = US_BANDS[j.dest.area as UsBand];
  const band = bands[Math.round(a + (b - a) * f)]!;
  const hubs = US_HUBS[band];
  const [city, region] = hubs[Math.floor(f * 997) % hubs.length]!;
  const timeZone = band === 'west' ? 'America/Los_Angeles' : band === 'mountain' ? 'America/Denver' : band === 'central' ? 'America/Chicago' : 'America/New_York';
  return { location: { city, region, country: 'US' }, timeZone };
}

/** Collects a journey's scans, keeping them in strictly increasing time on days the carrier works. */
class Timeline {
  readonly scans: ScanDraft[] = [];
  constructor(
    private readonly j: Journey,
    private readonly movesOn: (date: string) => boolean,
  ) {}

  get last(): number {
    return this.scans[this.scans.length - 1]?.ms ?? 0;
  }

  add(kind: ScanKind, ms: number, location: ScanDraft['location'], timeZone: string, extra: Partial<ScanDraft> = {}): number {
    let t = ms;
    if (t <= this.last) t = this.last + this.j.rand.int(12, 55) * MINUTE;
    // Pushed past midnight onto a day the carrier does not work: the next working morning.
    const date = zonedDate(t, timeZone);
    if (!this.movesOn(date)) t = zonedInstant(nextDay(date, this.movesOn), this.j.rand.int(7 * 60, 8 * 60), timeZone);
    this.scans.push({ kind, ms: t, location, ...extra });
    return t;
  }
}

const minutesIn = (rand: Random, from: number, to: number) => rand.int(from, to);

function jpJourney(j: Journey): ScanDraft[] {
  const { rand, carrier, origin, dest } = j;
  const tz = 'Asia/Tokyo';
  const t = new Timeline(j, () => true);
  const on = (date: string, from: number, to: number) => zonedInstant(date, minutesIn(rand, from, to), tz);
  const nominal = addDays(j.shipDate, j.transitDays);
  const total = j.transitDays + j.delayDays;
  const deliveryDate = addDays(j.shipDate, total);

  t.add('label', j.labelMs, at(origin, carrier, 'center'), tz);
  t.add('picked_up', j.pickupMs, at(origin, carrier, 'base'), tz, { estimatedDelivery: nominal });
  const first = hubBetween(j, 0);
  t.add('linehaul', j.pickupMs + rand.int(90, 240) * MINUTE, first.location, tz);

  if (j.scenario === 'lost') {
    // Silence after the line-haul, then the carrier admits it cannot find the parcel.
    const gap = rand.int(1, 3);
    t.add('lost', on(addDays(j.shipDate, gap + 1), 10 * 60, 17 * 60), first.location, tz);
    return t.scans;
  }

  for (let d = 1; d < total; d++) {
    const date = addDays(j.shipDate, d);
    const hub = hubBetween(j, d / total);
    if (j.delayDays > 0 && date === nominal) {
      t.add(j.weather ? 'weather' : 'delayed', on(date, 6 * 60, 9 * 60), hub.location, tz, { estimatedDelivery: deliveryDate });
    } else {
      t.add('linehaul', on(date, 60, 22 * 60), hub.location, tz);
    }
  }
  const last = hubBetween(j, 1);
  t.add('hub_arrived', on(deliveryDate, 2 * 60, 5 * 60), last.location, tz);
  t.add('arrived', on(deliveryDate, 5 * 60 + 30, 7 * 60 + 15), at(dest, carrier, 'center'), tz);

  const center = at(dest, carrier, 'center');
  const [, slotFrom, slotTo] = j.slot;
  const attempt = (date: string, from = slotFrom, to = slotTo) => {
    t.add('out_for_delivery', on(date, Math.max(7 * 60 + 30, from - 150), Math.max(7 * 60 + 40, from - 10)), center, tz);
    return on(date, from, to);
  };

  switch (j.scenario) {
    case 'normal':
    case 'delayed':
      t.add('delivered', attempt(deliveryDate), center, tz, { variant: j.variant });
      break;
    case 'failed_attempt': {
      const failedAt = t.add('attempt_failed', attempt(deliveryDate), center, tz, { estimatedDelivery: addDays(deliveryDate, 1) });
      if (rand.chance(0.5)) t.add('rescheduled', failedAt + rand.int(30, 180) * MINUTE, center, tz);
      const [, from, to] = weighted(rand, JP_SLOTS.map((s) => [s, s[3]] as const));
      t.add('delivered', attempt(addDays(deliveryDate, 1), from, to), center, tz, { variant: j.variant });
      break;
    }
    case 'pickup': {
      let heldDate = deliveryDate;
      if (rand.chance(0.5)) {
        t.add('attempt_failed', attempt(deliveryDate), center, tz);
        heldDate = addDays(deliveryDate, 1);
      }
      t.add('held', on(heldDate, 8 * 60, 10 * 60), center, tz);
      t.add('collected', on(addDays(heldDate, rand.int(0, 3)), 10 * 60 + 30, 19 * 60 + 30), center, tz);
      break;
    }
    case 'returned': {
      const reason = weighted(rand, [['address', 0.4], ['refused', 0.3], ['unclaimed', 0.3]] as const);
      if (reason === 'unclaimed') {
        t.add('attempt_failed', attempt(deliveryDate), center, tz);
        t.add('held', on(addDays(deliveryDate, 1), 8 * 60, 10 * 60), center, tz);
        t.add('unclaimed', on(addDays(deliveryDate, 8), 9 * 60, 12 * 60), center, tz);
      } else {
        t.add(reason, attempt(deliveryDate), center, tz);
        t.add('returning', on(addDays(deliveryDate, rand.int(1, 2)), 9 * 60, 18 * 60), center, tz);
      }
      const back = addDays(zonedDate(t.last, tz), j.transitDays);
      t.add('returned', on(back, 10 * 60, 17 * 60), at(origin, carrier, 'center'), tz);
      break;
    }
  }
  return t.scans;
}

function usJourney(j: Journey): ScanDraft[] {
  const { rand, carrier, origin, dest } = j;
  const t = new Timeline(j, usMovesOn);
  const on = (date: string, from: number, to: number, tz: string) => zonedInstant(date, minutesIn(rand, from, to), tz);
  const deliversOn = carrier === 'usps' ? usMovesOn : usShipsOn;
  const nominal = addBusinessDays(j.shipDate, j.transitDays, 'US');
  const deliveryDate = addBusinessDays(j.shipDate, j.transitDays + j.delayDays, 'US');
  const oz = origin.timeZone;
  const dz = dest.timeZone;

  t.add('label', j.labelMs, at(origin, carrier, 'base'), oz);
  t.add('picked_up', j.pickupMs, at(origin, carrier, 'base'), oz, { estimatedDelivery: nominal });
  t.add('departed', j.pickupMs + rand.int(120, 300) * MINUTE, at(origin, carrier, 'base'), oz);

  // Days strictly between pickup and delivery on which the carrier moves.
  const days: string[] = [];
  for (let d = addDays(j.shipDate, 1); d < deliveryDate; d = addDays(d, 1)) if (usMovesOn(d)) days.push(d);

  if (j.scenario === 'lost') {
    const hub = hubBetween(j, 0.3);
    const firstDay = days[0] ?? nextDay(j.shipDate, usMovesOn, true);
    t.add('hub_arrived', on(firstDay, 60, 9 * 60, hub.timeZone), hub.location, hub.timeZone);
    const silent = addShippingDays(firstDay, rand.int(1, 3), usMovesOn);
    t.add('lost', on(silent, 9 * 60, 17 * 60, hub.timeZone), hub.location, hub.timeZone);
    return t.scans;
  }

  days.forEach((date, i) => {
    const hub = hubBetween(j, (i + 1) / (days.length + 1));
    if (j.delayDays > 0 && date === nominal) {
      t.add(j.weather ? 'weather' : 'delayed', on(date, 5 * 60, 9 * 60, hub.timeZone), hub.location, hub.timeZone, { estimatedDelivery: deliveryDate });
      return;
    }
    if (i > 0 && rand.chance(0.3)) return; // not every day brings a scan
    const arrived = t.add('hub_arrived', on(date, 60, 9 * 60, hub.timeZone), hub.location, hub.timeZone);
    t.add('hub_departed', arrived + rand.int(120, 420) * MINUTE, hub.location, hub.timeZone);
  });

  const center = at(dest, carrier, 'center');
  t.add('arrived', on(deliveryDate, 3 * 60, 6 * 60 + 30, dz), center, dz);
  const attempt = (date: string) => {
    t.add('out_for_delivery', on(date, 7 * 60, 9 * 60 + 30, dz), center, dz);
    return on(date, 9 * 60 + 45, 19 * 60 + 30, dz);
  };
  const next = (date: string) => nextDay(date, deliversOn, true);
  const pickupPoint = { ...center, facility: carrier === 'usps' ? `${dest.city} Post Office` : carrier === 'ups' ? `UPS Access Point™ ${dest.city}` : `FedEx Office ${dest.city}` };

  switch (j.scenario) {
    case 'normal':
    case 'delayed':
      t.add('delivered', attempt(deliveryDate), center, dz, { variant: j.variant });
      break;
    case 'failed_attempt': {
      const second = next(deliveryDate);
      t.add('attempt_failed', attempt(deliveryDate), center, dz, { estimatedDelivery: second });
      t.add('delivered', attempt(second), center, dz, { variant: j.variant });
      break;
    }
    case 'pickup': {
      const failedAt = t.add('attempt_failed', attempt(deliveryDate), center, dz);
      const heldAt = carrier === 'usps' ? failedAt + rand.int(60, 180) * MINUTE : on(next(deliveryDate), 9 * 60, 12 * 60, dz);
      t.add('held', heldAt, pickupPoint, dz);
      const collect = addShippingDays(zonedDate(t.last, dz), rand.int(0, 3), usMovesOn);
      t.add('collected', on(collect, 10 * 60, 19 * 60, dz), pickupPoint, dz);
      break;
    }
    case 'returned': {
      const reason = weighted(rand, [['address', 0.4], ['refused', 0.3], ['unclaimed', 0.3]] as const);
      if (reason === 'unclaimed') {
        t.add('attempt_failed', attempt(deliveryDate), center, dz);
        t.add('held', on(next(deliveryDate), 9 * 60, 12 * 60, dz), pickupPoint, dz);
        t.add('unclaimed', on(addShippingDays(zonedDate(t.last, dz), 7, usMovesOn), 9 * 60, 12 * 60, dz), pickupPoint, dz);
      } else {
        t.add(reason, attempt(deliveryDate), center, dz);
        t.add('returning', on(next(deliveryDate), 8 * 60, 12 * 60, dz), center, dz);
      }
      const back = addBusinessDays(zonedDate(t.last, dz), j.transitDays, 'US');
      t.add('returned', on(back, 10 * 60, 17 * 60, oz), at(origin, carrier, 'base'), oz);
      break;
    }
  }
  return t.scans;
}

// ---------------------------------------------------------------------------------------------
// The plan.

const FINAL: Readonly<Record<Scenario, ShipmentStatus>> = {
  normal: 'delivered',
  delayed: 'delivered',
  failed_attempt: 'delivered',
  pickup: 'delivered',
  lost: 'exception',
  returned: 'return_to_sender',
};

function validate(o: PlanOptions): void {
  if (!Number.isInteger(o.orders) || o.orders < 1 || o.orders > 1_000_000) throw new RangeError('orders must be an integer from 1 to 1,000,000');
  if (o.days !== undefined && (!Number.isFinite(o.days) || o.days <= 0 || o.days > 365)) throw new RangeError('days must be more than 0 and at most 365');
  if (o.usShare !== undefined && !(o.usShare >= 0 && o.usShare <= 1)) throw new RangeError('usShare must be between 0 and 1');
  const s = { ...DEFAULT_SHARES, ...o.shares };
  for (const [k, v] of Object.entries(s)) if (!(v >= 0 && v <= 1)) throw new RangeError(`shares.${k} must be between 0 and 1`);
  if (s.delayed + s.failedAttempt + s.pickup + s.lost + s.returned > 1) throw new RangeError('the problem shares add up to more than 1');
}

/** The seed's part of external ids and order numbers: short and stable. */
export const seedTag = (seed: number) => (seed >>> 0).toString(36);

/** The external id of the simulator's n-th order (1-based) for a seed. */
export const simulatedOrderId = (seed: number, n: number) => `sim-${seedTag(seed)}-${n}`;

export function planSimulation(options: PlanOptions): SimulationPlan {
  validate(options);
  const seed = (options.seed ?? 1) >>> 0;
  const days = options.days ?? 14;
  const usShare = options.usShare ?? 0.3;
  const shares: SimulationShares = { ...DEFAULT_SHARES, ...options.shares };
  const now = toMs(options.now);
  const rand = seededRandom(seed);
  const tag = seedTag(seed);
  const usedNumbers = new Set<string>();
  const customers: Record<Market, Customer[]> = { JP: [], US: [] };
  let customerCount = 0;

  const newCustomer = (market: Market, k: number): Customer => {
    const place = weighted(rand, (market === 'JP' ? JP_PLACES : US_PLACES).map((p) => [p, p.weight] as const));
    const street = rand.pick(place.streets);
    if (market === 'JP') {
      const [family, familyRomaji] = rand.pick(JP_FAMILY);
      const [given, givenRomaji] = rand.pick(JP_GIVEN);
      return { market, name: `${family} ${given}`, email: `${givenRomaji}.${familyRomaji}.${tag}${k}@example.jp`, place, street, locale: 'ja' };
    }
    const first = rand.pick(US_FIRST);
    const last = rand.pick(US_LAST);
    // 555-01xx numbers are reserved for fiction: no message can reach anyone.
    const phone = `+1 ${rand.pick(['212', '310', '415', '512', '617', '312', '206'])}-555-01${rand.digits(2)}`;
    return { market, name: `${first} ${last}`, email: `${first}.${last}.${tag}${k}@example.com`.toLowerCase(), phone, place, street, locale: 'en' };
  };

  const placedTime = (tz: string): number => {
    for (let i = 0; i < 30; i++) {
      const t = now - Math.floor(rand.next() * days * DAY);
      const hour = Math.floor(zonedMinutes(t, tz) / 60);
      if (rand.next() * 1.4 < ORDER_HOURS[hour]!) return t;
    }
    return now - Math.floor(rand.next() * days * DAY);
  };

  const orders: PlannedOrder[] = [];
  const shipments: PlannedShipment[] = [];

  for (let n = 1; n <= options.orders; n++) {
    const market: Market = rand.chance(usShare) ? 'US' : 'JP';
    const same = customers[market];
    let customer: Customer;
    if (same.length > 0 && rand.chance(0.2)) customer = rand.pick(same);
    else {
      customer = newCustomer(market, ++customerCount);
      same.push(customer);
    }
    const dest = customer.place;
    const [wRegion, wCity] = weighted(rand, (market === 'JP' ? JP_WAREHOUSES : US_WAREHOUSES).map((w) => [w, w[2]] as const));
    const origin = findPlace(market, wRegion, wCity);

    // Lines: one to three products, mostly one of each.
    const catalog = market === 'JP' ? JP_PRODUCTS : US_PRODUCTS;
    const products = rand.shuffle(catalog).slice(0, weighted(rand, [[1, 0.55], [2, 0.3], [3, 0.15]] as const));
    const key = simulatedOrderId(seed, n);
    const lineItems = products.map(([sku, title, unitPrice, category], i) => ({
      externalId: `${key}-L${i + 1}`,
      sku,
      title,
      quantity: rand.chance(0.8) ? 1 : 2,
      unitPrice,
      category,
    }));
    const subtotal = lineItems.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
    const placedMs = placedTime(market === 'JP' ? 'Asia/Tokyo' : dest.timeZone);
    const slot = weighted(rand, JP_SLOTS.map((s) => [s, s[3]] as const));
    const requestsSlot = market === 'JP' && rand.chance(0.3);
    const address = {
      name: customer.name,
      line1: customer.street,
      city: dest.city,
      region: market === 'JP' ? dest.region : dest.regionName,
      ...(market === 'US' && { regionCode: dest.region }),
      postalCode: dest.postalCode,
      country: market,
    };
    const input: OrderInput = {
      externalId: key,
      number: `SIM-${tag.toUpperCase()}-${1000 + n}`,
      placedAt: iso(placedMs),
      currency: market === 'JP' ? 'JPY' : 'USD',
      locale: customer.locale,
      customer: { email: customer.email, name: customer.name, locale: customer.locale, ...(customer.phone && { phone: customer.phone }) },
      lineItems,
      totals: market === 'JP' ? { shipping: subtotal >= 5000 ? 0 : 800, tax: 0 } : { shipping: subtotal >= 5000 ? 0 : 799, tax: Math.round(subtotal * 0.08) },
      deliveryMethod: 'ship',
      shippingAddress: address,
      ...(requestsSlot && { requestedTimeSlot: slot[0] }),
      tags: ['simulated'],
    };

    // Carrier and service.
    const carrier: SimCarrier =
      market === 'JP'
        ? weighted(rand, [['yamato', 0.5], ['sagawa', 0.2], ['japan_post', 0.3]] as const)
        : weighted(rand, [['ups', 0.45], ['usps', 0.35], ['fedex', 0.2]] as const);
    const small = lineItems.length === 1 && lineItems[0]!.quantity === 1 && lineItems[0]!.category === 'tea';
    const service = (() => {
      switch (carrier) {
        case 'yamato':
          return small ? '宅急便コンパクト' : '宅急便';
        case 'sagawa':
          return '飛脚宅配便';
        case 'japan_post':
          return small && !requestsSlot && rand.chance(0.5) ? 'ゆうパケット' : 'ゆうパック';
        case 'ups':
          return rand.chance(0.15) ? 'UPS 2nd Day Air' : 'UPS Ground';
        case 'usps':
          return rand.chance(0.5) ? 'Priority Mail' : 'Ground Advantage';
        case 'fedex':
          return rand.chance(0.5) ? 'FedEx Home Delivery' : 'FedEx Ground';
      }
    })();

    // One parcel, or two when the order is split (the second leaves a few days later).
    const split = lineItems.length >= 2 && rand.chance(shares.split);
    const parcels = split ? [lineItems.slice(0, 1), lineItems.slice(1)] : [lineItems];
    const shipsOn = market === 'JP' ? jpShipsOn : usShipsOn;
    const oz = origin.timeZone;
    const cutoff = market === 'JP' ? 14 * 60 : 13 * 60;
    const placedDate = zonedDate(placedMs, oz);
    const firstDate = shipsOn(placedDate) && zonedMinutes(placedMs, oz) < cutoff ? placedDate : nextDay(placedDate, shipsOn, true);
    const handling = weighted(rand, [[0, 0.75], [1, 0.2], [2, 0.05]] as const);
    let shipDate = addShippingDays(firstDate, handling, shipsOn);

    const shipmentKeys: string[] = [];
    const finals: ShipmentStatus[] = [];
    parcels.forEach((lines, p) => {
      if (p > 0) shipDate = addShippingDays(shipDate, rand.int(1, 3), shipsOn);
      const shipmentKey = `${key}-${p + 1}`;
      let trackingNumber = trackingNumberFor(rand, carrier, service);
      while (usedNumbers.has(trackingNumber)) trackingNumber = trackingNumberFor(rand, carrier, service);
      usedNumbers.add(trackingNumber);

      const scenario = weighted(rand, [
        ['delayed', shares.delayed],
        ['failed_attempt', shares.failedAttempt],
        ['pickup', shares.pickup],
        ['lost', shares.lost],
        ['returned', shares.returned],
        ['normal', Math.max(0, 1 - shares.delayed - shares.failedAttempt - shares.pickup - shares.lost - shares.returned)],
      ] as const);
      // A mailbox parcel cannot fail at the door: such parcels travel as ゆうパック instead.
      const svc = service === 'ゆうパケット' && scenario !== 'normal' && scenario !== 'delayed' && scenario !== 'lost' ? 'ゆうパック' : service;

      const sameDay = shipDate === placedDate;
      const labelMin = Math.max(10 * 60 + rand.int(0, 330), sameDay ? zonedMinutes(placedMs, oz) + rand.int(20, 90) : 0);
      const labelMs = zonedInstant(shipDate, Math.min(labelMin, 16 * 60 + 45), oz);
      const pickupMs = Math.max(zonedInstant(shipDate, rand.int(17 * 60, 20 * 60 + 30), oz), labelMs + 30 * MINUTE);

      let transitDays: number;
      let laneKind: LaneKind;
      if (market === 'JP') {
        const lane = jpLane(origin, dest);
        laneKind = lane.kind;
        transitDays = weighted(rand, lane.table);
      } else {
        const lane = usLane(origin, dest);
        laneKind = lane.kind;
        const median = US_MEDIAN_DAYS[lane.distance as 0 | 1 | 2 | 3] * (svc === 'Priority Mail' ? 0.8 : 1);
        transitDays = svc === 'UPS 2nd Day Air' ? 2 : logNormalInt(rand, median, US_SIGMA, 2, 6);
      }
      const month = Number(shipDate.slice(5, 7));
      const winter = month === 12 || month <= 2;
      const typhoon = month >= 8 && month <= 10 && TYPHOON_REGIONS.has(dest.area);
      const weatherOdds = winter ? (SNOW_REGIONS.has(dest.area) || SNOW_REGIONS.has(origin.area) ? 0.7 : 0.4) : typhoon ? 0.6 : 0.08;
      const delayDays = scenario === 'delayed' ? weighted(rand, [[1, 0.6], [2, 0.3], [3, 0.1]] as const) : 0;
      const weather = scenario === 'delayed' && rand.chance(weatherOdds);
      const variants = deliveredVariants(carrier).filter((v) => (svc === 'ゆうパケット' ? v === 'mailbox' : v !== 'mailbox' || carrier === 'usps'));
      const variant = variants.length === 1 ? variants[0]! : weighted(rand, variants.map((v) => [v, v === 'plain' ? 3 : 1] as const));

      const journey: Journey = {
        rand,
        carrier,
        market,
        origin,
        dest,
        shipDate,
        labelMs,
        pickupMs,
        transitDays,
        scenario,
        delayDays,
        weather,
        slot: requestsSlot ? slot : weighted(rand, JP_SLOTS.map((s) => [s, s[3]] as const)),
        variant,
      };
      const drafts = market === 'JP' ? jpJourney(journey) : usJourney(journey);
      const scans = drafts.map((d, index): PlannedScan => {
        const w = wording(carrier, d.kind, d.variant);
        const event: TrackingEventInput = {
          trackingNumber,
          carrier,
          ...(w.status && { status: w.status }),
          ...(w.substatus && { substatus: w.substatus }),
          ...(w.rawCode && { rawCode: w.rawCode }),
          message: w.message,
          occurredAt: iso(d.ms),
          location: d.location,
          ...(d.estimatedDelivery && { estimatedDelivery: d.estimatedDelivery }),
        };
        return { shipmentKey, index, kind: d.kind, occurredAt: event.occurredAt, status: w.intended.status, substatus: w.intended.substatus, event };
      });
      shipments.push({
        key: shipmentKey,
        orderKey: key,
        carrier,
        service: svc,
        trackingNumber,
        lane: { market, kind: laneKind, from: { region: origin.region, city: origin.city }, to: { region: dest.region, city: dest.city } },
        scenario,
        transitDays,
        delayDays,
        labelAt: iso(labelMs),
        finalStatus: FINAL[scenario],
        input: {
          externalId: shipmentKey,
          carrier,
          service: svc,
          trackingNumber,
          items: split ? lines.map((l) => ({ lineItemExternalId: l.externalId, quantity: l.quantity })) : [],
          shippedAt: iso(labelMs),
        },
        scans,
      });
      shipmentKeys.push(shipmentKey);
      finals.push(FINAL[scenario]);
    });

    const delivered = finals.filter((s) => s === 'delivered').length;
    orders.push({
      key,
      number: input.number,
      market,
      placedAt: input.placedAt,
      input,
      shipmentKeys,
      finalStatus: delivered === finals.length ? 'delivered' : delivered > 0 ? 'partially_delivered' : 'fulfilled',
    });
  }

  return { seed, days, now: iso(now), usShare, shares, orders, shipments, deliveries: planDeliveries(rand, shipments, shares) };
}

/**
 * When each scan reaches Otodoke: a few minutes after it happened; some after the scan that
 * followed them (out of order); some twice (an aggregator resending).
 */
function planDeliveries(rand: Random, shipments: PlannedShipment[], shares: SimulationShares): ScanDelivery[] {
  const out: ScanDelivery[] = [];
  for (const s of shipments) {
    s.scans.forEach((scan, i) => {
      const occurred = toMs(scan.occurredAt);
      const following = s.scans[i + 1];
      const late = following !== undefined && rand.chance(shares.outOfOrder);
      const arrives = late ? toMs(following.occurredAt) + rand.int(40, 360) * MINUTE : occurred + rand.int(1, 25) * MINUTE;
      out.push({ at: iso(arrives), shipmentKey: s.key, scanIndex: i, kind: late ? 'late' : 'first', event: scan.event });
      if (rand.chance(shares.duplicate)) {
        out.push({ at: iso(arrives + rand.int(5, 24 * 60) * MINUTE), shipmentKey: s.key, scanIndex: i, kind: 'duplicate', event: scan.event });
      }
    });
  }
  // A stable order: arrival, then shipment and scan (keys compare as strings, indexes as numbers).
  const order = new Map(shipments.map((s, i) => [s.key, i]));
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : order.get(a.shipmentKey)! - order.get(b.shipmentKey)! || a.scanIndex - b.scanIndex || (a.kind === 'duplicate' ? 1 : 0) - (b.kind === 'duplicate' ? 1 : 0)));
}

/** Deliveries arriving in (from, to], in arrival order. */
export function scansDueBetween(plan: SimulationPlan, from: Date | string | number, to: Date | string | number): ScanDelivery[] {
  const lo = iso(toMs(from));
  const hi = iso(toMs(to));
  const d = plan.deliveries;
  let a = 0;
  let b = d.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (d[mid]!.at <= lo) a = mid + 1;
    else b = mid;
  }
  const out: ScanDelivery[] = [];
  for (let i = a; i < d.length && d[i]!.at <= hi; i++) out.push(d[i]!);
  return out;
}

/** The last instant anything in the plan happens. */
export function planEnd(plan: SimulationPlan): string {
  const lastScan = plan.deliveries[plan.deliveries.length - 1]?.at ?? plan.now;
  return lastScan > plan.now ? lastScan : plan.now;
}
