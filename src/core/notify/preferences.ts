/**
 * Shopper consent: which channels a shopper may be messaged on, opt-out keywords in inbound SMS,
 * the headers of one-click unsubscribe (RFC 8058) and the language of the shopper's pages.
 * Pure: the use cases in app/preferences.ts load and persist.
 */
import type { ChannelConsents, Customer, Locale } from '../order/order.types.ts';

/** The channels a shopper can turn on or off for order and delivery updates (transactional). */
export const CONSENT_CHANNELS = ['email', 'sms', 'line'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ConsentName = ConsentChannel | 'marketing';

export const isConsentChannel = (s: unknown): s is ConsentChannel => typeof s === 'string' && (CONSENT_CHANNELS as readonly string[]).includes(s);

/** The channels a shopper can be reached on: an address, a phone number, a LINE user id. */
export function reachableChannels(c: Pick<Customer, 'email' | 'phone' | 'lineUserId'>): ConsentChannel[] {
  return CONSENT_CHANNELS.filter((ch) => (ch === 'email' ? !!c.email : ch === 'sms' ? !!c.phone : !!c.lineUserId));
}

export interface ConsentChange {
  next: ChannelConsents;
  /** What changed, with the value before (an unset consent counts as false). */
  changes: Partial<Record<ConsentName, { from: boolean; to: boolean }>>;
}

/** Applies a patch of consents; `changes` is empty when the patch changes nothing. */
export function changeConsents(current: ChannelConsents, patch: Partial<Record<ConsentName, boolean>>): ConsentChange {
  const next: ChannelConsents = { ...current };
  const changes: ConsentChange['changes'] = {};
  for (const name of [...CONSENT_CHANNELS, 'marketing'] as const) {
    const to = patch[name];
    if (to === undefined) continue;
    const from = current[name] ?? false;
    next[name] = to;
    if (from !== to) changes[name] = { from, to };
  }
  return { next, changes };
}

/** Turning a channel off from an unsubscribe link also stops marketing, which rides on it. */
export const unsubscribePatch = (channel: ConsentChannel): Partial<Record<ConsentName, boolean>> => ({ [channel]: false, marketing: false });

const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', '停止', '配信停止'];
const OPT_IN = ['START', 'UNSTOP'];

/**
 * The SMS keyword in an inbound message: `opt_out` for STOP and its kin (停止, 配信停止), `opt_in`
 * for START and UNSTOP, null otherwise. As carriers do, the keyword must be the whole message,
 * in any case, with full-width letters (ＳＴＯＰ), spaces (STOP ALL) and trailing punctuation allowed:
 * "please stop sending the wrong size" is not an opt-out.
 */
export function smsKeyword(body: string): 'opt_out' | 'opt_in' | null {
  const word = body
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[.!。！、,]+$/u, '');
  if (OPT_OUT.includes(word)) return 'opt_out';
  if (OPT_IN.includes(word)) return 'opt_in';
  return null;
}

/**
 * The headers of an email that can be unsubscribed from in one click (RFC 8058): the mail client
 * POSTs `List-Unsubscribe=One-Click` to the https URL. The URL must carry its own authority
 * (a signed token): no cookie or login is sent with that POST.
 */
export function listUnsubscribeHeaders(url: string, mailto?: string): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return {
    'List-Unsubscribe': [`<${url}>`, ...(mailto ? [`<mailto:${mailto}>`] : [])].join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** The languages an Accept-Language header asks for that we have, best first. */
export function acceptedLocales(header: string | undefined): Locale[] {
  if (!header) return [];
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.q > 0 && (x.lang === 'ja' || x.lang === 'en'))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return [...new Set(ranked.map((x) => x.lang as Locale))];
}

/**
 * The language of a shopper page: the one the shopper picked (the switch link), else the
 * customer's own, else the browser's (Accept-Language), else the store's.
 */
export function pickLocale(opts: { requested?: string | null; customer?: Locale | null; acceptLanguage?: string; store: Locale }): Locale {
  if (opts.requested === 'ja' || opts.requested === 'en') return opts.requested;
  if (opts.customer) return opts.customer;
  return acceptedLocales(opts.acceptLanguage)[0] ?? opts.store;
}
