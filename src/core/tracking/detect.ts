import { allCouriers, getTracking } from 'ts-tracking-number';
import {
  CARRIER_CODES,
  getCarrier,
  normalizeTrackingNumber,
  trackingUrl,
  type CarrierCode,
} from './carriers.ts';
import type { Label, Locale } from './statuses.ts';

export { normalizeTrackingNumber } from './carriers.ts';

/**
 * Tracking-number detection.
 *
 * Formats and check digits:
 * - Yamato, Sagawa and Japan Post domestic parcels (宅急便, 飛脚宅配便, ゆうパック, ゆうパケット):
 *   12 digits; the 12th digit is the first 11 read as one number, modulo 7 ("7DR" check).
 *   All three carriers use the same rule, so a valid number is ambiguous among them and the
 *   result lists all three.
 * - Japan Post registered and recorded mail (書留, 特定記録, 引受番号 `123-45-67890-1`): 11 digits;
 *   the 11th digit is the first 10 modulo 7.
 * - Not detected, for want of a published format: Sagawa 10-digit and Japan Post 13-digit domestic
 *   numbers, Seino and Fukuyama numbers. Those carriers remain selectable by hand.
 * - International postal items (UPU S10, `EJ123456785JP`): two letters, eight digits, a weighted
 *   mod-11 check digit and the ISO country of the origin operator. JP → Japan Post, US → USPS,
 *   CA → Canada Post; with `destinationCountry` the delivering operator is offered as well
 *   (Japan Post tracks inbound international items).
 * - UPS, FedEx, USPS, DHL, OnTrac, Amazon and S10 validation: the ts-tracking-number package
 *   (formats from jkeen/tracking_number_data). It reports every 12-digit number that passes the
 *   FedEx Express check as FedEx, Japanese ones included, hence the Japanese rules run as well
 *   and rank first.
 * - Canada Post (16 digits, mod 10 with weights 3/1), Purolator (12 digits with a Luhn check, or
 *   three letters and nine digits) and LaserShip (`LX1[3-8]` + 6 digits, `1LS7` + 11 digits):
 *   formats from jkeen/tracking_number_data, checked here.
 */

export interface CarrierMatch {
  readonly carrier: CarrierCode;
  readonly name: Label;
  readonly trackingUrl: string;
  /** Which format matched, for logs and support (`"JP 12-digit (mod 7)"`, `"UPS"`). */
  readonly format: string;
}

export interface Detection {
  /** The normalised number (see normalizeTrackingNumber). */
  readonly trackingNumber: string;
  /** Carriers whose format the number satisfies, most likely first; empty when none does. */
  readonly matches: readonly CarrierMatch[];
}

export interface DetectOptions {
  /** Carrier codes the store says it ships with, most used first. They rank before the others. */
  readonly preferred?: readonly string[];
  /** Locale of the tracking links (default `ja`). */
  readonly locale?: Locale;
  /** Destination country (ISO alpha-2) of the shipment, to name the delivering postal operator. */
  readonly destinationCountry?: string;
}

interface Candidate {
  readonly carrier: CarrierCode;
  readonly format: string;
  /** How distinctive the format is: prefixed formats are near certain, bare digits are not. */
  readonly strength: number;
}

const MAX_LENGTH = 40;

/** Digits before the last, read as one number, modulo 7 equal the last digit. */
export function hasMod7CheckDigit(digits: string): boolean {
  if (!/^\d{2,16}$/.test(digits)) return false;
  const body = Number(digits.slice(0, -1));
  return body % 7 === Number(digits.slice(-1));
}

/** Luhn check over the whole string of digits (check digit last). */
export function hasLuhnCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Mod 10 as in tracking_number_data: even positions (from 0) × evens, odd × odds, check last. */
function hasMod10CheckDigit(digits: string, evens: number, odds: number): boolean {
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i % 2 === 0 ? evens : odds);
  return (10 - (sum % 10)) % 10 === Number(digits.slice(-1));
}

function japaneseCandidates(n: string): Candidate[] {
  if (/^\d{12}$/.test(n) && hasMod7CheckDigit(n)) {
    const format = 'JP 12-digit (mod 7)';
    return [
      { carrier: 'yamato', format, strength: 60 },
      { carrier: 'sagawa', format, strength: 60 },
      { carrier: 'japan_post', format, strength: 60 },
    ];
  }
  if (/^\d{11}$/.test(n) && hasMod7CheckDigit(n)) {
    return [{ carrier: 'japan_post', format: 'Japan Post registered mail 11-digit (mod 7)', strength: 55 }];
  }
  return [];
}

const POSTAL_OPERATOR: Readonly<Record<string, CarrierCode>> = { JP: 'japan_post', US: 'usps', CA: 'canada_post' };

