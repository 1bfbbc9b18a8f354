import { describe, expect, it } from 'vitest';
import {
  CARRIER_CODES,
  carrierCodeSchema,
  getCarrier,
  isCarrierCode,
  listCarriers,
  normalizeTrackingNumber,
  redeliveryUrl,
  trackingUrl,
} from './carriers.ts';

describe('carrier registry', () => {
  it('holds every carrier once, Japanese carriers first', () => {
    const codes = listCarriers().map((c) => c.code);
    expect(codes).toEqual([...CARRIER_CODES]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.slice(0, 5)).toEqual(['yamato', 'sagawa', 'japan_post', 'seino', 'fukuyama']);
    for (const code of ['ups', 'fedex', 'usps', 'dhl', 'ontrac', 'amazon', 'canada_post', 'lasership', 'purolator']) {
      expect(codes).toContain(code);
    }
  });

  it('uses lower snake codes and names every carrier in Japanese and English', () => {
    for (const c of listCarriers()) {
      expect(c.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(c.name.ja.length).toBeGreaterThan(0);
      expect(c.name.en.length).toBeGreaterThan(0);
      expect(c.trackingUrl.ja).toMatch(/^https:\/\/[^ ]+\{number\}/);
      if (c.trackingUrl.en) expect(c.trackingUrl.en).toContain('{number}');
    }
    expect(getCarrier('yamato')?.name).toEqual({ ja: 'ヤマト運輸', en: 'Yamato Transport' });
    expect(getCarrier('japan_post')?.name.ja).toBe('日本郵便');
    expect(getCarrier('sagawa')?.name.ja).toBe('佐川急便');
  });

  it('looks codes up exactly', () => {
    expect(getCarrier('ups')?.code).toBe('ups');
    expect(getCarrier('UPS')).toBeUndefined();
    expect(getCarrier('kuroneko')).toBeUndefined();
    expect(isCarrierCode('canada_post')).toBe(true);
    expect(isCarrierCode('royal_mail')).toBe(false);
    expect(carrierCodeSchema.safeParse('seino').success).toBe(true);
    expect(carrierCodeSchema.safeParse('Seino').success).toBe(false);
  });

  it('marks the carriers whose numbers cannot be recognised', () => {
    const undetectable = listCarriers().filter((c) => !c.detectable).map((c) => c.code);
    expect(undetectable).toEqual(['seino', 'fukuyama']);
  });
});

describe('normalizeTrackingNumber', () => {
  it('strips spaces and hyphens of every width', () => {
    expect(normalizeTrackingNumber('1234-5678-9013')).toBe('123456789013');
    expect(normalizeTrackingNumber(' 1234 5678 9013 ')).toBe('123456789013');
    expect(normalizeTrackingNumber('1234ー5678ー9013')).toBe('123456789013');
    expect(normalizeTrackingNumber('1234‐5678－9013')).toBe('123456789013');
    expect(normalizeTrackingNumber('1234ｰ5678−9013')).toBe('123456789013');
    expect(normalizeTrackingNumber('1234\u30005678\t9013')).toBe('123456789013');
  });

  it('turns full-width digits and letters into upper-case ASCII', () => {
    expect(normalizeTrackingNumber('１２３４－５６７８－９０１３')).toBe('123456789013');
    expect(normalizeTrackingNumber('ｅｊ１２３４５６７８５ｊｐ')).toBe('EJ123456785JP');
    expect(normalizeTrackingNumber('1z5r89390357567127')).toBe('1Z5R89390357567127');
  });

  it('keeps other characters, so that they can be rejected', () => {
    expect(normalizeTrackingNumber('1234/5678')).toBe('1234/5678');
  });
});

describe('trackingUrl', () => {
  it('fills the normalised number into the carrier page', () => {
    expect(trackingUrl('yamato', '1234-5678-9013')).toBe(
      'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789013',
    );
    expect(trackingUrl('sagawa', '１２３４５６７８９０１３')).toBe(
      'https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789013',
    );
    expect(trackingUrl('usps', '9400 1112 0255 5842 3326 69')).toBe(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111202555842332669',
    );
  });

  it('uses the English page when there is one', () => {
    expect(trackingUrl('japan_post', 'EJ123456785JP', 'ja')).toBe(
      'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=EJ123456785JP&locale=ja',
    );
    expect(trackingUrl('japan_post', 'EJ123456785JP', 'en')).toBe(
      'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=EJ123456785JP&locale=en',
    );
    expect(trackingUrl('fedex', '986578788855', 'en')).toBe(trackingUrl('fedex', '986578788855', 'ja'));
  });

  it('encodes what it fills in', () => {
    expect(trackingUrl('fukuyama', 'A&B')).toBe('https://corp.fukutsu.co.jp/situation/tracking_no_hunt/A%26B');
  });

  it('knows no page for an unknown carrier', () => {
    expect(trackingUrl('pigeon', '123')).toBeNull();
  });
});

describe('redeliveryUrl', () => {
  it('links Japan Post to its redelivery form, with or without a number', () => {
    expect(redeliveryUrl('japan_post')).toBe('https://trackings.post.japanpost.jp/delivery/deli/');
    expect(redeliveryUrl('japan_post', '123456789013')).toBe('https://trackings.post.japanpost.jp/delivery/deli/');
  });

  it('links Yamato and Sagawa to the tracking result of the parcel', () => {
    expect(redeliveryUrl('yamato', '1234-5678-9013')).toBe(
      'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789013',
    );
    expect(redeliveryUrl('sagawa', '123456789013')).toBe(
      'https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789013',
    );
    expect(getCarrier('yamato')?.redelivery?.viaTrackingPage).toBe(true);
    expect(getCarrier('japan_post')?.redelivery?.viaTrackingPage).toBe(false);
  });

  it('falls back to the number entry form when no number is known', () => {
    expect(redeliveryUrl('yamato')).toBe('https://toi.kuronekoyamato.co.jp/cgi-bin/tneko');
    expect(redeliveryUrl('sagawa', ' ')).toBe('https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp');
  });

  it('has none for carriers without a redelivery page', () => {
    expect(redeliveryUrl('ups', '1Z5R89390357567127')).toBeNull();
    expect(redeliveryUrl('seino')).toBeNull();
    expect(redeliveryUrl('pigeon')).toBeNull();
  });
});
