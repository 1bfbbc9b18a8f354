import { describe, expect, it } from 'vitest';
import { ShipmentInputSchema } from '../../../core/shipment/shipment.input.ts';
import { shopifyFixture } from './fixtures.test-support.ts';
import { carrierFromTrackingCompany, mapShopifyFulfillment, shipmentStatusOf } from './fulfillment.mapper.ts';
import { parseJsonKeepingLargeIntegers } from './json.ts';

const load = (name: string) => parseJsonKeepingLargeIntegers(shopifyFixture(name)) as Record<string, unknown>;

describe('mapShopifyFulfillment', () => {
  it('maps a Yamato fulfillment of some lines', () => {
    const { orderExternalId, shipment } = mapShopifyFulfillment(load('fulfillments-create.yamato.json'));
    expect(orderExternalId).toBe('5764607523034234881');
    expect(shipment).toEqual({
      externalId: '5764607523034239001',
      carrier: 'yamato',
      trackingNumber: '4567-8901-2345',
      trackingUrl: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=456789012345',
      status: 'info_received',
      items: [{ lineItemExternalId: '9007199254740993', quantity: 2 }],
      shippedAt: '2026-11-20T10:05:00+09:00',
      cancelled: false,
    });
    expect(ShipmentInputSchema.safeParse(shipment).success).toBe(true);
  });

  it('keeps a tracking number that is not valid for the carrier, and omits an absent status', () => {
    const { shipment } = mapShopifyFulfillment(load('fulfillments-create.bogus-tracking.json'));
    expect(shipment.trackingNumber).toBe('お問い合わせ番号なし-XYZ');
    expect(shipment.carrier).toBe('sagawa');
    expect(shipment).not.toHaveProperty('status');
    expect(shipment).not.toHaveProperty('trackingUrl');
  });

  it('uses tracking_numbers when tracking_number is absent and marks cancelled fulfillments', () => {
    const f = load('fulfillments-create.yamato.json');
    f.tracking_number = null;
    f.tracking_numbers = ['', '777788889999'];
    f.tracking_url = 'not a url';
    f.status = 'cancelled';
    const { shipment } = mapShopifyFulfillment(f);
    expect(shipment.trackingNumber).toBe('777788889999');
    expect(shipment.trackingUrl).toBeUndefined();
    expect(shipment.cancelled).toBe(true);
    f.status = 'error';
    expect(mapShopifyFulfillment(f).shipment.cancelled).toBe(true);
  });

  it('maps carrier names', () => {
    expect(carrierFromTrackingCompany('Yamato (JA)')).toBe('yamato');
    expect(carrierFromTrackingCompany('Yamato')).toBe('yamato');
    expect(carrierFromTrackingCompany('Sagawa (JA)')).toBe('sagawa');
    expect(carrierFromTrackingCompany('Sagawa')).toBe('sagawa');
    expect(carrierFromTrackingCompany('Japan Post (JA)')).toBe('japan_post');
    expect(carrierFromTrackingCompany('Japan Post (EN)')).toBe('japan_post');
    expect(carrierFromTrackingCompany('UPS')).toBe('ups');
    expect(carrierFromTrackingCompany('FedEx')).toBe('fedex');
    expect(carrierFromTrackingCompany('USPS')).toBe('usps');
    expect(carrierFromTrackingCompany('DHL Express')).toBe('dhl');
    expect(carrierFromTrackingCompany('Royal Mail')).toBe('royal_mail');
    expect(carrierFromTrackingCompany('  ')).toBeUndefined();
    expect(carrierFromTrackingCompany(null)).toBeUndefined();
  });

  it('maps every shipment_status', () => {
    expect(
      ['label_printed', 'label_purchased', 'confirmed', 'in_transit', 'out_for_delivery', 'attempted_delivery', 'ready_for_pickup', 'picked_up', 'delivered', 'failure', 'something_new', null].map(
        shipmentStatusOf,
      ),
    ).toEqual(['info_received', 'info_received', 'info_received', 'in_transit', 'out_for_delivery', 'attempt_failed', 'available_for_pickup', 'delivered', 'delivered', 'exception', undefined, undefined]);
  });
});
