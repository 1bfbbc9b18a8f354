import { statusOfSubstatus, type ShipmentStatus, type ShipmentSubstatus } from './statuses.ts';

/**
 * Provider codes → canonical statuses.
 *
 * Every mapper returns `{ status, substatus?, raw }`, where `raw` keeps the provider's own code
 * (`"Exception/Exception_011"`, `"in_transit/arrived_at_facility"`, or the Japanese text as
 * received), or `null` when the main code is unknown or carries no shipment state (EasyPost
 * `unknown`/`error`, Shippo `UNKNOWN`). **Null means: keep the previous status.** A known main
 * code with an unknown detail code maps to the main status without substatus.
 *
 * The provider's main status is kept unless its detail code says something more specific that our
 * canonical set can express: Shippo files a delivery attempt under TRANSIT, which becomes
 * `attempt_failed`; AfterShip files "returned to sender" under Exception, which becomes
 * `return_to_sender`. Each such case is a line in the tables below.
 *
 * Sources: AfterShip "Delivery Statuses" and "Delivery Sub-statuses" (Tracking API docs, incl. the
 * Exception_016..021 sub-statuses added in 2026); EasyPost Tracker object (`status`,
 * `status_detail`); Shippo tracking docs (status and substatus.code); 17TRACK API v2 main and sub
 * statuses; Japanese carriers' status words as shown on their tracking pages.
 */
export interface MappedStatus {
  readonly status: ShipmentStatus;
  readonly substatus?: ShipmentSubstatus;
  readonly raw: string;
}

type Target = ShipmentStatus | ShipmentSubstatus;

function toMapped(target: Target, raw: string): MappedStatus {
  if (target.includes('.')) {
    const substatus = target as ShipmentSubstatus;
    return { status: statusOfSubstatus(substatus), substatus, raw };
  }
  return { status: target as ShipmentStatus, raw };
}

function rawOf(main: string, detail: string | undefined): string {
  return detail ? `${main}/${detail}` : main;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Lookup with keys compared case-insensitively. */
function lookup<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  if (key === undefined) return undefined;
  return Object.hasOwn(table, key.toLowerCase()) ? table[key.toLowerCase()] : undefined;
}

function lowerKeys<T>(table: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.fromEntries(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v])));
}

// ---------------------------------------------------------------------------------------------
// AfterShip: tag + subtag (`Exception` + `Exception_011`).

const AFTERSHIP_TAGS = lowerKeys<Target>({
  Pending: 'pending',
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  OutForDelivery: 'out_for_delivery',
  AttemptFail: 'attempt_failed',
  Delivered: 'delivered',
  AvailableForPickup: 'available_for_pickup',
  Exception: 'exception',
  Expired: 'expired',
});

