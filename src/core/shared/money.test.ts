import { describe, expect, it } from 'vitest';
import { formatMinor, parseDecimalToMinor } from './money.ts';

describe('money', () => {
  it('parses decimals into minor units per currency', () => {
    expect(parseDecimalToMinor('1200.00', 'JPY')).toBe(1200);
    expect(parseDecimalToMinor('19.99', 'USD')).toBe(1999);
    expect(parseDecimalToMinor('0.1', 'USD')).toBe(10);
    expect(parseDecimalToMinor('1.005', 'USD')).toBe(101);
    expect(parseDecimalToMinor('2.5', 'KWD')).toBe(2500);
    expect(parseDecimalToMinor(42, 'JPY')).toBe(42);
    expect(parseDecimalToMinor('-3.50', 'EUR')).toBe(-350);
  });
  it('rejects what is not a number', () => {
    expect(parseDecimalToMinor('abc', 'USD')).toBeNull();
    expect(parseDecimalToMinor('1e5', 'USD')).toBeNull();
    expect(parseDecimalToMinor('', 'USD')).toBeNull();
  });
  it('formats minor units back', () => {
    expect(formatMinor(1999, 'USD')).toBe('19.99');
    expect(formatMinor(1200, 'JPY')).toBe('1200');
  });
});
