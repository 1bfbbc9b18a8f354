import { z } from 'zod';

/**
 * Canonical shipment statuses. Every carrier and aggregator code is mapped to one of these
 * (see status-map.ts), with an optional substatus written as `status.detail`
 * (`delivered.neighbor`, `exception.damaged`, `in_transit.delayed`).
 */
export const SHIPMENT_STATUSES = [
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_failed',
  'available_for_pickup',
  'delivered',
  'exception',
  'return_to_sender',
  'expired',
] as const;

export const shipmentStatusSchema = z.enum(SHIPMENT_STATUSES);
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** A shopper-facing text in both languages every customer-facing string must exist in. */
export interface Label {
  readonly ja: string;
  readonly en: string;
}
export type Locale = keyof Label;

/**
 * The catalogue: each status with its label and its substatuses (detail → label).
 * Labels speak to the shopper, not to the merchant.
 */
const CATALOG = {
  pending: {
    label: { ja: '追跡情報の登録待ち', en: 'Awaiting tracking info' },
    sub: {
      not_found: { ja: '追跡情報がまだありません', en: 'No tracking info yet' },
      invalid_number: { ja: 'お問い合わせ番号が確認できません', en: 'Tracking number not recognised' },
    },
  },
  info_received: {
    label: { ja: '発送手続き済み', en: 'Shipping info received' },
    sub: {
      label_created: { ja: '送り状作成済み', en: 'Label created' },
    },
  },
  in_transit: {
    label: { ja: '輸送中', en: 'In transit' },
    sub: {
      picked_up: { ja: '集荷済み', en: 'Picked up' },
      arrived_at_facility: { ja: '配送拠点に到着', en: 'Arrived at a facility' },
      departed_facility: { ja: '配送拠点から発送', en: 'Left a facility' },
      at_local_facility: { ja: 'お届け先の担当店に到着', en: 'At the local delivery office' },
      arrived_in_country: { ja: 'お届け先の国に到着', en: 'Arrived in the destination country' },
      customs: { ja: '通関手続き中', en: 'In customs' },
      customs_cleared: { ja: '通関手続き完了', en: 'Cleared customs' },
      handed_over: { ja: '配達業者へ引き継ぎ', en: 'Handed to the delivery partner' },
      forwarded: { ja: '転送されました', en: 'Forwarded' },
      held: { ja: '一時保管中', en: 'Held by the carrier' },
      rescheduled: { ja: 'お届け日時の変更を承りました', en: 'Delivery rescheduled' },
      delayed: { ja: '配送が遅れています', en: 'Delayed' },
    },
  },
  out_for_delivery: {
    label: { ja: '配達中', en: 'Out for delivery' },
    sub: {
      contacted: { ja: '配達前にご連絡しました', en: 'Carrier contacted you' },
      appointment: { ja: 'お届け日時を調整済み', en: 'Delivery appointment set' },
    },
  },
  attempt_failed: {
    label: { ja: 'お届けできませんでした', en: 'Delivery attempted' },
    sub: {
      no_one_home: { ja: 'ご不在のため持ち帰り', en: 'No one was home' },
      notice_left: { ja: 'ご不在連絡票を投函しました', en: 'Notice left' },
      business_closed: { ja: '営業時間外のため持ち帰り', en: 'Business was closed' },
      access: { ja: 'お届け先に入れませんでした', en: 'Could not access the address' },
      address: { ja: 'ご住所が確認できず持ち帰り', en: 'Address problem' },
      refused: { ja: 'お受け取りを辞退されました', en: 'Refused at the door' },
    },
  },
  available_for_pickup: {
    label: { ja: 'お受け取りいただけます', en: 'Ready for pickup' },
    sub: {
      held_at_office: { ja: '営業所・郵便局で保管中', en: 'Held at the carrier office' },
      locker: { ja: '宅配ロッカーでお受け取りいただけます', en: 'Ready in a parcel locker' },
      store: { ja: 'コンビニ・店舗でお受け取りいただけます', en: 'Ready at a pickup store' },
    },
  },
  delivered: {
    label: { ja: 'お届け済み', en: 'Delivered' },
    sub: {
      signed: { ja: '手渡しでお届け済み', en: 'Delivered and signed for' },
      picked_up: { ja: 'お受け取り済み', en: 'Picked up' },
      neighbor: { ja: 'ご近所の方へお届け済み', en: 'Delivered to a neighbour' },
      locker: { ja: '宅配ボックスへお届け済み', en: 'Delivered to a parcel box' },
      mailbox: { ja: '郵便受けへお届け済み', en: 'Delivered to your mailbox' },
      safe_place: { ja: '指定場所へお届け済み（置き配）', en: 'Left in a safe place' },
      reception: { ja: '管理人・受付へお届け済み', en: 'Delivered to reception' },
      cod: { ja: '代金引換でお届け済み', en: 'Delivered, payment collected' },
    },
  },
  exception: {
    label: { ja: 'お届けに問題が発生しました', en: 'Delivery problem' },
    sub: {
      damaged: { ja: 'お荷物が破損しました', en: 'Package damaged' },
      lost: { ja: 'お荷物が見つかりません', en: 'Package lost' },
      weather: { ja: '悪天候の影響で遅れています', en: 'Weather delay' },
      address: { ja: 'お届け先住所に不備があります', en: 'Address problem' },
      refused: { ja: 'お受け取りを辞退されました', en: 'Delivery refused' },
      moved: { ja: '転居のためお届けできません', en: 'Recipient moved' },
      customs: { ja: '税関で保留されています', en: 'Held at customs' },
      documents: { ja: '必要書類の確認中です', en: 'Documents needed' },
      payment: { ja: 'お支払い待ちで保留中', en: 'Held for payment' },
      unclaimed: { ja: '保管期限までにお受け取りがありませんでした', en: 'Not collected in time' },
      carrier_rejected: { ja: '配送業者が引き受けできませんでした', en: 'Rejected by the carrier' },
      undeliverable: { ja: 'お届けできない状態です', en: 'Undeliverable' },
      delayed: { ja: '配送が大幅に遅れています', en: 'Seriously delayed' },
      investigating: { ja: '配送業者が調査中です', en: 'Under investigation' },
      cancelled: { ja: '配送が取り消されました', en: 'Shipment cancelled' },
      disposed: { ja: 'お荷物が廃棄されました', en: 'Package disposed of' },
    },
  },
  return_to_sender: {
    label: { ja: '差出人へ返送中', en: 'Returning to sender' },
    sub: {
      returned: { ja: '差出人へ返送済み', en: 'Returned to sender' },
      unclaimed: { ja: '保管期限が過ぎたため返送', en: 'Not collected, returned' },
    },
  },
  expired: {
    label: { ja: '追跡期限切れ', en: 'Tracking expired' },
    sub: {},
  },
} as const satisfies Record<ShipmentStatus, { label: Label; sub: Record<string, Label> }>;