export const AFTERSHIP_SUBTAGS = lowerKeys<Target>({
  Pending_001: 'pending',
  InfoReceived_001: 'info_received',
  InTransit_001: 'in_transit',
  InTransit_002: 'in_transit.picked_up', // acceptance scan
  InTransit_003: 'in_transit.arrived_at_facility', // arrival scan
  InTransit_004: 'in_transit.arrived_in_country',
  InTransit_005: 'in_transit.customs_cleared',
  InTransit_006: 'in_transit.customs', // handed over to customs
  InTransit_007: 'in_transit.departed_facility', // departure scan
  InTransit_008: 'in_transit', // problem resolved
  InTransit_009: 'in_transit.forwarded',
  OutForDelivery_001: 'out_for_delivery',
  OutForDelivery_003: 'out_for_delivery.contacted',
  OutForDelivery_004: 'out_for_delivery.appointment',
  AttemptFail_001: 'attempt_failed',
  AttemptFail_002: 'attempt_failed.no_one_home', // addressee not available
  AttemptFail_003: 'attempt_failed.business_closed',
  Delivered_001: 'delivered',
  Delivered_002: 'delivered.picked_up', // picked up by the customer
  Delivered_003: 'delivered.signed',
  Delivered_004: 'delivered.cod',
  Delivered_005: 'delivered.neighbor',
  AvailableForPickup_001: 'available_for_pickup',
  Exception_001: 'exception',
  Exception_002: 'exception.moved',
  Exception_003: 'exception.refused',
  Exception_004: 'exception.customs', // delayed (customs clearance)
  Exception_005: 'exception.delayed', // delayed (external factors)
  Exception_006: 'exception.payment', // held for payment
  Exception_007: 'exception.address',
  Exception_008: 'exception.unclaimed', // pick up missed
  Exception_009: 'exception.carrier_rejected',
  Exception_010: 'return_to_sender', // returning to sender
  Exception_011: 'return_to_sender.returned', // returned to sender
  Exception_012: 'exception.damaged',
  Exception_013: 'exception.lost',
  Exception_016: 'exception.delayed', // delayed (processing issue)
  Exception_017: 'exception.weather', // delayed (extreme weather)
  Exception_018: 'exception.documents', // incorrect / missing documents
  Exception_019: 'exception.delayed', // delayed (late flight)
  Exception_020: 'exception.cancelled',
  Exception_021: 'exception.disposed',
  Expired_001: 'expired',
});

/** AfterShip `tag` (e.g. `Delivered`) and optional `subtag` (e.g. `Delivered_002`). */
export function mapAfterShip(tag: string, subtag?: string | null): MappedStatus | null {
  const main = clean(tag);
  const detail = clean(subtag);
  const raw = rawOf(main ?? '', detail);
  const bySubtag = lookup(AFTERSHIP_SUBTAGS, detail);
  if (bySubtag) return toMapped(bySubtag, raw);
  const byTag = lookup(AFTERSHIP_TAGS, main);
  return byTag ? toMapped(byTag, raw) : null;
}

// ---------------------------------------------------------------------------------------------
// EasyPost: status + status_detail.

const EASYPOST_STATUSES = lowerKeys<Target | null>({
  pre_transit: 'info_received',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'available_for_pickup',
  delivered: 'delivered',
  return_to_sender: 'return_to_sender',
  failure: 'exception',
  cancelled: 'exception.cancelled',
  canceled: 'exception.cancelled',
  error: null, // the tracker failed, not the parcel
  unknown: null,
});

type DetailRule = Partial<Record<ShipmentStatus | '*', Target>>;

/** status_detail refinements, per canonical main status, `*` for any. */
const EASYPOST_DETAILS = lowerKeys<DetailRule>({
  label_created: { info_received: 'info_received.label_created' },
  received_at_origin_facility: { in_transit: 'in_transit.picked_up' },
  arrived_at_facility: { in_transit: 'in_transit.arrived_at_facility' },
  departed_facility: { in_transit: 'in_transit.departed_facility' },
  arrived_at_destination: { in_transit: 'in_transit.at_local_facility' },
  received_at_destination_facility: { in_transit: 'in_transit.at_local_facility' },
  transferred_to_destination_carrier: { in_transit: 'in_transit.handed_over' },
  held: { in_transit: 'in_transit.held' },
  delayed: { in_transit: 'in_transit.delayed', exception: 'exception.delayed' },
  missorted: { in_transit: 'in_transit.delayed' },
  weather_delay: { in_transit: 'in_transit.delayed', exception: 'exception.weather' },
  address_correction: { exception: 'exception.address' },
  awaiting_information: { exception: 'exception.documents' },
  arrived_at_pickup_location: { in_transit: 'available_for_pickup', available_for_pickup: 'available_for_pickup' },
  damaged: { '*': 'exception.damaged' },
  lost: { '*': 'exception.lost' },
  refused: { '*': 'exception.refused' },
  return: { '*': 'return_to_sender' },
  return_to_sender: { '*': 'return_to_sender' },
});

