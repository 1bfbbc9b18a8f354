import { progressRank, type ShipmentStatus } from './statuses.ts';

export interface ScanFact {
  status: ShipmentStatus | null;
  substatus: string | null;
  occurredAt: string;
  receivedAt: string;
  estimatedDelivery: string | null;
  id: string;
}

export interface DerivedShipmentState {
  status: ShipmentStatus;
  substatus: string | null;
  lastEventAt: string | null;
  deliveredAt: string | null;
  firstScanAt: string | null;
  carrierEstimate: string | null;
}

/** Statuses that only say "the label exists": they never undo progress a later scan already showed. */
const PRE_TRANSIT = new Set<ShipmentStatus>(['pending', 'info_received']);

/**
 * A shipment's state from all its scans, ordered by when they happened (not when they arrived),
 * so late, repeated or shuffled deliveries give the same answer. Ties at the same instant go to
 * the scan further along the journey. A label-only scan dated after real movement is noise.
 */
export function deriveShipmentState(scans: readonly ScanFact[], initial: ShipmentStatus = 'pending'): DerivedShipmentState {
  const ordered = scans
    .filter((s) => s.status !== null)
    .slice()
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : progressRank(a.status!) - progressRank(b.status!) || (a.id < b.id ? -1 : 1)));
  let current: ScanFact | null = null;
  let moved = false;
  let deliveredAt: string | null = null;
  let firstScanAt: string | null = null;
  for (const s of ordered) {
    const status = s.status!;
    if (moved && PRE_TRANSIT.has(status)) continue;
    if (!PRE_TRANSIT.has(status)) {
      moved = true;
      firstScanAt ??= s.occurredAt;
    }
    current = s;
    if (status === 'delivered') deliveredAt = s.occurredAt;
  }
  const status = current?.status ?? initial;
  // The carrier's latest word on the date, by when it was said.
  const withEstimate = scans.filter((s) => s.estimatedDelivery).sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  const lastEventAt = scans.reduce<string | null>((max, s) => (max === null || s.occurredAt > max ? s.occurredAt : max), null);
  return {
    status,
    substatus: current?.substatus ?? null,
    lastEventAt,
    deliveredAt: status === 'delivered' ? deliveredAt : null,
    firstScanAt,
    carrierEstimate: withEstimate.length ? withEstimate[withEstimate.length - 1]!.estimatedDelivery : null,
  };
}
