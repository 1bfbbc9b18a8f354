import type { OrderInput } from '../../core/order/order.input.ts';
import type { OrderStatus } from '../../core/order/order.types.ts';
import type { ShipmentStatus } from '../../core/shipment/shipment.types.ts';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS, EVERYDAY_PRODUCTS, PICKUP_LOCATION, shippingFee, type DemoCustomer, type ProductKey, type Region } from './data.ts';
import { seededRandom, type Random } from './random.ts';
import { japaneseTrackingNumber, upsTrackingNumber, uspsTrackingNumber } from './tracking-numbers.ts';

/**
 * The demo as a script: which orders exist and what happened to each of them, step by step, with
 * the time it happened. Pure and deterministic: the same seed and the same `now` give the same
 * plan. seed.ts replays it through the real use cases with the clock set to each step's time, so
 * the timelines read like two real weeks of a Kyoto tea shop.
 *
 * All times are at most `now`. Times follow the store's day in Asia/Tokyo (UTC+9, no daylight
 * saving): orders and parcels move between 08:00 and 21:00; US parcels move in US Pacific daytime.
 */

export const DEMO_SEED = 0x0d0d0ca;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const JST = 9 * HOUR;
/** US Pacific standard time, close enough for every US address of the demo. */
const PACIFIC = -8 * HOUR;

export type TimeSlot = '午前中' | '14-16' | '19-21';
export type JpCarrier = 'yamato' | 'sagawa' | 'japan_post';
export type DemoCarrier = JpCarrier | 'ups' | 'usps';

export type DemoStep =
  | { kind: 'place'; input: OrderInput }
  | {
      kind: 'ship';
      /** Names the shipment for later scans: `<order externalId>/<n>`. */
      shipment: string;
      carrier: DemoCarrier;
      service: string;
      trackingNumber: string;
      /** Lines by external id; null ships every open line. */
      items: Array<{ lineItemExternalId: string; quantity: number }> | null;
      carrierEstimate?: string;
      promisedDate?: string;
    }
  | { kind: 'scan'; shipment: string; status: ShipmentStatus; substatus?: string; actor: DemoCarrier }
  | { kind: 'cancel'; reason: string; lines: Array<{ lineItemExternalId: string; quantity: number }> | null };

export interface PlannedStep {
  /** ISO-8601 UTC. */
  at: string;
  orderExternalId: string;
  step: DemoStep;
}

export type Scenario =
  | 'placed'
  | 'confirmed'
  | 'pickup'
  | 'preorder'
  | 'label_created'
  | 'in_transit'
  | 'out_for_delivery'
  | 'attempt_failed'
  | 'exception'
  | 'partially_fulfilled'
  | 'partially_delivered'
  | 'delivered'
  | 'redelivered'
  | 'cancelled'
  | 'partially_cancelled';

export interface PlannedOrder {
  externalId: string;
  number: string;
  scenario: Scenario;
  customer: DemoCustomer;
  placedAt: string;
  /** Where the replay leaves the order and its shipments (in shipment order). */
  expected: { status: OrderStatus; shipments: ShipmentStatus[] };
}

export interface DemoPlan {
  seed: number;
  /** When the store opened: a little before its first order. */
  storeCreatedAt: string;
  orders: PlannedOrder[];
  /** Every step of every order, in time order. */
  steps: PlannedStep[];
}

/**
 * What happens, per order. `day` counts days back from the store's current day and means, by
 * scenario: the day the order was placed (placed, confirmed, pickup, preorder, cancelled), the day
 * the parcel left (in_transit, out_for_delivery, partially_fulfilled, exception), or the day of the
 * (first) delivery attempt (delivered, redelivered, attempt_failed, partially_delivered,
 * partially_cancelled). label_created ships today.
 */
interface Spec {
  s: Scenario;
  region: Region;
  day: number;
  slot?: TimeSlot;
  /** Delivered: how the parcel was left. */
  left?: 'locker' | 'safe_place' | 'reception';
}

