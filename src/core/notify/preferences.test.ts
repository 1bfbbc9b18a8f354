import { describe, expect, it } from 'vitest';
import { acceptedLocales, changeConsents, listUnsubscribeHeaders, pickLocale, reachableChannels, smsKeyword, unsubscribePatch } from './preferences.ts';

describe('smsKeyword', () => {
  it.each(['STOP', 'stop', ' Stop ', 'STOPALL', 'stop all', 'UNSUBSCRIBE', 'cancel', 'END', 'quit', '停止', '配信停止', '配信停止。', 'ＳＴＯＰ', 'STOP!'])('%j opts out', (body) => {
    expect(smsKeyword(body)).toBe('opt_out');
  });
  it.each(['START', 'start', 'UNSTOP', 'ｓｔａｒｔ'])('%j opts in', (body) => {
    expect(smsKeyword(body)).toBe('opt_in');
  });
  it.each(['', 'please stop sending the wrong size', 'STOPPED', 'when will it arrive?', '停止してください?', 'YES'])('%j is not a keyword', (body) => {
    expect(smsKeyword(body)).toBeNull();
  });
});

describe('consents', () => {
  it('records only what changed, an unset consent counting as off', () => {
    const r = changeConsents({ email: true, sms: true }, { email: true, sms: false, line: false, marketing: true });
    expect(r.next).toEqual({ email: true, sms: false, line: false, marketing: true });
    expect(r.changes).toEqual({ sms: { from: true, to: false }, marketing: { from: false, to: true } });
    expect(changeConsents({ email: true }, { email: true }).changes).toEqual({});
  });
  it('an unsubscribe link turns off its channel and marketing', () => {
    expect(changeConsents({ email: true, sms: true, marketing: true }, unsubscribePatch('email')).next).toEqual({ email: false, sms: true, marketing: false });
  });
  it('lists the channels a shopper can be reached on', () => {
    expect(reachableChannels({ email: 'a@example.jp', phone: null, lineUserId: 'U1' })).toEqual(['email', 'line']);
    expect(reachableChannels({ email: null, phone: '+819012345678', lineUserId: null })).toEqual(['sms']);
  });
});

describe('one-click unsubscribe headers (RFC 8058)', () => {
  it('names the https URL and the one-click body', () => {
    expect(listUnsubscribeHeaders('https://shop.example/u/t?channel=email', 'unsub@shop.example')).toEqual({
      'List-Unsubscribe': '<https://shop.example/u/t?channel=email>, <mailto:unsub@shop.example>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});

describe('page language', () => {
  it('reads Accept-Language by weight', () => {
    expect(acceptedLocales('fr-FR,fr;q=0.9,en-US;q=0.8,ja;q=0.9')).toEqual(['ja', 'en']);
    expect(acceptedLocales('de')).toEqual([]);
    expect(acceptedLocales('en;q=0, ja')).toEqual(['ja']);
  });
  it('prefers the switch, then the customer, then the browser, then the store', () => {
    expect(pickLocale({ requested: 'en', customer: 'ja', acceptLanguage: 'ja', store: 'ja' })).toBe('en');
    expect(pickLocale({ requested: 'xx', customer: 'ja', acceptLanguage: 'en', store: 'en' })).toBe('ja');
    expect(pickLocale({ customer: null, acceptLanguage: 'en-GB,en;q=0.9', store: 'ja' })).toBe('en');
    expect(pickLocale({ customer: null, acceptLanguage: 'de', store: 'ja' })).toBe('ja');
  });
});
