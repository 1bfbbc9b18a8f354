/**
 * SMS length: how many segments a text costs. GSM-7 (the default alphabet) fits 160 characters in
 * one message and 153 in each part of a longer one; any character outside it (Japanese, emoji)
 * switches the whole text to UCS-2: 70 UTF-16 units alone, 67 per part. Characters of the GSM
 * extension table (`{ } [ ] ~ \ | ^ €` and form feed) take an escape plus the character: two.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  segments: number;
  /** Length in the encoding's units: septets for GSM-7 (extension characters count two), UTF-16 units for UCS-2. */
  characters: number;
}

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

export function smsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // Widths of the units a part may not split: an escape pair, a surrogate pair.
  const widths: number[] = [];
  for (const ch of text) widths.push(encoding === 'GSM-7' ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length);
  const characters = widths.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[encoding];
  if (characters === 0) return { encoding, segments: 0, characters };
  if (characters <= single) return { encoding, segments: 1, characters };
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > part) {
      segments += 1;
      used = 0;
    }
    used += w;
  }
  return { encoding, segments, characters };
}

const GSM_LOOKALIKES: [RegExp, string][] = [
  [/[‐‑‒–—―−]/gu, '-'],
  [/[‘’‚′]/gu, "'"],
  [/[“”„″]/gu, '"'],
  [/…/gu, '...'],
  [/[\u00a0\u2007\u202f]/gu, ' '],
];

/**
 * Replaces typographic dashes, quotes, ellipses and non-breaking spaces with their GSM-7
 * look-alikes when that makes the whole text GSM-7 (one `–` would otherwise make an English SMS
 * UCS-2 and halve its length); a text that needs UCS-2 anyway is returned unchanged.
 */
export function preferGsm7(text: string): string {
  if (isGsm7(text)) return text;
  let plain = text;
  for (const [re, to] of GSM_LOOKALIKES) plain = plain.replace(re, to);
  return isGsm7(plain) ? plain : text;
}
