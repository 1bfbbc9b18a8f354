import { describe, expect, it } from 'vitest';
import { isGsm7, preferGsm7, smsSegments } from './sms.ts';

describe('smsSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits 161 into two of 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('switches Japanese to UCS-2: 70 in one segment, 71 in two of 67', () => {
    expect(smsSegments('あ'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 });
    expect(smsSegments('あ'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, characters: 71 });
    expect(smsSegments('あ'.repeat(134)).segments).toBe(2);
    expect(smsSegments('あ'.repeat(135)).segments).toBe(3);
  });

  it('one Japanese character turns a whole ASCII text into UCS-2', () => {
    expect(smsSegments(`${'a'.repeat(69)}円`)).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 });
    expect(smsSegments(`${'a'.repeat(70)}円`).segments).toBe(2);
  });

  it('counts GSM extension characters twice', () => {
    expect(smsSegments('{}[]~\\|^€')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 18 });
    expect(smsSegments(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161 });
  });

  it('does not split an escape pair across parts', () => {
    // 152 septets, then a 2-septet € that does not fit in the first 153-septet part.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
    expect(smsSegments(`${'a'.repeat(151)}€${'a'.repeat(153)}`).segments).toBe(2);
  });

  it('counts emoji as two UTF-16 units', () => {
    expect(smsSegments('📦'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 });
    expect(smsSegments(`a${'📦'.repeat(35)}`).segments).toBe(2);
  });

  it('knows the GSM alphabet and an empty text costs nothing', () => {
    expect(isGsm7('Hello @ £5 è!')).toBe(true);
    expect(isGsm7('¥1,200')).toBe(true);
    expect(isGsm7('￥1,200')).toBe(false);
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, characters: 0 });
  });
});

describe('preferGsm7', () => {
  it('swaps typographic look-alikes when that makes the text GSM-7', () => {
    expect(preferGsm7('Arriving 2–4 pm… “soon”')).toBe('Arriving 2-4 pm... "soon"');
    expect(smsSegments(preferGsm7(`${'a'.repeat(150)}–`)).encoding).toBe('GSM-7');
  });

  it('leaves a text that needs UCS-2 anyway unchanged', () => {
    expect(preferGsm7('14–16時にお届け')).toBe('14–16時にお届け');
  });
});
