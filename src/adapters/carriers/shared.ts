import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../core/shared/errors.ts';
import { parseInput } from '../../core/shared/validate.ts';
import { isCarrierCode, type CarrierCode } from '../../core/tracking/carriers.ts';
import type { TrackingEventInput } from '../../core/tracking/tracking-event.ts';
import type { WebhookHeaders } from './types.ts';

/** The first value of a header (names are matched in lower case), trimmed; undefined when blank. */
export function header(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first ? first : undefined;
}

export const hmacSha256 = (key: string | Buffer, data: Buffer | string): Buffer => createHmac('sha256', key).update(data).digest();

/** Compares a hex digest someone sent with the expected bytes, in constant time. */
export function hexDigestMatches(given: string, expected: Buffer): boolean {
  const hex = given.trim();
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== expected.length * 2) return false;
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

/** Compares two digests in constant time (different lengths never match). */
export function bytesMatch(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Compares two secrets (tokens) in constant time, whatever their lengths. */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The raw body as JSON, or INVALID_JSON. */
export function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new AppError('INVALID_JSON', 'The request body is not valid JSON.');
  }
}

/** The raw body as JSON checked against a provider's shape: VALIDATION_FAILED names each bad field. */
export function parsePayload<T extends z.ZodType>(schema: T, rawBody: Buffer): z.output<T> {
  return parseInput(schema, parseJson(rawBody));
}

// ---------------------------------------------------------------------------------------------
// Time

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

interface DateTimeParts {
  date: string;
  time: string;
  zone: string | undefined;
}

function dateTimeParts(value: string): DateTimeParts | undefined {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, date = '', hhmm = '', rawZone] = m;
  const time = hhmm.length === 5 ? `${hhmm}:00` : hhmm;
  const zone = rawZone === undefined ? undefined : rawZone.toUpperCase() === 'Z' ? 'Z' : rawZone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return { date, time, zone };
}

function validInstant(iso: string): boolean {
  return !Number.isNaN(Date.parse(iso));
}

/**
 * A provider's date-time as an ISO-8601 UTC instant. Providers send `2026-11-19T12:02:00+09:00`,
 * `...Z`, `+0900`, or (AfterShip's older API versions, some 17TRACK carriers) a local time with no
 * zone at all: that one is read in `offsetIfMissing`, the zone of the place the scan was made.
 */
export function toInstant(value: string, offsetIfMissing = 'Z'): string | undefined {
  const p = dateTimeParts(value);
  if (!p) return undefined;
  const iso = `${p.date}T${p.time}${p.zone ?? offsetIfMissing}`;
  return validInstant(iso) ? new Date(iso).toISOString() : undefined;
}

/** A Zod string that `toInstant` can read; its message shows the expected form. */
export const providerDateTime = z.string().refine((v) => toInstant(v) !== undefined, 'a date-time such as 2026-11-19T12:02:00+09:00');

/**
 * An expected delivery as TrackingEventInput takes it: a date (`2026-11-21`), or an instant with
 * its offset. A local date-time without a zone keeps only its date, which is what it promises.
 */
export function toEstimate(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return validInstant(`${v}T00:00:00Z`) ? v : undefined;
  const p = dateTimeParts(v);
  if (!p) return undefined;
  if (p.zone === undefined) return validInstant(`${p.date}T00:00:00Z`) ? p.date : undefined;
  const iso = `${p.date}T${p.time}${p.zone}`;
  return validInstant(iso) ? iso : undefined;
}

/** Japan has no daylight saving time: a zone-less Japanese scan time is +09:00. */
export const offsetForCountry = (country: string | undefined): string => (country === 'JP' ? '+09:00' : 'Z');

// ---------------------------------------------------------------------------------------------
// Text and places

