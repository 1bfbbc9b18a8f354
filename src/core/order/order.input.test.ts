import { describe, expect, it } from 'vitest';
import { OrderInputSchema, normalizeEmail, normalizePhone } from './order.input.ts';

describe('order input', () => {
  it('accepts a minimal order and fills defaults', () => {
    const r = OrderInputSchema.parse({ number: '#1001', placedAt: '2026-11-01T10:00:00+09:00', currency: 'JPY', lineItems: [{ title: 'Tea', quantity: 1, unitPrice: 1200 }] });
    expect(r.deliveryMethod).toBe('ship');
    expect(r.confirmed).toBe(true);
    expect(r.customer).toEqual({});
  });
  it('refuses negative money, zero quantity, unknown currency shape and empty orders', () => {
    const bad = OrderInputSchema.safeParse({ number: '1', placedAt: 'yesterday', currency: 'yen', lineItems: [{ title: 'x', quantity: 0, unitPrice: -1 }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['placedAt', 'currency', 'lineItems.0.quantity', 'lineItems.0.unitPrice']));
    expect(OrderInputSchema.safeParse({ number: '1', placedAt: '2026-11-01T00:00:00Z', currency: 'JPY', lineItems: [] }).success).toBe(false);
  });
  it('normalises emails and phones', () => {
    expect(normalizeEmail('  Hana@Example.JP ')).toBe('hana@example.jp');
    expect(normalizePhone('090-1234-5678', 'JP')).toBe('+819012345678');
    expect(normalizePhone('０９０ １２３４ ５６７８', 'JP')).toBe('+819012345678');
    expect(normalizePhone('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizePhone('(415) 555-0100', 'US')).toBe('+14155550100');
    expect(normalizePhone('')).toBeNull();
  });
});
