/**
 * JSON parsing that keeps Shopify's 64-bit ids exact.
 *
 * `JSON.parse` turns every number into a double, so an id such as 5764607523034234881 comes back as
 * 5764607523034235000. Before parsing, this walks the text once, skipping over strings, and wraps
 * every integer token of 16 or more digits in quotes; such numbers then arrive as exact strings.
 * Decimals, exponents and shorter integers are left alone, as is everything inside a string.
 */

/** Integers with this many digits or more may exceed 2^53 (9007199254740992 has 16). */
const MIN_QUOTED_DIGITS = 16;

const isDigit = (c: number) => c >= 48 && c <= 57; // 0-9

/** Returns `text` with long integer tokens (outside strings) turned into JSON strings. */
export function quoteLargeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the whole string, escapes included.
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i += 2;
        else if (s === 34) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (c === 45 /* - */ || isDigit(c)) {
      const start = i;
      if (c === 45) i++;
      const digitsStart = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digits = i - digitsStart;
      let integer = true;
      if (i < n && text.charCodeAt(i) === 46 /* . */) {
        integer = false;
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      const e = i < n ? text.charCodeAt(i) : 0;
      if (e === 101 || e === 69 /* e E */) {
        integer = false;
        i++;
        const sign = i < n ? text.charCodeAt(i) : 0;
        if (sign === 43 || sign === 45) i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if (integer && digits >= MIN_QUOTED_DIGITS) {
        out += text.slice(copiedUpTo, start) + '"' + text.slice(start, i) + '"';
        copiedUpTo = i;
      }
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Parses JSON like `JSON.parse`, except that integers of 16+ digits become exact strings. */
export function parseJsonKeepingLargeIntegers(text: string): unknown {
  return JSON.parse(quoteLargeIntegers(text));
}
