import { SHIPMENT_STATUSES } from '../../core/shipment/shipment.types.ts';
import type { SimulationSummary } from './run.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const int = (n: number) => n.toLocaleString('en-US');

/** The run's summary as a few lines of text. */
export function formatSummary(s: SimulationSummary): string {
  const total = Object.values(s.statuses).reduce((a, b) => a + (b ?? 0), 0);
  const mix = SHIPMENT_STATUSES.filter((st) => s.statuses[st])
    .map((st) => `${st} ${int(s.statuses[st]!)} (${pct(s.statuses[st]! / total)})`)
    .join(', ');
  const p = s.problems;
  const state = s.stopped ? 'Stopped early' : s.complete ? 'Complete' : 'History done';
  return [
    `${state}: store ${s.storeId}, seed ${s.seed}, ${s.days} days up to ${s.startedAt}${s.live ? `, live until ${s.simulatedUntil}` : ''}.`,
    `  Orders:     ${int(s.orders.created)} of ${int(s.orders.planned)} placed`,
    `  Shipments:  ${int(s.shipments.created)} of ${int(s.shipments.planned)} recorded`,
    `  Scans:      ${int(s.scans.sent)} sent in ${int(s.scans.batches)} batches: ${int(s.scans.stored)} stored, ${int(s.scans.duplicates)} duplicates dropped` +
      (s.scans.orphaned ? `, ${int(s.scans.orphaned)} without a shipment` : '') +
      (s.scans.pending ? `; ${int(s.scans.pending)} still due later${s.live ? '' : ' (run with --speed to play them)'}` : ''),
    `  Statuses:   ${mix || 'none'}`,
    `  Problems:   delayed ${pct(p.delayed.share)}, failed attempt ${pct(p.failedAttempt.share)}, held for pickup ${pct(p.pickup.share)}, lost ${pct(p.lost.share)}, returned ${pct(p.returned.share)}`,
    `  Took ${(s.durationMs / 1000).toFixed(1)} s.`,
  ].join('\n');
}
