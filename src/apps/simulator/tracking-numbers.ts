import type { Random } from '../demo/random.ts';
import { japaneseTrackingNumber, upsCheckDigit, uspsTrackingNumber } from '../demo/tracking-numbers.ts';

/**
 * Tracking numbers with valid check digits for every simulated carrier. The Japanese, USPS and
 * UPS check digits are the demo's (one implementation); the simulator adds varied UPS shipper
 * accounts and services, and FedEx.
 */

export type SimCarrier = 'yamato' | 'sagawa' | 'japan_post' | 'ups' | 'usps' | 'fedex';

/** UPS service codes inside a 1Z number: 01 Next Day Air, 02 2nd Day Air, 03 Ground. */
export const UPS_SERVICE_CODES = { 'UPS Ground': '03', 'UPS 2nd Day Air': '02', 'UPS Next Day Air': '01' } as const;
const UPS_SHIPPERS = ['A1B2C3', 'E8W372', '0V7X91', 'R4Y455'] as const;

export function upsNumber(rand: Random, service: keyof typeof UPS_SERVICE_CODES): string {
  const body = rand.pick(UPS_SHIPPERS) + UPS_SERVICE_CODES[service] + rand.digits(7);
  return `1Z${body}${upsCheckDigit(body)}`;
}

/**
 * FedEx Express 12-digit numbers: weights 1, 3, 7 (repeating) from the rightmost of the first 11
 * digits; the sum mod 11 (10 counting as 0) is the check digit.
 */
export function fedexCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error(`expected 11 digits, got "${first11}"`);
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(first11[10 - i]) * weights[i % 3]!;
  return (sum % 11) % 10;
}

export function fedexNumber(rand: Random): string {
  const first11 = String(rand.int(2, 7)) + rand.digits(10);
  return first11 + String(fedexCheckDigit(first11));
}

export function trackingNumberFor(rand: Random, carrier: SimCarrier, service: string): string {
  switch (carrier) {
    case 'yamato':
    case 'sagawa':
    case 'japan_post':
      return japaneseTrackingNumber(rand, carrier);
    case 'ups':
      return upsNumber(rand, service in UPS_SERVICE_CODES ? (service as keyof typeof UPS_SERVICE_CODES) : 'UPS Ground');
    case 'usps':
      return uspsTrackingNumber(rand);
    case 'fedex':
      return fedexNumber(rand);
  }
}
