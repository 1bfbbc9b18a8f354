import type { ShipmentStatus } from '../../core/shipment/shipment.types.ts';
import type { SimCarrier } from './tracking-numbers.ts';

/**
 * What each carrier says at each step of a parcel's journey.
 *
 * Japanese carriers speak in status words (荷物受付, 作業店通過, ご不在のため持ち帰り…): the
 * simulator sends those as `message` with no `status`, so ingest maps them the way it maps a real
 * Yamato, Sagawa or Japan Post page. US carriers send English messages with an explicit canonical
 * `status` and `substatus`, as aggregators do. `intended` is what the scan means; for the Japanese
 * words a test checks that the word mapping agrees.
 */

export type ScanKind =
  | 'label'
  | 'picked_up'
  | 'departed'
  | 'linehaul'
  | 'hub_arrived'
  | 'hub_departed'
  | 'arrived'
  | 'delayed'
  | 'weather'
  | 'out_for_delivery'
  | 'attempt_failed'
  | 'rescheduled'
  | 'held'
  | 'collected'
  | 'delivered'
  | 'lost'
  | 'address'
  | 'refused'
  | 'unclaimed'
  | 'returning'
  | 'returned';

/** How a delivered parcel was left. */
export type DeliveredVariant = 'plain' | 'locker' | 'safe_place' | 'mailbox' | 'signed' | 'reception';

export interface Wording {
  message: string;
  /** Sent for US carriers only. */
  status?: ShipmentStatus;
  substatus?: string;
  rawCode?: string;
  /** What the scan means, canonically. */
  intended: { status: ShipmentStatus; substatus: string | null };
}

type Entry = readonly [message: string, target: string, rawCode?: string];
type Table = Partial<Record<Exclude<ScanKind, 'delivered'>, Entry>> & { delivered: Partial<Record<DeliveredVariant, Entry>> & { plain: Entry } };

const YAMATO: Table = {
  label: ['荷物受付', 'info_received'],
  picked_up: ['発送済み', 'in_transit.departed_facility'],
  linehaul: ['輸送中', 'in_transit'],
  hub_arrived: ['作業店通過', 'in_transit.departed_facility'],
  arrived: ['配達店到着', 'in_transit.at_local_facility'],
  delayed: ['交通事情により輸送遅延', 'in_transit.delayed'],
  weather: ['悪天候の影響により輸送遅延', 'exception.weather'],
  out_for_delivery: ['配達中', 'out_for_delivery'],
  attempt_failed: ['ご不在のため持ち帰り', 'attempt_failed.no_one_home'],
  rescheduled: ['再配達受付', 'in_transit.rescheduled'],
  held: ['営業所にて保管中', 'available_for_pickup.held_at_office'],
  collected: ['お受け取り済み', 'delivered.picked_up'],
  lost: ['調査中', 'exception.investigating'],
  address: ['お届け先住所不明', 'exception.address'],
  refused: ['受取拒否', 'exception.refused'],
  unclaimed: ['保管期間経過', 'return_to_sender.unclaimed'],
  returning: ['返品', 'return_to_sender'],
  returned: ['返品完了', 'return_to_sender.returned'],
  delivered: {
    plain: ['配達完了', 'delivered'],
    locker: ['配達完了（宅配ボックス）', 'delivered.locker'],
    safe_place: ['配達完了（置き配）', 'delivered.safe_place'],
  },
};

const SAGAWA: Table = {
  label: ['荷物受付', 'info_received'],
  picked_up: ['集荷', 'in_transit.picked_up'],
  linehaul: ['輸送中', 'in_transit'],
  hub_arrived: ['中継センター到着', 'in_transit.arrived_at_facility'],
  arrived: ['配達担当店到着', 'in_transit.at_local_facility'],
  delayed: ['交通事情により輸送遅延', 'in_transit.delayed'],
  weather: ['悪天候により輸送遅延', 'exception.weather'],
  out_for_delivery: ['配達中', 'out_for_delivery'],
  attempt_failed: ['ご不在のため持戻り', 'attempt_failed.no_one_home'],
  rescheduled: ['日時変更受付', 'in_transit.rescheduled'],
  held: ['営業所にて保管中', 'available_for_pickup.held_at_office'],
  collected: ['お受け取り済み', 'delivered.picked_up'],
  lost: ['調査中', 'exception.investigating'],
  address: ['住所不明のため持戻り', 'exception.address'],
  refused: ['受取拒否', 'exception.refused'],
  unclaimed: ['保管期間経過', 'return_to_sender.unclaimed'],
  returning: ['差出人へ返送', 'return_to_sender'],
  returned: ['返送完了', 'return_to_sender.returned'],
  delivered: {
    plain: ['配達完了', 'delivered'],
    locker: ['配達完了（宅配BOX）', 'delivered.locker'],
  },
};

