import { z } from 'zod';
import { LOCALES } from '../order/order.types.ts';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a2b3c');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-31');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 09:30');
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** Settings a merchant edits: brand, support contacts, carriers, business hours and holidays. */
export const StoreSettingsSchema = z.object({
  brand: z
    .object({
      logoUrl: z.string().url().nullable().default(null),
      primaryColor: hex.default('#1f3a5f'),
      accentColor: hex.default('#e07a2e'),
      fontFamily: z.string().max(200).nullable().default(null),
      message: z.object({ ja: z.string().max(500).optional(), en: z.string().max(500).optional() }).default({}),
    })
    .default({ logoUrl: null, primaryColor: '#1f3a5f', accentColor: '#e07a2e', fontFamily: null, message: {} }),
  support: z
    .object({
      email: z.string().email().nullable().default(null),
      phone: z.string().max(40).nullable().default(null),
      url: z.string().url().nullable().default(null),
      lineId: z.string().max(100).nullable().default(null),
    })
    .default({ email: null, phone: null, url: null, lineId: null }),
  /** Carrier codes the store ships with; they rank first in detection. */
  carriers: z.array(z.string().regex(/^[a-z0-9_]+$/)).max(50).default([]),
  businessHours: z
    .array(z.object({ day: weekday, open: hhmm, close: hhmm }))
    .max(21)
    .default([
      { day: 'mon', open: '09:00', close: '18:00' },
      { day: 'tue', open: '09:00', close: '18:00' },
      { day: 'wed', open: '09:00', close: '18:00' },
      { day: 'thu', open: '09:00', close: '18:00' },
      { day: 'fri', open: '09:00', close: '18:00' },
    ]),
  /** Days the store does not ship, on top of public holidays. */
  holidays: z.array(day).max(366).default([]),
  /** Shipping cut-off in the store's time zone: orders after it leave the next business day. */
  cutoffTime: hhmm.default('15:00'),
  handlingDays: z.number().int().min(0).max(30).default(1),
  /** Where parcels leave from: a prefecture, a state or a postal code, for lane-based estimates. */
  origin: z.object({ region: z.string().max(100).nullable().default(null), country: z.string().length(2).default('JP') }).default({ region: null, country: 'JP' }),
  /** No scan for this many business hours makes a shipment stalled. */
  stalledAfterHours: z.number().int().min(12).max(720).default(72),
});
export type StoreSettings = z.infer<typeof StoreSettingsSchema>;

export const StoreLocaleSchema = z.enum(LOCALES);

/**
 * Names of the per-store secrets (stored encrypted, never returned by the API). `links` signs the
 * links sent to shoppers (preferences, unsubscribe); it is created on first use, and replacing it
 * invalidates every link sent before.
 */
export const SECRET_NAMES = ['shopify', 'aftership', 'easypost', 'shippo', '17track', 'otodoke', 'links'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export type StoreSecrets = Partial<Record<SecretName, string>>;

export interface Store {
  id: string;
  name: string;
  locale: 'ja' | 'en';
  currency: string;
  timezone: string;
  settings: StoreSettings;
  createdAt: string;
  updatedAt: string;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
