import { z } from 'zod';
import type { Label, Locale } from './statuses.ts';

/**
 * The carrier registry: names, public tracking pages and, where the carrier has one, the page
 * where the shopper asks for a redelivery or a change of delivery date.
 *
 * URL templates use `{number}` for the (normalised, URL-encoded) tracking number. Sources for the
 * URLs are noted beside each entry; they are the carriers' public pages, which carriers do move:
 * a broken link is fixed here, in one place.
 */
export const CARRIER_CODES = [
  'yamato',
  'sagawa',
  'japan_post',
  'seino',
  'fukuyama',
  'ups',
  'fedex',
  'usps',
  'dhl',
  'ontrac',
  'lasership',
  'amazon',
  'canada_post',
  'purolator',
] as const;

export const carrierCodeSchema = z.enum(CARRIER_CODES);
export type CarrierCode = (typeof CARRIER_CODES)[number];

export interface RedeliveryPage {
  /** Template; `{number}` is replaced when the page takes the number, else the URL is used as is. */
  readonly url: string;
  /** The page to offer when the template needs a number and none is known. */
  readonly withoutNumber?: string;
  /**
   * True when the link is the carrier's tracking result page, from which the shopper asks for a
   * redelivery or a new date, rather than a dedicated redelivery form.
   */
  readonly viaTrackingPage: boolean;
}

export interface Carrier {
  readonly code: CarrierCode;
  readonly name: Label;
  /** Home country of the carrier (ISO 3166-1 alpha-2). */
  readonly country: 'JP' | 'US' | 'CA' | 'DE';
  /** Tracking page per locale; `en` falls back to `ja` when the carrier has one page only. */
  readonly trackingUrl: { readonly ja: string; readonly en?: string };
  readonly redelivery?: RedeliveryPage;
  /** Whether detectCarriers can recognise its numbers (seino, fukuyama: formats not published). */
  readonly detectable: boolean;
}

const YAMATO_TRACKING = 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01={number}';
const SAGAWA_TRACKING = 'https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={number}';
const ONTRAC_TRACKING = 'https://www.ontrac.com/tracking/?number={number}';

