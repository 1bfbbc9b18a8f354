import { describe, expect, it } from 'vitest';
import type { LineItem } from './order.types.ts';
import { planCancellation, rollupEvent, rollupOrder, rollupPath } from './rollup.ts';

const line = (id: string, quantity: number, extra: Partial<LineItem> = {}): LineItem => ({
  id,
  externalId: null,
  productId: null,
  variantId: null,
  sku: null,
  title: `Item ${id}`,
  variantTitle: null,
  quantity,
  cancelledQuantity: 0,
  unitPrice: 1000,
  imageUrl: null,
  category: null,
  tags: [],
  finalSale: false,
  requiresShipping: true,
  ...extra,
});
const ship = (status: string, items: Array<[string, number]> = [], cancelled = false) => ({
  status: status as never,
  cancelled,
  items: items.map(([lineItemId, quantity]) => ({ lineItemId, quantity })),
});

describe('order roll-up', () => {
  const lines = [line('a', 2), line('b', 1)];

  it('is nothing before any shipment', () => {
    expect(rollupOrder(lines, [])).toMatchObject({ fulfilled: 'none', delivered: 'none' });
    expect(rollupEvent('confirmed', rollupOrder(lines, []))).toBeNull();
  });
  it('is partial when some items ship, full when all do', () => {
    const partial = rollupOrder(lines, [ship('in_transit', [['a', 2]])]);
    expect(partial.fulfilled).toBe('partial');
    expect(rollupEvent('confirmed', partial)).toBe('fulfill_partial');
    const full = rollupOrder(lines, [ship('in_transit', [['a', 2]]), ship('pending', [['b', 1]])]);
    expect(full.fulfilled).toBe('all');
    expect(rollupEvent('partially_fulfilled', full)).toBe('fulfill_all');
  });
  it('treats a shipment without items as the whole order', () => {
    expect(rollupOrder(lines, [ship('delivered')]).delivered).toBe('all');
  });
  it('counts delivery per shipment and moves back when a parcel returns to sender', () => {
    const one = rollupOrder(lines, [ship('delivered', [['a', 2]]), ship('in_transit', [['b', 1]])]);
    expect(one.delivered).toBe('partial');
    expect(rollupEvent('fulfilled', one)).toBe('deliver_partial');
    const back = rollupOrder(lines, [ship('return_to_sender', [['a', 2]]), ship('delivered', [['b', 1]])]);
    expect(rollupEvent('delivered', back)).toBe('deliver_partial');
  });
  it('ignores cancelled shipments, cancelled quantities and lines that do not ship', () => {
    const ls = [line('a', 2, { cancelledQuantity: 1 }), line('gift', 1, { requiresShipping: false })];
    expect(rollupOrder(ls, [ship('delivered', [['a', 1]])]).delivered).toBe('all');
    expect(rollupOrder(ls, [ship('delivered', [['a', 1]], true)]).fulfilled).toBe('none');
  });
  it('takes an order back when every shipment is cancelled', () => {
    const r = rollupOrder(lines, [ship('in_transit', [['a', 2]], true)]);
    expect(rollupEvent('partially_fulfilled', r)).toBe('unfulfill');
    expect(rollupEvent('fulfilled', r)).toBe('unfulfill');
    expect(rollupEvent('confirmed', r)).toBeNull();
    // Delivered orders are not taken back by a cancelled shipment record.
    expect(rollupEvent('delivered', r)).toBeNull();
  });
  it('walks the machine when a parcel is delivered before the order knew it had shipped', () => {
    expect(rollupPath('confirmed', rollupOrder(lines, [ship('delivered')]))).toEqual(['fulfill_all', 'deliver_all']);
    expect(rollupPath('placed', rollupOrder(lines, [ship('delivered', [['a', 2]])]))).toEqual(['fulfill_partial', 'deliver_partial']);
    expect(rollupPath('partially_fulfilled', rollupOrder(lines, [ship('delivered', [['a', 2]]), ship('delivered', [['b', 1]])]))).toEqual(['fulfill_all', 'deliver_all']);
    expect(rollupPath('fulfilled', rollupOrder(lines, [ship('delivered')]))).toEqual(['deliver_all']);
    expect(rollupPath('delivered', rollupOrder(lines, [ship('delivered')]))).toEqual([]);
  });
  it('never moves a cancelled or completed order', () => {
    const r = rollupOrder(lines, [ship('delivered')]);
    expect(rollupEvent('cancelled', r)).toBeNull();
    expect(rollupEvent('completed', r)).toBeNull();
  });
});

describe('partial cancellation', () => {
  const lines = [line('a', 3), line('b', 1)];
  it('cancels what is open and unshipped', () => {
    const plan = planCancellation(lines, [ship('in_transit', [['a', 1]])], [{ lineItemId: 'a', quantity: 2 }]);
    expect(plan.cancelled).toEqual({ a: 2 });
    expect(plan.nothingLeft).toBe(false);
  });
  it('refuses more than can be cancelled, naming what can', () => {
    expect(() => planCancellation(lines, [ship('in_transit', [['a', 2]])], [{ lineItemId: 'a', quantity: 2 }])).toThrow(/Only 1/);
  });
  it('refuses items that are not in the order', () => {
    expect(() => planCancellation(lines, [], [{ lineItemId: 'zzz', quantity: 1 }])).toThrow(/not part of this order/);
  });
  it('says when nothing is left', () => {
    const plan = planCancellation(lines, [], [
      { lineItemId: 'a', quantity: 3 },
      { lineItemId: 'b', quantity: 1 },
    ]);
    expect(plan.nothingLeft).toBe(true);
  });
});