type Catalog = typeof CATALOG;

/** Every `status.detail` string, e.g. `delivered.neighbor`. */
export type ShipmentSubstatus = {
  [S in ShipmentStatus]: `${S}.${keyof Catalog[S]['sub'] & string}`;
}[ShipmentStatus];

export const SHIPMENT_SUBSTATUSES: readonly ShipmentSubstatus[] = Object.freeze(
  SHIPMENT_STATUSES.flatMap((status) =>
    Object.keys(CATALOG[status].sub).map((detail) => `${status}.${detail}` as ShipmentSubstatus),
  ),
);

export const shipmentSubstatusSchema = z.enum(
  SHIPMENT_SUBSTATUSES as unknown as [ShipmentSubstatus, ...ShipmentSubstatus[]],
);

export const STATUS_LABELS: Readonly<Record<ShipmentStatus, Label>> = Object.freeze(
  Object.fromEntries(SHIPMENT_STATUSES.map((s) => [s, CATALOG[s].label])) as Record<ShipmentStatus, Label>,
);

export const SUBSTATUS_LABELS: Readonly<Record<ShipmentSubstatus, Label>> = Object.freeze(
  Object.fromEntries(
    SHIPMENT_SUBSTATUSES.map((sub) => {
      const [status, detail] = splitSubstatus(sub);
      return [sub, (CATALOG[status].sub as Record<string, Label>)[detail]];
    }),
  ) as Record<ShipmentSubstatus, Label>,
);

