import { describe, expect, it } from 'vitest';
import { parseJsonKeepingLargeIntegers, quoteLargeIntegers } from './json.ts';

describe('parseJsonKeepingLargeIntegers', () => {
  it('keeps ids above 2^53 exact as strings', () => {
    const text = '{"id": 5764607523034234881, "order_id":820982911946154508,"line_items":[{"id":  12345678901234567890}]}';
    expect(String(JSON.parse(text).id)).not.toBe('5764607523034234881'); // what JSON.parse alone loses
    const v = parseJsonKeepingLargeIntegers(text) as { id: string; order_id: string; line_items: Array<{ id: string }> };
    expect(v.id).toBe('5764607523034234881');
    expect(v.order_id).toBe('820982911946154508');
    expect(v.line_items[0]!.id).toBe('12345678901234567890');
  });

  it('leaves short integers, decimals, exponents and negatives of under 16 digits as numbers', () => {
    const v = parseJsonKeepingLargeIntegers('{"a":1,"b":-42,"c":1200.50,"d":1.5e3,"e":123456789012345,"f":1234567890123456.5,"g":-1234567890123456789}');
    expect(v).toEqual({ a: 1, b: -42, c: 1200.5, d: 1500, e: 123456789012345, f: 1234567890123456.5, g: '-1234567890123456789' });
  });

  it('does not touch digits inside strings, escaped quotes included', () => {
    const text = '{"note":"注文 5764607523034234881 \\"9999999999999999999\\" end","n":"1234567890123456789","id":1234567890123456789}';
    const v = parseJsonKeepingLargeIntegers(text) as Record<string, string>;
    expect(v.note).toBe('注文 5764607523034234881 "9999999999999999999" end');
    expect(v.n).toBe('1234567890123456789');
    expect(v.id).toBe('1234567890123456789');
  });

  it('handles a backslash right before a closing quote', () => {
    const v = parseJsonKeepingLargeIntegers('{"path":"C:\\\\","id":9007199254740993}') as Record<string, string>;
    expect(v).toEqual({ path: 'C:\\', id: '9007199254740993' });
  });

  it('returns the text unchanged when there is nothing to quote, and still rejects bad JSON', () => {
    const text = '{"a":[1,2,3],"b":null,"c":true}';
    expect(quoteLargeIntegers(text)).toBe(text);
    expect(() => parseJsonKeepingLargeIntegers('{"id":12345678901234567890')).toThrow(SyntaxError);
  });
});