const SPECS: readonly Spec[] = [
  // Today and yesterday: waiting for the warehouse.
  { s: 'placed', region: 'jp', day: 0 },
  { s: 'confirmed', region: 'jp', day: 0, slot: '午前中' },
  { s: 'confirmed', region: 'jp', day: 0 },
  { s: 'confirmed', region: 'en_jp', day: 1 },
  { s: 'pickup', region: 'jp', day: 0 },
  { s: 'pickup', region: 'jp', day: 1 },
  { s: 'pickup', region: 'jp', day: 1 },
  { s: 'preorder', region: 'jp', day: 5 },
  { s: 'label_created', region: 'jp', day: 0 },
  { s: 'label_created', region: 'en_jp', day: 0 },
  // On the way.
  { s: 'in_transit', region: 'jp', day: 1, slot: '14-16' },
  { s: 'in_transit', region: 'jp', day: 1 },
  { s: 'in_transit', region: 'jp', day: 2 },
  { s: 'in_transit', region: 'en_jp', day: 1 },
  { s: 'in_transit', region: 'us', day: 1 },
  { s: 'in_transit', region: 'us', day: 2 },
  { s: 'out_for_delivery', region: 'jp', day: 1 },
  { s: 'out_for_delivery', region: 'us', day: 3 },
  { s: 'attempt_failed', region: 'jp', day: 1, slot: '19-21' },
  { s: 'exception', region: 'jp', day: 3 },
  { s: 'partially_fulfilled', region: 'jp', day: 1 },
  { s: 'partially_fulfilled', region: 'en_jp', day: 1 },
  { s: 'partially_delivered', region: 'jp', day: 2 },
  // Done.
  { s: 'delivered', region: 'jp', day: 2, slot: '午前中' },
  { s: 'delivered', region: 'jp', day: 3, left: 'locker' },
  { s: 'delivered', region: 'jp', day: 3, slot: '19-21' },
  { s: 'delivered', region: 'jp', day: 4 },
  { s: 'delivered', region: 'jp', day: 5, slot: '14-16' },
  { s: 'delivered', region: 'jp', day: 5, left: 'safe_place' },
  { s: 'delivered', region: 'jp', day: 6 },
  { s: 'delivered', region: 'jp', day: 7, left: 'reception' },
  { s: 'delivered', region: 'jp', day: 8, slot: '午前中' },
  { s: 'delivered', region: 'en_jp', day: 4 },
  { s: 'delivered', region: 'en_jp', day: 8, left: 'locker' },
  { s: 'redelivered', region: 'jp', day: 5 },
  { s: 'partially_cancelled', region: 'jp', day: 7 },
  { s: 'cancelled', region: 'jp', day: 6 },
  { s: 'delivered', region: 'us', day: 3, left: 'safe_place' },
  { s: 'delivered', region: 'us', day: 6 },
  { s: 'delivered', region: 'us', day: 8 },
  { s: 'cancelled', region: 'us', day: 4 },
];

interface LinePlan {
  product: ProductKey;
  quantity: number;
}

type DraftStep =
  | { kind: 'place' }
  | { kind: 'ship'; n: number; carrier: DemoCarrier; service: string; trackingNumber: string; lines: number[] | null; carrierEstimate?: string; promisedDate?: string }
  | { kind: 'scan'; n: number; status: ShipmentStatus; substatus?: string; actor: DemoCarrier }
  | { kind: 'cancel'; reason: string; lines: number[] | null };

interface Draft {
  spec: Spec;
  customer: DemoCustomer;
  phone: string | null;
  lines: LinePlan[];
  extra: Pick<OrderInput, 'deliveryMethod' | 'pickupLocation' | 'requestedDeliveryDate' | 'requestedTimeSlot' | 'fulfillmentNote' | 'tags' | 'confirmed'>;
  steps: Array<{ at: number; step: DraftStep }>;
  expected: PlannedOrder['expected'];
}

/** The store's clock: its current day and the latest moment demo activity may have. */
interface Calendar {
  /** UTC ms of 00:00 in Tokyo of the store's current day. */
  dayStart: number;
  /** Latest time of any step: now, or 21:00 yesterday when it is night in Tokyo. */
  latest: number;
  now: number;
}