/** Formats of ts-tracking-number by name, with the strength we give them. */
const LIBRARY_STRENGTH: Readonly<Record<string, number>> = {
  UPS: 90,
  'UPS Waybill': 50,
  'Amazon Logistics': 90,
  'Amazon International': 30,
  'DHL Express': 50,
  'DHL Express (Piece ID)': 80,
  'DHL E-Commerce': 60,
  'FedEx Express (12)': 50,
  OnTrac: 90,
  'OnTrac D': 90,
  S10: 90,
};

const LIBRARY_CARRIER: Readonly<Record<string, CarrierCode>> = {
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  dhl: 'dhl',
  ontrac: 'ontrac',
  amazon: 'amazon',
};

function libraryCandidates(n: string, destinationCountry: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const courier of allCouriers) {
    const found = getTracking(n, [courier]);
    if (!found) continue;
    const strength = LIBRARY_STRENGTH[found.name] ?? 70;
    if (courier.courier_code === 's10') {
      const origin = POSTAL_OPERATOR[n.slice(-2)];
      if (origin) out.push({ carrier: origin, format: `S10 (${n.slice(-2)})`, strength });
      const destination = destinationCountry ? POSTAL_OPERATOR[destinationCountry.toUpperCase()] : undefined;
      if (destination && destination !== origin) {
        const format = `S10 (${n.slice(-2)}) delivered by destination operator`;
        out.push({ carrier: destination, format, strength: strength - 5 });
      }
      continue;
    }
    const carrier = LIBRARY_CARRIER[courier.courier_code];
    if (carrier) out.push({ carrier, format: found.name, strength });
  }
  return out;
}

function otherCandidates(n: string): Candidate[] {
  const out: Candidate[] = [];
  if (/^\d{16}$/.test(n) && hasMod10CheckDigit(n, 3, 1)) {
    out.push({ carrier: 'canada_post', format: 'Canada Post (16)', strength: 60 });
  }
  if (/^[0-5]\d{11}$/.test(n) && hasLuhnCheckDigit(n)) {
    out.push({ carrier: 'purolator', format: 'Purolator (12)', strength: 40 });
  }
  if (/^[A-Z]{3}\d{9}$/.test(n)) {
    out.push({ carrier: 'purolator', format: 'Purolator (alpha + 9)', strength: 30 });
  }
  if (/^LX1[3-8]\d{6}$/.test(n)) out.push({ carrier: 'lasership', format: 'LaserShip LX', strength: 90 });
  if (/^1LS7[12]\d{10}$/.test(n)) out.push({ carrier: 'lasership', format: 'LaserShip 1LS7 (15)', strength: 90 });
  return out;
}

/**
 * Which carriers a tracking number can belong to, most likely first.
 *
 * Ranking: carriers in `preferred` first, in the store's order; then by how distinctive the
 * matched format is (prefixed formats, then checked digits: Japanese 12-digit numbers before
 * FedEx and Purolator, Japan Post 11-digit before DHL); then registry order. An input that is not
 * a valid number of any known format gives no matches.
 */
export function detectCarriers(input: string, opts: DetectOptions = {}): Detection {
  const trackingNumber = normalizeTrackingNumber(input);
  if (trackingNumber.length < 8 || trackingNumber.length > MAX_LENGTH || !/^[A-Z0-9]+$/.test(trackingNumber)) {
    return { trackingNumber, matches: [] };
  }
  const candidates = [
    ...japaneseCandidates(trackingNumber),
    ...libraryCandidates(trackingNumber, opts.destinationCountry),
    ...otherCandidates(trackingNumber),
  ];

  const best = new Map<CarrierCode, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.carrier);
    if (!seen || c.strength > seen.strength) best.set(c.carrier, c);
  }

  const preferred = (opts.preferred ?? []).map((p) => p.toLowerCase());
  const preferredRank = (code: CarrierCode) => {
    const i = preferred.indexOf(code);
    return i === -1 ? Number.POSITIVE_INFINITY : i;
  };
  const ranked = [...best.values()].sort(
    (a, b) =>
      preferredRank(a.carrier) - preferredRank(b.carrier) ||
      b.strength - a.strength ||
      CARRIER_CODES.indexOf(a.carrier) - CARRIER_CODES.indexOf(b.carrier),
  );

  const locale = opts.locale ?? 'ja';
  const matches = ranked.map((c): CarrierMatch => {
    const carrier = getCarrier(c.carrier);
    const url = trackingUrl(c.carrier, trackingNumber, locale);
    if (!carrier || url === null) throw new Error(`carrier ${c.carrier} missing from the registry`);
    return { carrier: c.carrier, name: carrier.name, trackingUrl: url, format: c.format };
  });
  return { trackingNumber, matches };
}
