import { describe, expect, it } from 'vitest';
import { detectCarriers, hasLuhnCheckDigit, hasMod7CheckDigit, normalizeTrackingNumber } from './detect.ts';

const carriersOf = (input: string, opts?: Parameters<typeof detectCarriers>[1]) =>
  detectCarriers(input, opts).matches.map((m) => m.carrier);

const JP3 = ['yamato', 'sagawa', 'japan_post'];

describe('check digits', () => {
  it('checks the Japanese mod 7 rule: digits before the last, modulo 7, are the last', () => {
    // 12345678901 = 7 × 1763668414 + 3
    expect(hasMod7CheckDigit('123456789013')).toBe(true);
    expect(hasMod7CheckDigit('123456789012')).toBe(false);
    // A Japan Post registered-mail number: 1311238385 mod 7 = 2
    expect(hasMod7CheckDigit('13112383852')).toBe(true);
    expect(hasMod7CheckDigit('13112383853')).toBe(false);
    expect(hasMod7CheckDigit('12345678901X')).toBe(false);
  });

  it('checks Luhn', () => {
    expect(hasLuhnCheckDigit('79927398713')).toBe(true);
    expect(hasLuhnCheckDigit('79927398710')).toBe(false);
  });
});

describe('detectCarriers: Japanese carriers', () => {
  it('offers Yamato, Sagawa and Japan Post for a valid 12-digit number', () => {
    expect(carriersOf('123456789013')).toEqual(JP3);
    // Published sample numbers of each carrier
    expect(carriersOf('444413758703')).toEqual(JP3);
    expect(carriersOf('512547514334')).toEqual(JP3);
    expect(carriersOf('405548424886')).toEqual(JP3);
  });

  it('reads hyphenated, spaced and full-width input', () => {
    for (const input of [
      '1234-5678-9013',
      '1234 5678 9013',
      '１２３４－５６７８－９０１３',
      '１２３４ー５６７８ー９０１３',
      '1234‐5678‐9013',
      '　１２３４５６７８９０１３　',
    ]) {
      const d = detectCarriers(input);
      expect(d.trackingNumber).toBe('123456789013');
      expect(d.matches.map((m) => m.carrier)).toEqual(JP3);
    }
  });

  it('offers none of them for a bad check digit', () => {
    expect(carriersOf('123456789010')).toEqual([]);
    // 123456789012 passes FedEx's check, not the Japanese one
    expect(carriersOf('123456789012')).toEqual(['fedex']);
  });

  it('lists FedEx after the Japanese carriers when a number passes both checks', () => {
    expect(carriersOf('100000001010')).toEqual([...JP3, 'fedex']);
    expect(carriersOf('100000001113')).toEqual([...JP3, 'fedex', 'purolator']);
  });

  it('offers Japan Post (before DHL) for an 11-digit registered-mail number', () => {
    expect(carriersOf('131-12-38385-2')).toEqual(['japan_post', 'dhl']);
    expect(carriersOf('13112383853')).toEqual([]);
  });

  it('maps S10 international numbers to the origin postal operator', () => {
    expect(carriersOf('EJ123456785JP')).toEqual(['japan_post']);
    expect(carriersOf('ｅｊ１２３４５６７８５ｊｐ')).toEqual(['japan_post']);
    expect(carriersOf('RB123456785US')).toEqual(['usps']);
    expect(carriersOf('RB123456785CA')).toEqual(['canada_post']);
    expect(carriersOf('RB123456786JP')).toEqual([]); // bad S10 check digit
  });

  it('offers the destination operator for other countries when told the destination', () => {
    expect(carriersOf('RB123456785GB')).toEqual([]);
    expect(carriersOf('RB123456785GB', { destinationCountry: 'jp' })).toEqual(['japan_post']);
    expect(carriersOf('RB123456785US', { destinationCountry: 'JP' })).toEqual(['usps', 'japan_post']);
  });
});

describe('detectCarriers: other carriers', () => {
  it.each([
    ['1Z5R89390357567127', 'ups'],
    ['1z5r 8939 0357 5671 27', 'ups'],
    ['K1506235620', 'ups'],
    ['986578788855', 'fedex'],
    ['0414 4176 0228 964', 'fedex'],
    ['9611020987654312345672', 'fedex'],
    ['9400111202555842332669', 'usps'],
    ['7112 3456 7891 2345 6787', 'usps'],
    ['3318810025', 'dhl'],
    ['JJD0099999999', 'dhl'],
    ['GM2951173225174494', 'dhl'],
    ['C11031500001879', 'ontrac'],
    ['D10011354453707', 'ontrac'],
    ['TBA502887274000', 'amazon'],
    ['tba502887274000', 'amazon'],
    ['0073938000549297', 'canada_post'],
    ['320595463938', 'purolator'],
    ['KYV009956937', 'purolator'],
    ['LX17635036', 'lasership'],
    ['1LS717793482164', 'lasership'],
  ])('%s → %s', (input, carrier) => {
    expect(carriersOf(input)).toEqual([carrier]);
  });

  it('rejects numbers whose check digit is wrong', () => {
    expect(carriersOf('1Z5R89390357567128')).toEqual([]);
    expect(carriersOf('0073938000549292')).toEqual([]);
    expect(carriersOf('9261292700768711948020')).toEqual([]);
    expect(carriersOf('LX19635036')).toEqual([]);
  });
});

describe('detectCarriers: ranking', () => {
  it('puts the store’s carriers first, in its order', () => {
    expect(carriersOf('123456789013', { preferred: ['japan_post'] })).toEqual(['japan_post', 'yamato', 'sagawa']);
    expect(carriersOf('123456789013', { preferred: ['sagawa', 'japan_post'] })).toEqual(['sagawa', 'japan_post', 'yamato']);
    expect(carriersOf('100000001010', { preferred: ['fedex'] })).toEqual(['fedex', ...JP3]);
    expect(carriersOf('100000001010', { preferred: ['FedEx'] })).toEqual(['fedex', ...JP3]);
  });

  it('never adds a preferred carrier the number does not fit', () => {
    expect(carriersOf('123456789013', { preferred: ['ups', 'seino'] })).toEqual(JP3);
    expect(carriersOf('123456789010', { preferred: ['yamato'] })).toEqual([]);
  });
});

describe('detectCarriers: result', () => {
  it('returns the normalised number, names and tracking links', () => {
    const d = detectCarriers('１２３４－５６７８－９０１３');
    expect(d.trackingNumber).toBe('123456789013');
    expect(d.matches[0]).toEqual({
      carrier: 'yamato',
      name: { ja: 'ヤマト運輸', en: 'Yamato Transport' },
      trackingUrl: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789013',
      format: 'JP 12-digit (mod 7)',
    });
    const en = detectCarriers('EJ123456785JP', { locale: 'en' });
    expect(en.matches[0]?.trackingUrl).toBe(
      'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=EJ123456785JP&locale=en',
    );
  });

  it('lists none for input that is no tracking number', () => {
    for (const input of ['', '   ', 'hello', '1234', '1234/5678/9013', '配達完了', '1'.repeat(41)]) {
      const d = detectCarriers(input);
      expect(d.matches).toEqual([]);
      expect(d.trackingNumber).toBe(normalizeTrackingNumber(input));
    }
  });
});
