import { describe, expect, it } from 'vitest';
import { attributesFromText, deliveryPreferences, parseRequestedDate, parseTimeSlot } from './delivery-preferences.ts';

describe('delivery preferences from note attributes', () => {
  it('reads Japanese app attributes', () => {
    expect(
      deliveryPreferences([
        { name: 'ギフト包装', value: 'あり' },
        { name: '配達希望日', value: '2026/11/22(日)' },
        { name: '配達時間帯', value: '14時～16時' },
      ]),
    ).toEqual({ requestedDeliveryDate: '2026-11-22', requestedTimeSlot: '14-16' });
  });

  it('reads English and snake_case names', () => {
    expect(deliveryPreferences([{ name: 'delivery_date', value: '2026-12-01' }, { name: 'Delivery Time', value: '18:00-20:00' }])).toEqual({
      requestedDeliveryDate: '2026-12-01',
      requestedTimeSlot: '18-20',
    });
  });

  it('falls back to name: value lines in the note', () => {
    expect(deliveryPreferences([], 'お届け希望日：２０２６年１２月３日\nお届け時間帯：午前中\n不在時は宅配ボックスへ')).toEqual({
      requestedDeliveryDate: '2026-12-03',
      requestedTimeSlot: '午前中',
    });
  });

  it('ignores no-preference values and impossible dates', () => {
    expect(deliveryPreferences([{ name: '配送希望日', value: '指定なし' }, { name: '配送時間帯', value: '指定なし' }])).toEqual({});
    expect(parseRequestedDate('2026/02/30')).toBeUndefined();
    expect(parseRequestedDate('最短')).toBeUndefined();
  });

  it('normalises time slots and keeps unknown ones as text', () => {
    expect(parseTimeSlot('19〜21時')).toBe('19-21');
    expect(parseTimeSlot('12:00~14:00')).toBe('12-14');
    expect(parseTimeSlot('AM')).toBe('午前中');
    expect(parseTimeSlot('夕方')).toBe('夕方');
    expect(parseTimeSlot('none')).toBeUndefined();
  });

  it('splits attribute text', () => {
    expect(attributesFromText('配達希望日: 2026/11/22\r\nfoo\nDelivery Time: 14-16')).toEqual([
      { name: '配達希望日', value: '2026/11/22' },
      { name: 'Delivery Time', value: '14-16' },
    ]);
  });
});