const JAPAN_POST: Table = {
  label: ['引受', 'info_received'],
  picked_up: ['通過', 'in_transit.departed_facility'],
  linehaul: ['輸送中', 'in_transit'],
  hub_arrived: ['中継', 'in_transit.arrived_at_facility'],
  arrived: ['到着', 'in_transit.arrived_at_facility'],
  delayed: ['交通事情により輸送遅延', 'in_transit.delayed'],
  weather: ['悪天候のため輸送遅延', 'exception.weather'],
  out_for_delivery: ['持ち出し中', 'out_for_delivery'],
  attempt_failed: ['ご不在のため持ち戻り', 'attempt_failed.no_one_home'],
  rescheduled: ['配達希望受付', 'in_transit.rescheduled'],
  held: ['郵便局にて保管中', 'available_for_pickup.held_at_office'],
  collected: ['窓口にてお受け取り済み', 'delivered.picked_up'],
  lost: ['調査中', 'exception.investigating'],
  address: ['あて所に尋ねあたりません', 'exception.address'],
  refused: ['受取拒否', 'exception.refused'],
  unclaimed: ['保管期間経過', 'return_to_sender.unclaimed'],
  returning: ['差出人に返送', 'return_to_sender'],
  returned: ['返送完了', 'return_to_sender.returned'],
  delivered: {
    plain: ['お届け済み', 'delivered'],
    locker: ['お届け済み（宅配ボックス）', 'delivered.locker'],
    mailbox: ['投函完了', 'delivered.mailbox'],
  },
};

const UPS: Table = {
  label: ['Shipper created a label, UPS has not received the package yet.', 'info_received.label_created', 'MP'],
  picked_up: ['Pickup Scan', 'in_transit.picked_up', 'PU'],
  departed: ['Departed from Facility', 'in_transit.departed_facility', 'DP'],
  hub_arrived: ['Arrived at Facility', 'in_transit.arrived_at_facility', 'AR'],
  hub_departed: ['Departed from Facility', 'in_transit.departed_facility', 'DP'],
  arrived: ['Destination Scan', 'in_transit.at_local_facility', 'DS'],
  delayed: ["Your package is running late. We're updating the delivery date.", 'in_transit.delayed', 'X'],
  weather: ['Severe weather conditions have delayed delivery.', 'exception.weather', 'X'],
  out_for_delivery: ['Out For Delivery Today', 'out_for_delivery', 'OT'],
  attempt_failed: ["The receiver was not available for delivery. We'll make a second attempt the next business day.", 'attempt_failed.no_one_home', 'X'],
  held: ['Delivered to UPS Access Point™ and awaiting customer pickup', 'available_for_pickup.store', 'X'],
  collected: ['Picked up by the customer at the UPS Access Point™', 'delivered.picked_up', 'DL'],
  lost: ['We are unable to locate the package. An investigation has been started.', 'exception.investigating', 'X'],
  address: ['The address is incomplete or incorrect. Delivery cannot be completed.', 'exception.address', 'X'],
  refused: ['The receiver refused the delivery.', 'exception.refused', 'X'],
  unclaimed: ['The package was not claimed at the UPS Access Point™ and is being returned.', 'return_to_sender.unclaimed', 'RS'],
  returning: ['Returning package to sender.', 'return_to_sender', 'RS'],
  returned: ['Returned to sender: delivered to the shipper.', 'return_to_sender.returned', 'RS'],
  delivered: {
    plain: ['Delivered', 'delivered', 'DL'],
    safe_place: ['Delivered: Front Door', 'delivered.safe_place', 'DL'],
    signed: ['Delivered: signed for by the receiver', 'delivered.signed', 'DL'],
    reception: ['Delivered: Receptionist', 'delivered.reception', 'DL'],
  },
};

const USPS: Table = {
  label: ['Shipping Label Created, USPS Awaiting Item', 'info_received.label_created', 'MA'],
  picked_up: ['USPS in possession of item', 'in_transit.picked_up', '03'],
  departed: ['Departed USPS Facility', 'in_transit.departed_facility', 'EF'],
  hub_arrived: ['Arrived at USPS Regional Facility', 'in_transit.arrived_at_facility', '10'],
  hub_departed: ['Departed USPS Regional Facility', 'in_transit.departed_facility', 'EF'],
  arrived: ['Arrived at Post Office', 'in_transit.at_local_facility', '07'],
  delayed: ['In Transit, Arriving Late', 'in_transit.delayed', 'NT'],
  weather: ['Delivery delayed due to severe weather', 'exception.weather', 'NT'],
  out_for_delivery: ['Out for Delivery', 'out_for_delivery', 'OF'],
  attempt_failed: ['Notice Left (No Authorized Recipient Available)', 'attempt_failed.notice_left', '02'],
  held: ['Available for Pickup', 'available_for_pickup.held_at_office', '52'],
  collected: ['Delivered, Individual Picked Up at Post Office', 'delivered.picked_up', '01'],
  lost: ['Alert: Item under investigation', 'exception.investigating', '29'],
  address: ['Addressee Unknown', 'exception.address', '04'],
  refused: ['Refused', 'exception.refused', '04'],
  unclaimed: ['Unclaimed: Being Returned to Sender', 'return_to_sender.unclaimed', '04'],
  returning: ['Return to Sender Processed', 'return_to_sender', '09'],
  returned: ['Delivered, To Original Sender', 'return_to_sender.returned', '01'],
  delivered: {
    plain: ['Delivered, Left with Individual', 'delivered', '01'],
    mailbox: ['Delivered, In/At Mailbox', 'delivered.mailbox', '01'],
    safe_place: ['Delivered, Front Door/Porch', 'delivered.safe_place', '01'],
  },
};