const CARRIERS: readonly Carrier[] = Object.freeze([
  {
    code: 'yamato',
    name: { ja: 'ヤマト運輸', en: 'Yamato Transport' },
    country: 'JP',
    // Yamato's long-standing public inquiry page (荷物お問い合わせシステム) accepts the number as
    // number01 with number00=1 (detailed history) on a plain GET.
    trackingUrl: { ja: YAMATO_TRACKING },
    // No dedicated public redelivery URL could be verified; the tracking result is where Yamato
    // offers the change of date, time and place for a parcel.
    redelivery: {
      url: YAMATO_TRACKING,
      withoutNumber: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko',
      viaTrackingPage: true,
    },
    detectable: true,
  },
  {
    code: 'sagawa',
    name: { ja: '佐川急便', en: 'Sagawa Express' },
    country: 'JP',
    trackingUrl: { ja: SAGAWA_TRACKING },
    // As for Yamato: the tracking result is the entry point for a redelivery request.
    redelivery: {
      url: SAGAWA_TRACKING,
      withoutNumber: 'https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp',
      viaTrackingPage: true,
    },
    detectable: true,
  },
  {
    code: 'japan_post',
    name: { ja: '日本郵便', en: 'Japan Post' },
    country: 'JP',
    trackingUrl: {
      ja: 'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={number}&locale=ja',
      en: 'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={number}&locale=en',
    },
    // 再配達のお申し込み: the public redelivery form. It does not take the number in the URL.
    redelivery: { url: 'https://trackings.post.japanpost.jp/delivery/deli/', viaTrackingPage: false },
    detectable: true,
  },
  {
    code: 'seino',
    name: { ja: '西濃運輸', en: 'Seino Transportation' },
    country: 'JP',
    trackingUrl: { ja: 'https://track.seino.co.jp/cgi-bin/gnpquery.pgm?GNPNO1={number}' },
    // Seino has an online redelivery service (再配達受付サービス) but its entry URL could not be
    // verified, so none is listed.
    detectable: false,
  },
  {
    code: 'fukuyama',
    name: { ja: '福山通運', en: 'Fukuyama Transporting' },
    country: 'JP',
    trackingUrl: { ja: 'https://corp.fukutsu.co.jp/situation/tracking_no_hunt/{number}' },
    detectable: false,
  },
  {
    code: 'ups',
    name: { ja: 'UPS', en: 'UPS' },
    country: 'US',
    trackingUrl: {
      ja: 'https://www.ups.com/track?loc=ja_JP&tracknum={number}',
      en: 'https://www.ups.com/track?loc=en_US&tracknum={number}',
    },
    detectable: true,
  },
  {
    code: 'fedex',
    name: { ja: 'フェデックス', en: 'FedEx' },
    country: 'US',
    trackingUrl: { ja: 'https://www.fedex.com/fedextrack/?trknbr={number}' },
    detectable: true,
  },
  {
    code: 'usps',
    name: { ja: '米国郵便（USPS）', en: 'USPS' },
    country: 'US',
    trackingUrl: { ja: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}' },
    detectable: true,
  },
  {
    code: 'dhl',
    name: { ja: 'DHL', en: 'DHL' },
    country: 'DE',
    trackingUrl: {
      ja: 'https://www.dhl.com/jp-ja/home/tracking.html?tracking-id={number}&submit=1',
      en: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}&submit=1',
    },
    detectable: true,
  },
  {
    code: 'ontrac',
    name: { ja: 'OnTrac', en: 'OnTrac' },
    country: 'US',
    trackingUrl: { ja: ONTRAC_TRACKING },
    detectable: true,
  },
  {
    code: 'lasership',
    name: { ja: 'LaserShip', en: 'LaserShip' },
    country: 'US',
    // LaserShip now operates under the OnTrac name; OnTrac's tracking page serves its numbers.
    trackingUrl: { ja: ONTRAC_TRACKING },
    detectable: true,
  },
  {
    code: 'amazon',
    name: { ja: 'Amazon配送', en: 'Amazon Logistics' },
    country: 'US',
    trackingUrl: { ja: 'https://track.amazon.com/tracking/{number}' },
    detectable: true,
  },
  {
    code: 'canada_post',
    name: { ja: 'カナダ郵便', en: 'Canada Post' },
    country: 'CA',
    trackingUrl: { ja: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}' },
    detectable: true,
  },
  {
    code: 'purolator',
    name: { ja: 'Purolator', en: 'Purolator' },
    country: 'CA',
    trackingUrl: { ja: 'https://www.purolator.com/en/shipping/tracker?searchValue={number}' },
    detectable: true,
  },
] satisfies Carrier[]);

const BY_CODE: ReadonlyMap<string, Carrier> = new Map(CARRIERS.map((c) => [c.code, c]));

/** Every carrier, in registry order (Japanese carriers first). */
export function listCarriers(): readonly Carrier[] {
  return CARRIERS;
}

export function getCarrier(code: string): Carrier | undefined {
  return BY_CODE.get(code);
}

export function isCarrierCode(value: unknown): value is CarrierCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** Dashes and hyphens people type or paste into tracking numbers, full-width ones included. */
const SEPARATORS = /[\s\-‐‑‒–—―−⁃﹘﹣－ーｰ]/gu;

/**
 * A tracking number as carriers expect it: NFKC (full-width ０-９ and Ａ-Ｚ become ASCII), spaces
 * and hyphens of every width removed (`-`, `‐`, `－`, `ー`, ...), upper case.
 */
export function normalizeTrackingNumber(input: string): string {
  return input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}

function fill(template: string, number: string): string {
  return template.replace('{number}', encodeURIComponent(normalizeTrackingNumber(number)));
}

/** The carrier's public tracking page for a number, or null for an unknown carrier. */
export function trackingUrl(code: string, number: string, locale: Locale = 'ja'): string | null {
  const carrier = getCarrier(code);
  if (!carrier) return null;
  const template = locale === 'en' ? (carrier.trackingUrl.en ?? carrier.trackingUrl.ja) : carrier.trackingUrl.ja;
  return fill(template, number);
}

/**
 * Where the shopper asks for a redelivery or a change of delivery, or null when the carrier has
 * no such page (or is unknown). Without a number, a page that needs one falls back to the
 * carrier's number entry form.
 */
export function redeliveryUrl(code: string, number?: string): string | null {
  const page = getCarrier(code)?.redelivery;
  if (!page) return null;
  if (!page.url.includes('{number}')) return page.url;
  if (number === undefined || normalizeTrackingNumber(number) === '') return page.withoutNumber ?? null;
  return fill(page.url, number);
}
