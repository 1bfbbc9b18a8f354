/** Money is an integer amount of the currency's minor unit (JPY has none: ¥1,200 is 1200). */
export interface Money {
  amount: number;
  currency: string;
}

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'PYG', 'RWF', 'BIF', 'DJF', 'GNF', 'KMF', 'MGA', 'VUV', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function minorUnitDigits(currency: string): number {
  const c = currency.toUpperCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/**
 * Parses a decimal string as sent by platforms ("1200.00", "19.99") into minor units without
 * floating-point error. Returns null for anything that is not a plain decimal number.
 */
export function parseDecimalToMinor(value: string | number, currency: string): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const digits = minorUnitDigits(currency);
  const whole = m[2]!;
  const frac = (m[3] ?? '').padEnd(digits, '0');
  const kept = frac.slice(0, digits);
  const rest = frac.slice(digits);
  let minor = Number(whole) * 10 ** digits + (kept ? Number(kept) : 0);
  if (rest && Number(rest[0]) >= 5) minor += 1; // round half up on extra precision
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] ? -minor : minor;
}

export function formatMinor(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}
