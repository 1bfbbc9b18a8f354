import type { Random } from './random.ts';

/**
 * Realistic tracking numbers for the demo, each with a correct check digit, so carrier detection
 * and validation treat them like real ones.
 */

/** Yamato, Sagawa and Japan Post domestic parcels: 12 digits, the 12th is the first 11 (as a number) mod 7. */
export function mod7CheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error(`expected 11 digits, got "${first11}"`);
  return Number(first11) % 7;
}

/** First digits seen on each carrier's domestic labels (the rest is a running number). */
const JP_PREFIX: Record<'yamato' | 'sagawa' | 'japan_post', readonly string[]> = {
  yamato: ['4', '5'],
  sagawa: ['3', '4'],
  japan_post: ['1', '3'],
};

export function japaneseTrackingNumber(rand: Random, carrier: keyof typeof JP_PREFIX): string {
  const first11 = rand.pick(JP_PREFIX[carrier]) + rand.digits(10);
  return first11 + String(mod7CheckDigit(first11));
}

/**
 * UPS `1Z` numbers: 1Z + shipper account (6) + service (2) + package (7) + check digit. The check
 * digit runs over the 15 characters after `1Z`: letters count as (ASCII − 63) mod 10, digits in
 * even positions (1-based) are doubled, and the check digit brings the sum to a multiple of 10.
 */
export function upsCheckDigit(body15: string): number {
  if (!/^[0-9A-Z]{15}$/.test(body15)) throw new Error(`expected 15 letters or digits, got "${body15}"`);
  let sum = 0;
  for (let i = 0; i < body15.length; i++) {
    const c = body15.charCodeAt(i);
    const v = c <= 57 ? c - 48 : (c - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  }
  return (10 - (sum % 10)) % 10;
}

/** The demo store's UPS shipper account and the Ground service code. */
const UPS_SHIPPER = 'E8W372';
const UPS_GROUND = '03';

export function upsTrackingNumber(rand: Random): string {
  const body = UPS_SHIPPER + UPS_GROUND + rand.digits(7);
  return `1Z${body}${upsCheckDigit(body)}`;
}

/**
 * USPS Intelligent Mail package barcodes (22 digits, `9400…`): the check digit is a mod 10 with
 * weights 3 and 1 from the rightmost digit of the first 21.
 */
export function uspsCheckDigit(first21: string): number {
  if (!/^\d{21}$/.test(first21)) throw new Error(`expected 21 digits, got "${first21}"`);
  let sum = 0;
  for (let i = 0; i < first21.length; i++) {
    const d = first21.charCodeAt(first21.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

export function uspsTrackingNumber(rand: Random): string {
  const first21 = '9400111' + rand.digits(14);
  return first21 + String(uspsCheckDigit(first21));
}
