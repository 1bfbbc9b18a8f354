import { statusLabel, type ShipmentStatus, type ShipmentSubstatus } from '../tracking/statuses.ts';
import type { MessageContext, MessageItem } from './message-context.ts';
import type { Locale, Trigger } from './triggers.ts';

/**
 * A realistic MessageContext for tests and template previews: a Tokyo store, a two-item order
 * (one final sale), a Yamato shipment and a pickup location, with the parts a trigger needs.
 */

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object | null ? DeepPartial<NonNullable<T[K]>> | null : T[K] };

const ITEMS: MessageItem[] = [
  {
    title: '有田焼 マグカップ',
    variantTitle: '藍色 / 350ml',
    quantity: 2,
    unitPrice: 3300,
    imageUrl: 'https://cdn.example.com/products/mug-indigo.jpg',
    finalSale: false,
  },
  {
    title: '今治タオル フェイスタオル',
    variantTitle: null,
    quantity: 1,
    unitPrice: 1980,
    imageUrl: null,
    finalSale: true,
  },
];

const STATUS_OF: Partial<Record<Trigger, [ShipmentStatus, ShipmentSubstatus?]>> = {
  'shipment.shipped': ['in_transit', 'in_transit.picked_up'],
  'shipment.arriving_tomorrow': ['in_transit', 'in_transit.at_local_facility'],
  'shipment.out_for_delivery': ['out_for_delivery'],
  'shipment.delayed': ['in_transit', 'in_transit.delayed'],
  'shipment.early': ['in_transit'],
  'shipment.attempt_failed': ['attempt_failed', 'attempt_failed.notice_left'],
  'shipment.delivered': ['delivered', 'delivered.safe_place'],
};

export function makeMessageContext(trigger: Trigger = 'order.confirmed', locale: Locale = 'ja', overrides: DeepPartial<MessageContext> = {}): MessageContext {
  const isPickup = trigger.startsWith('pickup.');
  const status = STATUS_OF[trigger];
  const base: MessageContext = {
    trigger,
    locale,
    store: {
      name: '暮らしの道具 こより',
      timezone: 'Asia/Tokyo',
      brand: { logoUrl: 'https://cdn.example.com/kotoyori/logo.png', primaryColor: '#1f3a5f', accentColor: '#e07a2e' },
      support: { email: 'support@kotoyori.example.jp', phone: '03-1234-5678', url: 'https://kotoyori.example.jp/contact', lineId: '@kotoyori' },
      policies: {
        cancellation: locale === 'ja' ? '発送前のご注文はキャンセルいただけます。' : 'Orders can be cancelled until they ship.',
        returns: locale === 'ja' ? '商品到着後14日以内であれば、未使用品に限り返品を承ります。' : 'Unused items can be returned within 14 days of delivery.',
        returnsUrl: 'https://kotoyori.example.jp/policies/returns',
      },
    },
    customer: { name: locale === 'ja' ? '山田 花子' : 'Hanako Yamada' },
    order: {
      number: '#1042',
      placedAt: '2026-11-17T01:30:00Z',
      currency: 'JPY',
      items: ITEMS,
      totals: { subtotal: 8580, shipping: 600, tax: 780, discount: 500, total: 9460 },
      deliveryMethod: isPickup ? 'pickup' : 'ship',
      requestedDeliveryDate: isPickup ? null : '2026-11-20',
      requestedTimeSlot: isPickup ? null : '14-16',
      fulfillmentNote: locale === 'ja' ? 'フェイスタオルはお取り寄せのため、11月下旬の発送となります。' : 'The face towel is on backorder and will ship in late November.',
      processingDays: 2,
      estimatedDelivery: '2026-11-20',
      hasFinalSale: true,
    },
    shipment: status
      ? {
          carrierName: locale === 'ja' ? 'ヤマト運輸' : 'Yamato Transport',
          trackingNumber: '4912-3456-7890',
          trackingUrl: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=491234567890',
          estimatedDelivery: trigger === 'shipment.delayed' ? '2026-11-23' : trigger === 'shipment.early' ? '2026-11-19' : '2026-11-20',
          previousEstimate: trigger === 'shipment.delayed' || trigger === 'shipment.early' ? '2026-11-20' : null,
          redeliveryUrl: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=491234567890',
          statusLabel: statusLabel(status[0], status[1], locale),
          items: ITEMS,
        }
      : null,
    pickup: isPickup
      ? {
          location: { name: locale === 'ja' ? 'こより 蔵前店' : 'Kotoyori Kuramae', address: locale === 'ja' ? '東京都台東区蔵前2-1-1' : '2-1-1 Kuramae, Taito-ku, Tokyo', phone: '03-1234-5679' },
          hours: locale === 'ja' ? '11:00〜19:00（火曜定休）' : '11am–7pm, closed Tuesdays',
          directions: locale === 'ja' ? '都営浅草線 蔵前駅A1出口から徒歩3分' : '3 minutes on foot from Kuramae Station (Asakusa Line), exit A1',
          parking: locale === 'ja' ? '専用駐車場はございません。近隣のコインパーキングをご利用ください。' : 'No store parking; there are paid car parks nearby.',
          whatToBring: locale === 'ja' ? '注文番号がわかるもの（このメールの画面など）' : 'Your order number (this email on your phone is fine)',
          holdUntil: '2026-11-27T10:00:00Z',
          onMyWayUrl: 'https://kotoyori.example.jp/t/abc123/on-my-way',
          qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        }
      : null,
    links: {
      trackingPage: 'https://kotoyori.example.jp/t/abc123',
      preferences: 'https://kotoyori.example.jp/p/abc123',
      unsubscribe: 'https://kotoyori.example.jp/u/abc123',
    },
    cancellation:
      trigger === 'order.cancelled'
        ? {
            items: [ITEMS[1]!],
            refundAmount: 2178,
            refundEta: '2026-11-27',
            reason: locale === 'ja' ? '在庫切れのため' : 'Out of stock',
            goodwillCode: 'SORRY10',
            goodwillOffer: locale === 'ja' ? '次回のお買い物で10%OFF（12月31日まで）' : '10% off your next order (until Dec 31)',
          }
        : null,
  };
  return merge(base, overrides) as MessageContext;
}

function merge(target: unknown, patch: unknown): unknown {
  if (patch === undefined) return target;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return patch;
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
  return out;
}