/** EasyPost Tracker `status` and optional `status_detail`. */
export function mapEasyPost(status: string, statusDetail?: string | null): MappedStatus | null {
  const main = clean(status);
  const detail = clean(statusDetail);
  const base = lookup(EASYPOST_STATUSES, main);
  if (base === undefined || base === null) return null;
  const raw = rawOf(main ?? '', detail);
  const baseStatus = base.includes('.') ? statusOfSubstatus(base as ShipmentSubstatus) : (base as ShipmentStatus);
  const rule = lookup(EASYPOST_DETAILS, detail);
  const refined = rule?.[baseStatus] ?? rule?.['*'];
  return toMapped(refined ?? base, raw);
}

// ---------------------------------------------------------------------------------------------
// Shippo: tracking_status.status + tracking_status.substatus.code.

const SHIPPO_STATUSES = lowerKeys<Target | null>({
  PRE_TRANSIT: 'info_received',
  TRANSIT: 'in_transit',
  DELIVERED: 'delivered',
  RETURNED: 'return_to_sender',
  FAILURE: 'exception',
  UNKNOWN: null,
});

const SHIPPO_SUBSTATUSES = lowerKeys<DetailRule>({
  information_received: { info_received: 'info_received' },
  package_accepted: { in_transit: 'in_transit.picked_up' },
  package_arrived: { in_transit: 'in_transit.arrived_at_facility' },
  package_departed: { in_transit: 'in_transit.departed_facility' },
  package_forwarded: { in_transit: 'in_transit.forwarded' },
  package_held: { in_transit: 'in_transit.held' },
  delivery_rescheduled: { in_transit: 'in_transit.rescheduled' },
  delayed: { in_transit: 'in_transit.delayed', exception: 'exception.delayed' },
  out_for_delivery: { in_transit: 'out_for_delivery' },
  delivery_attempted: { in_transit: 'attempt_failed' },
  notice_left: { in_transit: 'attempt_failed.notice_left' },
  location_inaccessible: { in_transit: 'attempt_failed.access' },
  reschedule_delivery: { in_transit: 'attempt_failed' }, // contact the carrier to reschedule
  pickup_available: { in_transit: 'available_for_pickup' },
  address_issue: { '*': 'exception.address' },
  contact_carrier: { in_transit: 'exception' },
  package_damaged: { '*': 'exception.damaged' },
  return_to_sender: { '*': 'return_to_sender' },
  package_unclaimed: { return_to_sender: 'return_to_sender.unclaimed', '*': 'exception.unclaimed' },
  package_undeliverable: { '*': 'exception.undeliverable' },
  package_disposed: { '*': 'exception.disposed' },
  package_lost: { '*': 'exception.lost' },
});

/** Shippo `tracking_status.status` and optional `tracking_status.substatus.code`. */
export function mapShippo(status: string, substatus?: string | null): MappedStatus | null {
  const main = clean(status);
  const detail = clean(substatus);
  const base = lookup(SHIPPO_STATUSES, main);
  if (base === undefined || base === null) return null;
  const baseStatus = base as ShipmentStatus;
  const rule = lookup(SHIPPO_SUBSTATUSES, detail);
  return toMapped(rule?.[baseStatus] ?? rule?.['*'] ?? base, rawOf(main ?? '', detail));
}

// ---------------------------------------------------------------------------------------------
// 17TRACK API v2: track_info.latest_status.status + sub_status.

const TRACK17_STATUSES = lowerKeys<Target>({
  NotFound: 'pending.not_found',
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  Expired: 'expired',
  AvailableForPickup: 'available_for_pickup',
  OutForDelivery: 'out_for_delivery',
  DeliveryFailure: 'attempt_failed',
  Delivered: 'delivered',
  Exception: 'exception',
});

