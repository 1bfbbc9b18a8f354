import { expirePickup } from '../../app/pickups.ts';
import { fireShipmentTimer } from '../../app/shipment-timers.ts';
import { sendMessage } from '../../app/messages.ts';
import type { TimerKind } from '../../core/tracking/variance.ts';
import type { Deps } from '../../compose.ts';
import { PermanentJobError, type Worker } from './worker.ts';

const str = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || !v) throw new PermanentJobError(`payload.${name} is missing`);
  return v;
};

/** Registers every job type the platform runs. Each capability adds its handlers here. */
export function registerHandlers(worker: Worker, deps: Deps): Worker {
  worker.register('pickup.expire', async ({ job }) => {
    await expirePickup(deps, str(job.payload.storeId, 'storeId'), str(job.payload.orderId, 'orderId'));
  });
  worker.register('shipment.timer', async ({ job }) => {
    const p = job.payload;
    await fireShipmentTimer(deps, str(p.storeId, 'storeId'), str(p.shipmentId, 'shipmentId'), str(p.kind, 'kind') as TimerKind, str(p.cause, 'cause'));
  });
  worker.register('message.send', async ({ job }) => {
    const p = job.payload;
    // On the last attempt a transient failure fails the message visibly instead of retrying.
    await sendMessage(deps, str(p.storeId, 'storeId'), str(p.messageId, 'messageId'), job.attempts >= job.maxAttempts);
  });
  return worker;
}