function splitSubstatus(sub: ShipmentSubstatus): [ShipmentStatus, string] {
  const dot = sub.indexOf('.');
  return [sub.slice(0, dot) as ShipmentStatus, sub.slice(dot + 1)];
}

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === 'string' && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

export function isShipmentSubstatus(value: unknown): value is ShipmentSubstatus {
  return typeof value === 'string' && (SHIPMENT_SUBSTATUSES as readonly string[]).includes(value);
}

/** The status a substatus belongs to (`delivered.neighbor` → `delivered`). */
export function statusOfSubstatus(sub: ShipmentSubstatus): ShipmentStatus {
  return splitSubstatus(sub)[0];
}

/**
 * Position on a progress bar, from 0 (pending) to PROGRESS_MAX (delivered).
 * Off-path statuses sit where they usually happen: an exception or a return starts while the
 * parcel is in the carrier's network (in transit), and an expired tracking also stopped there.
 * A progress bar should show the highest rank reached over the timeline, and colour off-path
 * statuses differently (see isOffPath).
 */
export const PROGRESS_RANK: Readonly<Record<ShipmentStatus, number>> = Object.freeze({
  pending: 0,
  info_received: 1,
  in_transit: 2,
  exception: 2,
  return_to_sender: 2,
  expired: 2,
  out_for_delivery: 3,
  attempt_failed: 3,
  available_for_pickup: 4,
  delivered: 5,
});
export const PROGRESS_MAX = PROGRESS_RANK.delivered;

export function progressRank(status: ShipmentStatus): number {
  return PROGRESS_RANK[status];
}

const OFF_PATH: ReadonlySet<ShipmentStatus> = new Set(['exception', 'return_to_sender', 'expired', 'attempt_failed']);

/** Statuses that are not a step on the way to the shopper and deserve attention. */
export function isOffPath(status: ShipmentStatus): boolean {
  return OFF_PATH.has(status);
}

/** No further progress towards the shopper is expected: polling may stop. */
export const TERMINAL_STATUSES: readonly ShipmentStatus[] = Object.freeze(['delivered', 'return_to_sender', 'expired']);

/** Exceptions that end the journey even though the status itself is not terminal. */
const TERMINAL_SUBSTATUSES: ReadonlySet<ShipmentSubstatus> = new Set([
  'exception.lost',
  'exception.cancelled',
  'exception.disposed',
]);

/**
 * Whether tracking is over. Terminal does not mean final for ever: carriers do correct
 * themselves (a "lost" parcel is found), and the shipment state machine still accepts later
 * events ordered by their own timestamps.
 */
export function isTerminal(status: ShipmentStatus, substatus?: ShipmentSubstatus): boolean {
  if (TERMINAL_STATUSES.includes(status)) return true;
  return substatus !== undefined && TERMINAL_SUBSTATUSES.has(substatus);
}

/** The shopper-facing label: the substatus's when it belongs to the status, else the status's. */
export function statusLabel(status: ShipmentStatus, substatus: ShipmentSubstatus | undefined, locale: Locale): string {
  if (substatus !== undefined && statusOfSubstatus(substatus) === status) return SUBSTATUS_LABELS[substatus][locale];
  return STATUS_LABELS[status][locale];
}