export const TRACK17_SUB_STATUSES = lowerKeys<Target>({
  NotFound_Other: 'pending.not_found',
  NotFound_InvalidCode: 'pending.invalid_number',
  InfoReceived: 'info_received',
  InTransit_PickedUp: 'in_transit.picked_up',
  InTransit_Other: 'in_transit',
  InTransit_Departure: 'in_transit.departed_facility',
  InTransit_Arrival: 'in_transit.arrived_at_facility',
  InTransit_CustomsProcessing: 'in_transit.customs',
  InTransit_CustomsReleased: 'in_transit.customs_cleared',
  InTransit_CustomsRequiringInformation: 'exception.documents', // the recipient must act
  Expired_Other: 'expired',
  AvailableForPickup_Other: 'available_for_pickup',
  OutForDelivery_Other: 'out_for_delivery',
  DeliveryFailure_Other: 'attempt_failed',
  DeliveryFailure_NoBody: 'attempt_failed.no_one_home',
  DeliveryFailure_Security: 'attempt_failed', // security or customs reasons
  DeliveryFailure_Rejected: 'attempt_failed.refused',
  DeliveryFailure_InvalidAddress: 'attempt_failed.address',
  Delivered_Other: 'delivered',
  Exception_Other: 'exception',
  Exception_Returning: 'return_to_sender',
  Exception_Returned: 'return_to_sender.returned',
  Exception_NoBody: 'exception',
  Exception_Security: 'exception.customs',
  Exception_Damage: 'exception.damaged',
  Exception_Rejected: 'exception.refused',
  Exception_Delayed: 'exception.delayed',
  Exception_Lost: 'exception.lost',
  Exception_Destroyed: 'exception.disposed',
  Exception_Cancel: 'exception.cancelled',
});

/** 17TRACK v2 main `status` and optional `sub_status`. */
export function map17Track(status: string, subStatus?: string | null): MappedStatus | null {
  const main = clean(status);
  const detail = clean(subStatus);
  const raw = rawOf(main ?? '', detail);
  const bySub = lookup(TRACK17_SUB_STATUSES, detail);
  if (bySub) return toMapped(bySub, raw);
  const byMain = lookup(TRACK17_STATUSES, main);
  return byMain ? toMapped(byMain, raw) : null;
}

// ---------------------------------------------------------------------------------------------
// Japanese carriers' status words (Yamato, Sagawa, Japan Post tracking pages).

export interface JapaneseStatusWord {
  readonly word: string;
  readonly status: ShipmentStatus;
  readonly substatus?: ShipmentSubstatus;
}

function w(word: string, target: Target): JapaneseStatusWord {
  const { status, substatus } = toMapped(target, word);
  return substatus ? { word, status, substatus } : { word, status };
}

/**
 * Status-deciding words, in precedence order: the first word the text contains decides.
 * The order carries the meaning: returns beat everything (差出人に返送 also contains 発送-like
 * words); completed delivery beats the words that may accompany it (「ご不在のため宅配ボックスに
 * 配達完了」 is a delivery); a changed date beats 持戻 (「持戻（日時場所変更）」 is no failure);
 * 配達完了 is checked before 配達中; 依頼受付 before 受付.
 */