function calendarOf(now: Date): Calendar {
  const n = now.getTime();
  let dayStart = Math.floor((n + JST) / DAY) * DAY - JST;
  let latest = n;
  // Before 09:00 in Tokyo the shop's "today" has not really started: yesterday evening is the latest.
  if (n - dayStart < 9 * HOUR) {
    dayStart -= DAY;
    latest = dayStart + 21 * HOUR;
  }
  return { dayStart, latest, now: n };
}

const isoDate = (ms: number, offset: number) => new Date(ms + offset).toISOString().slice(0, 10);

export function planDemo(now: Date, seed: number = DEMO_SEED): DemoPlan {
  const rand = seededRandom(seed);
  const cal = calendarOf(now);

  /** Tokyo time on day `d` (days back), hour h, minute m, and random seconds. */
  const jst = (d: number, h: number, m: number) => cal.dayStart - d * DAY + h * HOUR + m * MIN + rand.int(0, 59) * 1000;
  /** US Pacific time on the US day that is current when the Tokyo day `d` starts. */
  const pacific = (d: number, h: number, m: number) => cal.dayStart - (d + 1) * DAY + (h + 17) * HOUR + m * MIN + rand.int(0, 59) * 1000;
  /** A random time today in Tokyo, between 08:00 and the latest allowed moment. */
  const todayJst = () => {
    const lo = cal.dayStart + 8 * HOUR;
    const hi = Math.min(cal.latest - 5 * MIN, cal.dayStart + 21 * HOUR);
    return lo + Math.floor(rand.next() * (hi - lo));
  };
  const between = (d: number, from: number, to: number, tz: 'jp' | 'us') => {
    const minutes = rand.int(from * 60, to * 60 - 1);
    return (tz === 'jp' ? jst : pacific)(d, Math.floor(minutes / 60), minutes % 60);
  };
  const dateOf = (ms: number, region: Region) => isoDate(ms, region === 'us' ? PACIFIC : JST);

  // Shoppers: Japanese mobile numbers, then who places which order (everyone at least once).
  const phones = new Map<DemoCustomer, string | null>(
    DEMO_CUSTOMERS.map((c) => [c, c.phone ?? `${rand.pick(['090', '080', '070'])}-${rand.digits(4)}-${rand.digits(4)}`]),
  );
  const customerOf = new Map<number, DemoCustomer>();
  for (const region of ['jp', 'en_jp', 'us'] as const) {
    const pool = rand.shuffle(DEMO_CUSTOMERS.filter((c) => c.region === region));
    const specs = rand.shuffle(SPECS.map((s, i) => ({ s, i })).filter(({ s }) => s.region === region));
    specs.forEach(({ i }, k) => customerOf.set(i, k < pool.length ? pool[k]! : rand.pick(pool)));
  }

  const drafts = SPECS.map((spec, i): Draft => {
    const customer = customerOf.get(i)!;
    const tz = spec.region === 'us' ? 'us' : 'jp';
    const transit = spec.region === 'us' ? 3 : customer.far ? 2 : 1;
    const d: Draft = { spec, customer, phone: phones.get(customer) ?? null, lines: pickLines(rand, spec.s), extra: {}, steps: [], expected: { status: 'confirmed', shipments: [] } };
    const add = (at: number, step: DraftStep) => {
      const last = d.steps[d.steps.length - 1];
      if (last && at <= last.at) throw new Error(`demo plan: ${spec.s} steps out of order`);
      if (at > cal.latest || at > cal.now) throw new Error(`demo plan: ${spec.s} step in the future`);
      d.steps.push({ at, step });
    };
    const scan = (at: number, n: number, status: ShipmentStatus, actor: DemoCarrier, substatus?: string) =>
      add(at, { kind: 'scan', n, status, actor, ...(substatus && { substatus }) });
    const small = d.lines.length === 1 && d.lines[0]!.quantity === 1 && DEMO_PRODUCTS[d.lines[0]!.product].category === 'tea';
    const heavy = d.lines.some((l) => l.product === 'tetsubin' || l.product === 'chawan' || l.product === 'kyusu');

    /** Places the order so that it leaves on `shipDay`: before the 14:00 cut-off that day, or after it the day before. */
    const placeForShipDay = (shipDay: number) =>
      spec.region === 'us'
        ? add(between(shipDay + rand.int(1, 2), 7, 22, 'us'), { kind: 'place' })
        : rand.chance(0.5)
          ? add(between(shipDay, 8, 13.5, 'jp'), { kind: 'place' })
          : add(between(shipDay + 1, 14, 23, 'jp'), { kind: 'place' });
    const carrierFor = (): { carrier: DemoCarrier; service: string } => {
      if (spec.region === 'us') return rand.chance(0.5) ? { carrier: 'ups', service: 'UPS Ground' } : { carrier: 'usps', service: 'Priority Mail' };
      const carrier: JpCarrier = heavy ? rand.pick(['yamato', 'yamato', 'sagawa']) : rand.pick(['yamato', 'yamato', 'yamato', 'sagawa', 'japan_post', 'japan_post']);
      if (carrier === 'sagawa') return { carrier, service: '飛脚宅配便' };
      if (carrier === 'japan_post') return { carrier, service: small && !spec.slot ? 'ゆうパケット' : 'ゆうパック' };
      return { carrier, service: small ? '宅急便コンパクト' : '宅急便' };
    };
    const trackingFor = (carrier: DemoCarrier) =>
      carrier === 'ups' ? upsTrackingNumber(rand) : carrier === 'usps' ? uspsTrackingNumber(rand) : japaneseTrackingNumber(rand, carrier);
    /** Ships (n = shipment number) on day `shipDay`, then hands the parcel to the carrier that evening. */
    const ship = (n: number, shipDay: number, c: { carrier: DemoCarrier; service: string }, lines: number[] | null, deliveryDay: number) => {
      const leftAt = shipDay === 0 ? todayJst() : between(shipDay, 16, 18.5, tz);
      const estimateAt = cal.dayStart - deliveryDay * DAY + 12 * HOUR;
      add(leftAt, {
        kind: 'ship',
        n,
        ...c,
        trackingNumber: trackingFor(c.carrier),
        lines,
        // Before 09:00 in Tokyo the shop's "today" is still yesterday; a parcel due today is due on
        // the real date, or it would already count as late.
        carrierEstimate: deliveryDay <= 0 && dateOf(cal.now, spec.region) > dateOf(estimateAt, spec.region) ? dateOf(cal.now, spec.region) : dateOf(estimateAt, spec.region),
        ...(d.extra.requestedDeliveryDate && { promisedDate: d.extra.requestedDeliveryDate }),
      });
      if (shipDay > 0) scan(between(shipDay, 19, 21.5, tz), n, 'in_transit', c.carrier);
    };
    /** Out for delivery and delivered on day `day`, in the requested time slot when there is one. */
    const deliver = (n: number, day: number, carrier: DemoCarrier, substatus?: string) => {
      const [ofd, done] = slotHours(spec.slot);
      scan(between(day, ofd[0], ofd[1], tz), n, 'out_for_delivery', carrier);
      scan(between(day, done[0], done[1], tz), n, 'delivered', carrier, substatus);
    };
    const requestDelivery = (day: number) => {
      if (!spec.slot) return;
      d.extra.requestedDeliveryDate = dateOf(cal.dayStart - day * DAY + 12 * HOUR, spec.region);
      d.extra.requestedTimeSlot = spec.slot;
    };

    switch (spec.s) {
      case 'placed':
        add(todayJst(), { kind: 'place' });
        d.extra.confirmed = false;
        d.extra.tags = ['bank_transfer'];
        d.expected = { status: 'placed', shipments: [] };
        break;
      case 'confirmed':
        add(spec.day === 0 ? todayJst() : between(spec.day, 14, 23, 'jp'), { kind: 'place' });
        requestDelivery(spec.day - 3);
        break;
      case 'pickup':
        add(spec.day === 0 ? todayJst() : between(spec.day, 10, 21, 'jp'), { kind: 'place' });
        d.extra.deliveryMethod = 'pickup';
        d.extra.pickupLocation = { ...PICKUP_LOCATION };
        d.extra.tags = ['pickup'];
        if (spec.day > 0) d.extra.requestedDeliveryDate = dateOf(cal.dayStart + DAY + 12 * HOUR, spec.region);
        break;
      case 'preorder': {
        add(between(spec.day, 8, 23, 'jp'), { kind: 'place' });
        const today = new Date(cal.dayStart + JST);
        const year = today.getUTCFullYear() + (today.getUTCMonth() >= 4 ? 1 : 0);
        d.extra.fulfillmentNote = `新茶（八十八夜摘み）のご予約です。${year}年5月上旬より順次発送いたします。`;
        d.extra.tags = ['preorder'];
        break;
      }
      case 'label_created':
        add(between(1, 14, 23, 'jp'), { kind: 'place' });
        ship(1, 0, carrierFor(), null, -transit);
        d.expected = { status: 'fulfilled', shipments: ['info_received'] };
        break;
      case 'in_transit': {
        requestDelivery(spec.day - transit);
        placeForShipDay(spec.day);
        ship(1, spec.day, carrierFor(), null, spec.day - transit);
        d.expected = { status: 'fulfilled', shipments: ['in_transit'] };
        break;
      }
      case 'out_for_delivery': {
        placeForShipDay(spec.day);
        const c = carrierFor();
        ship(1, spec.day, c, null, 0);
        scan(spec.region === 'us' ? between(0, 8, 10, 'us') : todayJst(), 1, 'out_for_delivery', c.carrier);
        d.expected = { status: 'fulfilled', shipments: ['out_for_delivery'] };
        break;
      }
      case 'attempt_failed': {
        // 19-21 requested; nobody home: the driver leaves a 不在連絡票.
        requestDelivery(spec.day);
        const shipDay = spec.day + transit;
        placeForShipDay(shipDay);
        ship(1, shipDay, { carrier: 'yamato', service: '宅急便' }, null, spec.day);
        scan(between(spec.day, 17.5, 18.5, tz), 1, 'out_for_delivery', 'yamato');
        scan(between(spec.day, 19, 20.75, tz), 1, 'attempt_failed', 'yamato', 'attempt_failed.no_one_home');
        d.expected = { status: 'fulfilled', shipments: ['attempt_failed'] };
        break;
      }
      case 'exception':
        placeForShipDay(spec.day);
        ship(1, spec.day, { carrier: 'sagawa', service: '飛脚宅配便' }, null, spec.day - transit);
        scan(between(spec.day - 1, 10, 15, tz), 1, 'exception', 'sagawa', 'exception.address');
        d.expected = { status: 'fulfilled', shipments: ['exception'] };
        break;
      case 'partially_fulfilled': {
        // The teaware comes from the kiln later; the tea leaves now.
        const later = d.lines.length - 1;
        d.extra.fulfillmentNote =
          spec.region === 'jp'
            ? `${DEMO_PRODUCTS[d.lines[later]!.product].title}は窯元からの入荷待ちのため、12月上旬に別便でお届けします。`
            : `${DEMO_PRODUCTS[d.lines[later]!.product].title} ships separately from the workshop in early December.`;
        placeForShipDay(spec.day);
        ship(1, spec.day, carrierFor(), d.lines.slice(0, later).map((_, k) => k), spec.day - transit);
        d.expected = { status: 'partially_fulfilled', shipments: ['in_transit'] };
        break;
      }
      case 'partially_delivered': {
        // Tea by Yamato from the shop; the tetsubin by Sagawa straight from the foundry, days later.
        const shipDay = spec.day + transit;
        placeForShipDay(shipDay);
        ship(1, shipDay, { carrier: 'yamato', service: '宅急便' }, [0], spec.day);
        deliver(1, spec.day, 'yamato');
        ship(2, spec.day - 1, { carrier: 'sagawa', service: '飛脚宅配便' }, [1], spec.day - 1 - transit);
        d.expected = { status: 'partially_delivered', shipments: ['delivered', 'in_transit'] };
        break;
      }
      case 'delivered':
      case 'partially_cancelled': {
        requestDelivery(spec.day);
        const shipDay = spec.day + transit + (spec.slot ? 1 : 0);
        placeForShipDay(shipDay);
        if (spec.s === 'partially_cancelled') {
          // One line is out of stock: cancelled before the parcel leaves.
          const placedAt = d.steps[0]!.at;
          add(placedAt + rand.int(60, 90) * MIN, { kind: 'cancel', reason: `在庫切れのため「${DEMO_PRODUCTS[d.lines[1]!.product].title}」をキャンセルしました`, lines: [1] });
        }
        const c = carrierFor();
        ship(1, shipDay, c, null, spec.day);
        const left = spec.left ?? (c.service === 'ゆうパケット' ? 'mailbox' : undefined);
        deliver(1, spec.day, c.carrier, left && `delivered.${left}`);
        d.expected = { status: 'delivered', shipments: ['delivered'] };
        break;
      }
      case 'redelivered': {
        // Nobody home on the first attempt; the shopper asked for a redelivery the next evening.
        const shipDay = spec.day + transit;
        placeForShipDay(shipDay);
        ship(1, shipDay, { carrier: 'yamato', service: '宅急便' }, null, spec.day);
        scan(between(spec.day, 8, 10, 'jp'), 1, 'out_for_delivery', 'yamato');
        scan(between(spec.day, 10.5, 12, 'jp'), 1, 'attempt_failed', 'yamato', 'attempt_failed.notice_left');
        scan(between(spec.day, 15, 16, 'jp'), 1, 'in_transit', 'yamato', 'in_transit.rescheduled');
        scan(between(spec.day - 1, 17.5, 18.5, 'jp'), 1, 'out_for_delivery', 'yamato', 'out_for_delivery.appointment');
        scan(between(spec.day - 1, 19, 20.75, 'jp'), 1, 'delivered', 'yamato', 'delivered.signed');
        d.expected = { status: 'delivered', shipments: ['delivered'] };
        break;
      }
      case 'cancelled': {
        const placedAt = between(spec.day, spec.region === 'us' ? 9 : 8, 20, tz);
        add(placedAt, { kind: 'place' });
        const reason = spec.region === 'us' ? 'Customer asked to cancel: ordered the wrong size.' : 'お客様のご都合によるキャンセル';
        add(placedAt + rand.int(30, 180) * MIN, { kind: 'cancel', reason, lines: null });
        d.expected = { status: 'cancelled', shipments: [] };
        break;
      }
    }
    if (spec.region === 'us' && d.extra.requestedTimeSlot) throw new Error('demo plan: no time slots in the US');
    const placed = d.steps[0]!.at;
    if (placed < cal.now - 14 * DAY) throw new Error(`demo plan: ${spec.s} placed more than 14 days ago`);
    return d;
  });

  // Numbers follow the order in which orders came in, like a real shop's.
  const byPlaced = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.steps[0]!.at - b.d.steps[0]!.at || a.i - b.i);
  const orders: PlannedOrder[] = [];
  const steps: Array<PlannedStep & { ms: number; seq: number }> = [];
  byPlaced.forEach(({ d }, k) => {
    const number = String(1001 + k);
    const externalId = `demo-${number}`;
    const lineId = (i: number) => `${externalId}-${i + 1}`;
    const input = orderInput(d, `#${number}`, externalId, new Date(d.steps[0]!.at).toISOString());
    orders.push({ externalId, number: `#${number}`, scenario: d.spec.s, customer: d.customer, placedAt: input.placedAt, expected: d.expected });
    const shipmentKey = (n: number) => `${externalId}/${n}`;
    for (const { at, step } of d.steps) {
      let out: DemoStep;
      switch (step.kind) {
        case 'place':
          out = { kind: 'place', input };
          break;
        case 'ship': {
          const { n, lines, kind, ...rest } = step;
          out = {
            kind,
            shipment: shipmentKey(n),
            ...rest,
            items: lines && lines.map((i) => ({ lineItemExternalId: lineId(i), quantity: d.lines[i]!.quantity })),
          };
          break;
        }
        case 'scan': {
          const { n, ...rest } = step;
          out = { ...rest, shipment: shipmentKey(n) };
          break;
        }
        case 'cancel':
          out = { kind: 'cancel', reason: step.reason, lines: step.lines && step.lines.map((i) => ({ lineItemExternalId: lineId(i), quantity: d.lines[i]!.quantity })) };
          break;
      }
      steps.push({ at: new Date(at).toISOString(), orderExternalId: externalId, step: out, ms: at, seq: steps.length });
    }
  });
  steps.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
  const first = Math.min(...drafts.map((d) => d.steps[0]!.at));
  return {
    seed,
    storeCreatedAt: new Date(Math.min(first - 3 * HOUR, cal.now)).toISOString(),
    orders,
    steps: steps.map(({ at, orderExternalId, step }) => ({ at, orderExternalId, step })),
  };
}

