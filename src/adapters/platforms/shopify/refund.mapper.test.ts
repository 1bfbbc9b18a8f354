import { describe, expect, it } from 'vitest';
import { shopifyFixture } from './fixtures.test-support.ts';
import { parseJsonKeepingLargeIntegers } from './json.ts';
import { mapShopifyRefund } from './refund.mapper.ts';

const load = () => parseJsonKeepingLargeIntegers(shopifyFixture('refunds-create.ja.json')) as Record<string, unknown>;

describe('mapShopifyRefund', () => {
  it('maps a refund with its lines, note and successful transactions', () => {
    expect(mapShopifyRefund(load())).toEqual({
      orderExternalId: '5764607523034234881',
      refund: {
        externalId: '5764607523034240077',
        occurredAt: '2026-11-23T11:20:00+09:00',
        note: '湯呑みが破損して届いたため返金',
        payments: [{ amount: '3200', currency: 'JPY' }],
        lines: [{ lineItemExternalId: '9007199254740995', quantity: 1, subtotal: '3200' }],
      },
    });
  });

  it('counts only successful refund transactions', () => {
    const r = load();
    r.transactions = [
      { amount: '3200', kind: 'refund', status: 'failure', currency: 'JPY' },
      { amount: '1000', kind: 'refund', status: 'success', currency: 'JPY' },
      { amount: '500', kind: 'sale', status: 'success', currency: 'JPY' },
    ];
    expect(mapShopifyRefund(r).refund.payments).toEqual([{ amount: '1000', currency: 'JPY' }]);
  });
});