export const JAPANESE_STATUS_WORDS: readonly JapaneseStatusWord[] = Object.freeze([
  // return to sender
  w('返品完了', 'return_to_sender.returned'),
  w('返送完了', 'return_to_sender.returned'),
  w('返送済', 'return_to_sender.returned'),
  w('保管期間経過', 'return_to_sender.unclaimed'),
  w('保管期限切れ', 'return_to_sender.unclaimed'),
  w('差出人に返送', 'return_to_sender'),
  w('差出人へ返送', 'return_to_sender'),
  w('返送', 'return_to_sender'),
  w('返品', 'return_to_sender'),
  w('返還', 'return_to_sender'),
  // the number itself
  w('伝票番号誤り', 'pending.invalid_number'),
  w('伝票番号未登録', 'pending.not_found'),
  w('お問い合わせ番号が見つかりません', 'pending.not_found'),
  // exceptions
  w('調査中', 'exception.investigating'),
  w('紛失', 'exception.lost'),
  w('破損', 'exception.damaged'),
  w('事故', 'exception'),
  w('受取拒否', 'exception.refused'),
  w('受取辞退', 'exception.refused'),
  w('あて所に尋ねあたりません', 'exception.address'),
  w('あて所不明', 'exception.address'),
  w('宛所不明', 'exception.address'),
  w('住所不明', 'exception.address'),
  w('天候', 'exception.weather'),
  // delivered
  w('投函完了', 'delivered.mailbox'),
  w('配達完了', 'delivered'),
  w('配達済', 'delivered'),
  w('お届け済', 'delivered'),
  w('お届け完了', 'delivered'),
  w('お受け取り済', 'delivered.picked_up'),
  w('受け取り済', 'delivered.picked_up'),
  w('受取済', 'delivered.picked_up'),
  w('引渡完了', 'delivered'),
  // a new date or place, asked for by the recipient
  w('日時場所変更', 'in_transit.rescheduled'),
  w('日時変更', 'in_transit.rescheduled'),
  w('配達希望受付', 'in_transit.rescheduled'),
  w('再配達受付', 'in_transit.rescheduled'),
  w('依頼受付', 'in_transit.rescheduled'),
  w('引継', 'in_transit'), // 持戻（引継中）: handed between drivers
  // failed attempt
  w('ご不在', 'attempt_failed.no_one_home'),
  w('不在', 'attempt_failed.no_one_home'),
  w('持ち戻り', 'attempt_failed'),
  w('持戻り', 'attempt_failed'),
  w('持戻', 'attempt_failed'),
  w('持ち帰り', 'attempt_failed'),
  w('持帰り', 'attempt_failed'),
  // held, or waiting to be collected
  w('一時保管', 'in_transit.held'),
  w('配達日・時間帯指定', 'in_transit.held'),
  w('窓口でお渡し', 'available_for_pickup.held_at_office'),
  w('窓口にてお渡し', 'available_for_pickup.held_at_office'),
  w('営業所止め', 'available_for_pickup.held_at_office'),
  w('営業所留め', 'available_for_pickup.held_at_office'),
  w('局留め', 'available_for_pickup.held_at_office'),
  w('ご来店予定', 'available_for_pickup.held_at_office'),
  w('保管中', 'available_for_pickup'),
  w('保管', 'available_for_pickup'),
  // out for delivery
  w('配達中', 'out_for_delivery'),
  w('持ち出し中', 'out_for_delivery'),
  w('持出し中', 'out_for_delivery'),
  w('持出中', 'out_for_delivery'),
  // in transit
  w('遅延', 'in_transit.delayed'),
  w('転送', 'in_transit.forwarded'),
  w('委託先引渡', 'in_transit.handed_over'),
  w('通関許可', 'in_transit.customs_cleared'),
  w('輸入許可', 'in_transit.customs_cleared'),
  w('通関', 'in_transit.customs'),
  w('配達準備', 'in_transit.at_local_facility'),
  w('配達店到着', 'in_transit.at_local_facility'),
  w('配達担当', 'in_transit.at_local_facility'),
  w('集荷', 'in_transit.picked_up'),
  w('作業店通過', 'in_transit.departed_facility'),
  w('発送', 'in_transit.departed_facility'),
  w('輸送中', 'in_transit'),
  w('中継', 'in_transit.arrived_at_facility'),
  w('到着', 'in_transit.arrived_at_facility'),
  w('通過', 'in_transit.departed_facility'),
  // accepted by the carrier
  w('荷物受付', 'info_received'),
  w('引受', 'info_received'),
  w('受付', 'info_received'),
]);

/**
 * Details that refine a status decided without a substatus (`配達完了` + `宅配ボックス` →
 * `delivered.locker`). Only a detail of the decided status applies; the first one found wins.
 */