/** Out-for-delivery and delivery windows (hours, Tokyo or Pacific) for a time slot. */
function slotHours(slot: TimeSlot | undefined): [[number, number], [number, number]] {
  switch (slot) {
    case '午前中':
      return [[7.5, 8.5], [9, 11.75]];
    case '14-16':
      return [[12.5, 13.5], [14, 15.75]];
    case '19-21':
      return [[17.5, 18.5], [19, 20.75]];
    default:
      return [[8, 10], [10.5, 17.5]];
  }
}

function pickLines(rand: Random, scenario: Scenario): LinePlan[] {
  const qty = () => (rand.chance(0.7) ? 1 : rand.int(2, 3));
  const tea = EVERYDAY_PRODUCTS.filter((p) => DEMO_PRODUCTS[p].category === 'tea');
  switch (scenario) {
    case 'preorder':
      return [{ product: 'shincha', quantity: rand.int(1, 3) }];
    case 'partially_fulfilled':
      return [
        { product: rand.pick(tea), quantity: qty() },
        { product: rand.pick(['yunomi', 'chawan', 'kyusu'] as const), quantity: 1 },
      ];
    case 'partially_delivered':
      return [
        { product: rand.pick(tea), quantity: qty() },
        { product: 'tetsubin', quantity: 1 },
      ];
    case 'partially_cancelled': {
      const [a, b, c] = rand.shuffle(tea.filter((p) => p !== 'hojicha'));
      return [
        { product: a!, quantity: qty() },
        { product: 'hojicha', quantity: rand.int(1, 2) },
        { product: rand.chance(0.5) ? b! : c!, quantity: 1 },
      ];
    }
    default: {
      const n = rand.pick([1, 1, 2, 2, 2, 3]);
      return rand.shuffle(EVERYDAY_PRODUCTS).slice(0, n).map((product) => ({ product, quantity: qty() }));
    }
  }
}

