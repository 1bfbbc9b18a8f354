import { createHash } from 'node:crypto';
import type { TimelineEvent } from '../core/ports.ts';
import { newId } from '../core/shared/ids.ts';
import { parseInput } from '../core/shared/validate.ts';
import type { Shipment } from '../core/shipment/shipment.types.ts';
import { normalizeTrackingNumber } from '../core/tracking/carriers.ts';
import { mapJapaneseStatusText } from '../core/tracking/status-map.ts';
import { TrackingBatchSchema, type TrackingEvent, type TrackingEventInput } from '../core/tracking/tracking-event.ts';
import { AppError } from '../core/shared/errors.ts';
import { eventsFor, type AppDeps } from './deps.ts';
import { moveOrders, refreshFromScans } from './shipment-state.ts';

export interface IngestContext {
  /** `aftership`, `easypost`, `shippo`, `17track`, `otodoke`, `api`, `simulator`… */
  source: string;
  actor: string;
}

export interface IngestSummary {
  received: number;
  stored: number;
  duplicates: number;
  /** Stored scans whose shipment is known. */
  matched: number;
  /** Stored scans kept for a tracking number no shipment has yet. */
  orphaned: number;
  shipmentsChanged: number;
}

/**
 * The same scan reported again (a webhook retried, an aggregator resending the whole history) has
 * the same key: the provider's checkpoint id when there is one, else what the scan says.
 */
function dedupeKey(source: string, key: string, e: TrackingEventInput, occurredAt: string): string {
  if (e.eventId) return `id:${source}:${e.eventId}`;
  const what = [key, occurredAt, e.status ?? '', e.substatus ?? '', e.rawCode ?? '', e.message ?? '', e.location?.city ?? '', e.location?.facility ?? ''].join('\u001f');
  return 'h:' + createHash('sha256').update(what).digest('base64url');
}

/**
 * Ingests carrier scans from any source: validates, normalises tracking numbers, maps statuses,
 * drops duplicates, keeps scans for unknown numbers until their shipment appears, re-derives the
 * affected shipments from all their scans, and rolls their orders up — all in one transaction.
 */
export async function ingestTrackingEvents(deps: AppDeps, storeId: string, raw: TrackingEventInput[], ctx: IngestContext): Promise<IngestSummary> {
  const { events: inputs } = parseInput(TrackingBatchSchema, { events: raw });
  const now = deps.clock.now();
  const at = now.toISOString();
  const drafts: TrackingEvent[] = inputs.map((e) => {
    const trackingKey = normalizeTrackingNumber(e.trackingNumber);
    const occurredAt = new Date(e.occurredAt).toISOString();
    const mapped = e.status ? { status: e.status, substatus: e.substatus } : mapJapaneseStatusText(e.message ?? e.rawCode ?? '');
    return {
      id: newId('trackingEvent', now),
      storeId,
      shipmentId: null,
      trackingKey,
      trackingNumber: e.trackingNumber,
      carrier: e.carrier ?? null,
      source: ctx.source,
      dedupeKey: dedupeKey(ctx.source, trackingKey, e, occurredAt),
      status: mapped?.status ?? null,
      substatus: mapped?.substatus ?? e.substatus ?? null,
      rawCode: e.rawCode ?? null,
      message: e.message ?? null,
      location: e.location ? (Object.fromEntries(Object.entries(e.location).filter(([, v]) => v !== undefined)) as Record<string, string>) : null,
      occurredAt,
      receivedAt: at,
      estimatedDelivery: e.estimatedDelivery ?? null,
    };
  });
  // One batch may repeat a scan: keep its first copy.
  const unique = [...new Map(drafts.map((d) => [d.dedupeKey, d])).values()];

  return deps.persistence.transaction(async (r) => {
    const store = await r.stores.get(storeId);
    if (!store) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId });
    const keys = [...new Set(unique.map((d) => d.trackingKey))];
    const shipments = await r.shipments.listByTrackingKeys(storeId, keys);
    // Several shipments may share a number (a reused label): the newest live one takes the scan.
    const byKey = new Map<string, Shipment>();
    for (const s of shipments) {
      const key = normalizeTrackingNumber(s.trackingNumber ?? '');
      const prior = byKey.get(key);
      if (!prior || (prior.cancelled && !s.cancelled) || (prior.cancelled === s.cancelled && s.id > prior.id)) byKey.set(key, s);
    }
    for (const d of unique) {
      const s = byKey.get(d.trackingKey);
      if (s && (!d.carrier || !s.carrier || d.carrier === s.carrier)) d.shipmentId = s.id;
    }
    const stored = await r.trackingEvents.insertNew(unique);
    const affected = [...new Set(stored.map((e) => e.shipmentId).filter((id): id is string => id !== null))];
    const ev = eventsFor(storeId, now);
    const timeline: TimelineEvent[] = [];
    const refreshed = await refreshFromScans(
      r,
      storeId,
      shipments.filter((s) => affected.includes(s.id)),
      ev,
      ctx.actor,
      at,
    );
    timeline.push(...refreshed.events);
    await moveOrders(r, storeId, refreshed.orderIds, timeline, ev, ctx.actor, at);
    await r.events.append(timeline);
    const matched = stored.filter((e) => e.shipmentId).length;
    return {
      received: raw.length,
      stored: stored.length,
      duplicates: raw.length - stored.length,
      matched,
      orphaned: stored.length - matched,
      shipmentsChanged: refreshed.changed.length,
    };
  });
}

/** A shipment with its scans, newest first, for the API and the tracking page. */
export async function shipmentWithEvents(deps: AppDeps, storeId: string, shipment: Shipment) {
  const scans = await deps.persistence.read.trackingEvents.listByShipments(storeId, [shipment.id]);
  return { ...shipment, events: scans.reverse() };
}
