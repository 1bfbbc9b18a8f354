import type { Order } from '../core/order/order.types.ts';
import type { Repos } from '../core/ports.ts';
import type { DeliveryEstimate, Shipment } from '../core/shipment/shipment.types.ts';
import type { Store } from '../core/store/store.types.ts';
import { estimateDelivery, transitStats, type Lane } from '../core/tracking/predict.ts';
import { storeCalendar } from './shipment-timers.ts';

/** How many of a carrier's latest deliveries the estimate learns from. */
const HISTORY_LIMIT = 1000;

function destinationOf(order: Pick<Order, 'shippingAddress'>): string {
  const a = order.shippingAddress;
  if (!a) return '';
  if (a.country && a.country !== 'JP' && a.country !== 'US') return a.country;
  return a.regionCode ?? a.region ?? a.postalCode?.slice(0, 3) ?? '';
}

/**
 * The expected delivery of a shipment: the carrier's date when it gave one; else learned from this
 * store's own deliveries by lane, service and carrier; else the rules (handling, cut-off, transit
 * by distance, holidays). See docs/delivery-prediction.md.
 */
export async function estimateShipment(r: Repos, store: Store, order: Order, s: Shipment): Promise<DeliveryEstimate | null> {
  if (!s.carrier && !s.carrierEstimate) return null;
  const calendar = storeCalendar(store);
  const from = store.settings.origin.region ?? '';
  const samples = s.carrier && !s.carrierEstimate ? await r.shipments.deliveredSamples(store.id, s.carrier, HISTORY_LIMIT) : [];
  const history = samples.length
    ? transitStats(
        samples.map((x) => ({
          carrier: s.carrier!,
          service: x.service ?? undefined,
          from,
          to: destinationOf({ shippingAddress: x.destination }),
          shippedAt: x.shippedAt,
          deliveredAt: x.deliveredAt,
          timeZone: store.timezone,
          calendar,
        })),
      )
    : null;
  const lane: Lane = { from, to: destinationOf(order) };
  const e = estimateDelivery({
    shippedAt: s.shippedAt ?? undefined,
    placedAt: order.placedAt,
    timeZone: store.timezone,
    calendar,
    storeHolidays: store.settings.holidays,
    cutoffTime: store.settings.cutoffTime,
    handlingDays: store.settings.handlingDays,
    carrier: s.carrier ?? 'unknown',
    service: s.service ?? undefined,
    lane,
    carrierEstimate: s.carrierEstimate,
    history,
  });
  return { earliest: e.earliest, latest: e.latest, confidence: Math.round(e.confidence * 100) / 100, source: e.source };
}