function orderInput(d: Draft, number: string, externalId: string, placedAt: string): OrderInput {
  const c = d.customer;
  const lineItems = d.lines.map((l, i) => {
    const p = DEMO_PRODUCTS[l.product];
    return {
      externalId: `${externalId}-${i + 1}`,
      sku: p.sku,
      title: p.title,
      ...(p.variantTitle && { variantTitle: p.variantTitle }),
      quantity: l.quantity,
      unitPrice: p.price,
      category: p.category,
      ...(p.tags && { tags: p.tags }),
      ...(l.product === 'shincha' && { finalSale: true }),
    };
  });
  const subtotal = lineItems.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  const tax = d.lines.reduce((s, l) => s + Math.floor(DEMO_PRODUCTS[l.product].price * l.quantity * DEMO_PRODUCTS[l.product].taxRate), 0);
  const pickup = d.extra.deliveryMethod === 'pickup';
  return {
    externalId,
    number,
    placedAt,
    currency: 'JPY',
    locale: c.locale,
    customer: { email: c.email, name: c.name, locale: c.locale, ...(d.phone && { phone: d.phone }) },
    lineItems,
    totals: { shipping: pickup ? 0 : shippingFee(c.region, subtotal), tax },
    ...(!pickup && { shippingAddress: { name: c.name, ...c.address, ...(d.phone && { phone: d.phone }) } }),
    ...d.extra,
  };
}