/** Trimmed text cut to the length TrackingEventInput accepts; undefined when blank. */
export function clip(value: string | null | undefined, max: number): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v.length <= max) return v;
  const cut = v.slice(0, max);
  // Do not leave half of a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const ISO3_TO_ISO2: Readonly<Record<string, string>> = Object.freeze({
  JPN: 'JP', USA: 'US', CAN: 'CA', MEX: 'MX', GBR: 'GB', IRL: 'IE', DEU: 'DE', FRA: 'FR', ITA: 'IT', ESP: 'ES',
  PRT: 'PT', NLD: 'NL', BEL: 'BE', LUX: 'LU', CHE: 'CH', AUT: 'AT', SWE: 'SE', NOR: 'NO', DNK: 'DK', FIN: 'FI',
  POL: 'PL', CZE: 'CZ', HUN: 'HU', GRC: 'GR', TUR: 'TR', CHN: 'CN', HKG: 'HK', MAC: 'MO', TWN: 'TW', KOR: 'KR',
  SGP: 'SG', MYS: 'MY', THA: 'TH', VNM: 'VN', PHL: 'PH', IDN: 'ID', IND: 'IN', AUS: 'AU', NZL: 'NZ', BRA: 'BR',
  ARG: 'AR', CHL: 'CL', ARE: 'AE', SAU: 'SA', ISR: 'IL', ZAF: 'ZA',
});

/** ISO 3166-1 alpha-2 from an alpha-2 or (known) alpha-3 code; undefined otherwise. */
export function countryCode(value: string | null | undefined): string | undefined {
  const v = value?.trim().toUpperCase();
  if (!v) return undefined;
  if (/^[A-Z]{2}$/.test(v)) return v;
  return ISO3_TO_ISO2[v];
}

type Location = NonNullable<TrackingEventInput['location']>;

/** A scan's place with blank parts dropped and each part cut to its limit; undefined when empty. */
export function location(parts: { city?: string | null; region?: string | null; postalCode?: string | null; country?: string | null; facility?: string | null }): Location | undefined {
  const loc: Location = {};
  const city = clip(parts.city, 200);
  const region = clip(parts.region, 200);
  const postalCode = clip(parts.postalCode, 20);
  const country = countryCode(parts.country);
  const facility = clip(parts.facility, 200);
  if (city) loc.city = city;
  if (region) loc.region = region;
  if (postalCode) loc.postalCode = postalCode;
  if (country) loc.country = country;
  if (facility) loc.facility = facility;
  return Object.keys(loc).length > 0 ? loc : undefined;
}

/** `Main/Detail` as the raw code kept beside the canonical status (no slash without a detail). */
export function rawCode(main: string | null | undefined, detail: string | null | undefined): string | undefined {
  const m = main?.trim() ?? '';
  const d = detail?.trim() ?? '';
  return clip(d ? `${m}/${d}` : m, 200);
}

/**
 * A provider's carrier name → Otodoke carrier code, through the provider's own table. Only codes
 * of the registry are returned: ingest attaches a scan to a shipment only when their carriers
 * agree, so an unknown code would keep scans away from their shipment; without one, the tracking
 * number alone decides.
 */
export function carrierFrom(table: Readonly<Record<string, CarrierCode>>, name: string | null | undefined): CarrierCode | undefined {
  const key = name?.trim().toLowerCase();
  if (!key) return undefined;
  const code = Object.hasOwn(table, key) ? table[key] : undefined;
  return code && isCarrierCode(code) ? code : undefined;
}

/**
 * Gives the expected delivery to the newest scan only (the estimate is as of the latest update),
 * and keeps the newest 1,000 scans when a provider resends a longer history.
 */
export function finishEvents(events: TrackingEventInput[], estimatedDelivery: string | undefined): TrackingEventInput[] {
  const sorted = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const kept = sorted.slice(-1000);
  const latest = kept.at(-1);
  if (latest && estimatedDelivery) latest.estimatedDelivery = estimatedDelivery;
  return kept;
}

/**
 * A provider's checkpoint id as a scan's eventId, scoped by the tracking number: ingest's key is
 * per store and source only, and a provider's ids need only be unique within one tracking.
 */
export function scopedEventId(trackingNumber: string, id: string | null | undefined): string | undefined {
  const v = id?.trim();
  return v ? clip(`${trackingNumber.trim()}/${v}`, 200) : undefined;
}

/** Nullable text field of a provider payload. */
export const text = z.string().nullish();