export const JAPANESE_SUBSTATUS_WORDS: readonly { readonly word: string; readonly substatus: ShipmentSubstatus }[] =
  Object.freeze([
    { word: '宅配ボックス', substatus: 'delivered.locker' },
    { word: '宅配BOX', substatus: 'delivered.locker' },
    { word: '宅配ロッカー', substatus: 'delivered.locker' },
    { word: '宅配ロッカー', substatus: 'available_for_pickup.locker' },
    { word: 'PUDO', substatus: 'available_for_pickup.locker' },
    { word: 'ロッカー', substatus: 'available_for_pickup.locker' },
    { word: 'コンビニ', substatus: 'available_for_pickup.store' },
    { word: '店頭', substatus: 'available_for_pickup.store' },
    { word: '営業所', substatus: 'available_for_pickup.held_at_office' },
    { word: 'センター', substatus: 'available_for_pickup.held_at_office' },
    { word: '郵便局', substatus: 'available_for_pickup.held_at_office' },
    { word: '窓口', substatus: 'available_for_pickup.held_at_office' },
    { word: '担当店', substatus: 'available_for_pickup.held_at_office' },
    { word: '投函', substatus: 'delivered.mailbox' },
    { word: '郵便受', substatus: 'delivered.mailbox' },
    { word: 'ポスト', substatus: 'delivered.mailbox' },
    { word: '置き配', substatus: 'delivered.safe_place' },
    { word: '指定場所', substatus: 'delivered.safe_place' },
    { word: '管理人', substatus: 'delivered.reception' },
    { word: 'フロント', substatus: 'delivered.reception' },
    { word: '隣', substatus: 'delivered.neighbor' },
    { word: '近所', substatus: 'delivered.neighbor' },
    { word: '代引', substatus: 'delivered.cod' },
    { word: '代金引換', substatus: 'delivered.cod' },
    { word: '不在連絡票', substatus: 'attempt_failed.notice_left' },
    { word: '不在', substatus: 'attempt_failed.no_one_home' },
    { word: '休業', substatus: 'attempt_failed.business_closed' },
    { word: '営業時間外', substatus: 'attempt_failed.business_closed' },
  ]);

/** Width-fold (NFKC: ＢＯＸ → BOX, ｶﾅ → カナ), drop spaces, upper-case Latin letters. */
function normalizeJapanese(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

const normalizedKeys = <T extends { readonly word: string }>(entries: readonly T[]) =>
  entries.map((entry) => ({ key: normalizeJapanese(entry.word), entry }));
const STATUS_WORDS_NORMALIZED = normalizedKeys(JAPANESE_STATUS_WORDS);
const SUBSTATUS_WORDS_NORMALIZED = normalizedKeys(JAPANESE_SUBSTATUS_WORDS);

/**
 * A Japanese carrier status text (「配達完了」, 「ご不在のため持ち戻り」, 「お届け先にお届け済み」)
 * → canonical status, or null when no known word occurs. Words are matched as substrings in the
 * precedence order of JAPANESE_STATUS_WORDS.
 *
 * After a return to the sender, Japan Post reports the arrival at the sender as 「お届け済み」:
 * this maps to `delivered`, and the shipment state machine, which sees the earlier
 * `return_to_sender`, must read it as the end of the return.
 */
export function mapJapaneseStatusText(text: string): MappedStatus | null {
  const raw = text.trim();
  const normalized = normalizeJapanese(text);
  if (normalized === '') return null;
  const hit = STATUS_WORDS_NORMALIZED.find((entry) => normalized.includes(entry.key))?.entry;
  if (!hit) return null;
  if (hit.substatus) return { status: hit.status, substatus: hit.substatus, raw };
  const detail = SUBSTATUS_WORDS_NORMALIZED.find(
    ({ key, entry }) => statusOfSubstatus(entry.substatus) === hit.status && normalized.includes(key),
  )?.entry;
  return detail ? { status: hit.status, substatus: detail.substatus, raw } : { status: hit.status, raw };
}