const FEDEX: Table = {
  label: ['Shipment information sent to FedEx', 'info_received.label_created', 'OC'],
  picked_up: ['Picked up', 'in_transit.picked_up', 'PU'],
  departed: ['Left FedEx origin facility', 'in_transit.departed_facility', 'DP'],
  hub_arrived: ['Arrived at FedEx hub', 'in_transit.arrived_at_facility', 'AR'],
  hub_departed: ['Departed FedEx hub', 'in_transit.departed_facility', 'DP'],
  arrived: ['At local FedEx facility', 'in_transit.at_local_facility', 'AR'],
  delayed: ['Delay: shipment running behind schedule', 'in_transit.delayed', 'DE'],
  weather: ['Delay: local weather conditions', 'exception.weather', 'DE'],
  out_for_delivery: ['On FedEx vehicle for delivery', 'out_for_delivery', 'OD'],
  attempt_failed: ['Delivery exception: customer not available or business closed', 'attempt_failed.no_one_home', 'DE'],
  held: ['Ready for pickup at a FedEx location', 'available_for_pickup.store', 'HP'],
  collected: ['Picked up at the FedEx location', 'delivered.picked_up', 'DL'],
  lost: ['Shipment exception: package not located, investigation in progress', 'exception.investigating', 'SE'],
  address: ['Delivery exception: incorrect address', 'exception.address', 'DE'],
  refused: ['Delivery exception: refused by recipient', 'exception.refused', 'DE'],
  unclaimed: ['Not picked up in time: returning to shipper', 'return_to_sender.unclaimed', 'RS'],
  returning: ['Returning package to shipper', 'return_to_sender', 'RS'],
  returned: ['Delivered to shipper', 'return_to_sender.returned', 'RS'],
  delivered: {
    plain: ['Delivered', 'delivered', 'DL'],
    safe_place: ['Delivered, left at front door', 'delivered.safe_place', 'DL'],
    signed: ['Delivered, signed for', 'delivered.signed', 'DL'],
  },
};

export const SCAN_WORDS: Readonly<Record<SimCarrier, Table>> = {
  yamato: YAMATO,
  sagawa: SAGAWA,
  japan_post: JAPAN_POST,
  ups: UPS,
  usps: USPS,
  fedex: FEDEX,
};

export const JAPANESE_CARRIERS: ReadonlySet<SimCarrier> = new Set(['yamato', 'sagawa', 'japan_post']);

/** The ways a carrier reports a delivery. */
export function deliveredVariants(carrier: SimCarrier): DeliveredVariant[] {
  return Object.keys(SCAN_WORDS[carrier].delivered) as DeliveredVariant[];
}

/** The hub kinds a carrier reports (Japanese carriers: line-haul; US: arrive and depart). */
export function wording(carrier: SimCarrier, kind: ScanKind, variant: DeliveredVariant = 'plain'): Wording {
  const table = SCAN_WORDS[carrier];
  const entry = kind === 'delivered' ? (table.delivered[variant] ?? table.delivered.plain) : (table[kind] ?? fallback(table, kind));
  if (!entry) throw new Error(`simulator: ${carrier} has no wording for ${kind}`);
  const [message, target, rawCode] = entry;
  const dot = target.indexOf('.');
  const intended = dot < 0 ? { status: target as ShipmentStatus, substatus: null } : { status: target.slice(0, dot) as ShipmentStatus, substatus: target };
  if (JAPANESE_CARRIERS.has(carrier)) return { message, intended };
  return { message, status: intended.status, ...(intended.substatus && { substatus: intended.substatus }), ...(rawCode && { rawCode }), intended };
}

/** Japanese carriers report a line-haul step where US carriers report departures. */
function fallback(table: Table, kind: Exclude<ScanKind, 'delivered'>): Entry | undefined {
  if (kind === 'departed' || kind === 'hub_departed') return table.linehaul;
  if (kind === 'linehaul') return table.hub_departed;
  return undefined;
}
