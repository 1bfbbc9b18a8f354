import { describe, expect, it } from 'vitest';
import { deriveShipmentState, type ScanFact } from './derive.ts';
import type { ShipmentStatus } from './statuses.ts';

let n = 0;
const scan = (status: ShipmentStatus | null, occurredAt: string, extra: Partial<ScanFact> = {}): ScanFact => ({
  id: `tev_${String(++n).padStart(4, '0')}`,
  status,
  substatus: null,
  occurredAt,
  receivedAt: '2026-11-21T00:00:00.000Z',
  estimatedDelivery: null,
  ...extra,
});

/** Every permutation of a small array (for "shuffled order gives the same state"). */
function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('deriveShipmentState', () => {
  const journey = [
    scan('info_received', '2026-11-18T01:00:00.000Z'),
    scan('in_transit', '2026-11-18T09:00:00.000Z', { substatus: 'in_transit.picked_up' }),
    scan('in_transit', '2026-11-19T02:00:00.000Z', { estimatedDelivery: '2026-11-20' }),
    scan('out_for_delivery', '2026-11-20T00:30:00.000Z'),
    scan('delivered', '2026-11-20T04:10:00.000Z', { substatus: 'delivered.locker' }),
  ];

  it('gives the same state for every arrival order of the same scans', () => {
    const expected = deriveShipmentState(journey);
    expect(expected).toEqual({
      status: 'delivered',
      substatus: 'delivered.locker',
      lastEventAt: '2026-11-20T04:10:00.000Z',
      deliveredAt: '2026-11-20T04:10:00.000Z',
      firstScanAt: '2026-11-18T09:00:00.000Z',
      carrierEstimate: '2026-11-20',
    });
    for (const p of permutations(journey)) expect(deriveShipmentState(p)).toEqual(expected);
  });

  it('is unchanged by duplicates', () => {
    expect(deriveShipmentState([...journey, ...journey])).toEqual(deriveShipmentState(journey));
  });

  it('follows a delivered parcel that is then returned to the sender', () => {
    const s = deriveShipmentState([...journey, scan('return_to_sender', '2026-11-23T05:00:00.000Z', { substatus: 'return_to_sender.returned' })]);
    expect(s.status).toBe('return_to_sender');
    expect(s.deliveredAt).toBeNull();
  });

  it('ignores a label-only scan dated after real movement', () => {
    const s = deriveShipmentState([scan('in_transit', '2026-11-18T09:00:00.000Z'), scan('info_received', '2026-11-18T10:00:00.000Z')]);
    expect(s.status).toBe('in_transit');
  });

  it('breaks a tie at the same instant towards the further step', () => {
    const at = '2026-11-20T04:10:00.000Z';
    expect(deriveShipmentState([scan('delivered', at), scan('out_for_delivery', at)]).status).toBe('delivered');
    expect(deriveShipmentState([scan('out_for_delivery', at), scan('delivered', at)]).status).toBe('delivered');
  });

  it('keeps the initial status when no scan has a status, but still knows the last event time', () => {
    const s = deriveShipmentState([scan(null, '2026-11-18T01:00:00.000Z')], 'info_received');
    expect(s.status).toBe('info_received');
    expect(s.lastEventAt).toBe('2026-11-18T01:00:00.000Z');
  });

  it('takes the latest estimate the carrier gave', () => {
    const s = deriveShipmentState([
      scan('in_transit', '2026-11-18T09:00:00.000Z', { estimatedDelivery: '2026-11-20' }),
      scan('in_transit', '2026-11-19T09:00:00.000Z', { estimatedDelivery: '2026-11-22' }),
    ]);
    expect(s.carrierEstimate).toBe('2026-11-22');
  });
});
