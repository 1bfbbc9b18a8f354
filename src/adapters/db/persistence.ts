import type { Persistence, Repos } from '../../core/ports.ts';
import { AppError, isAppError } from '../../core/shared/errors.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { jobOutbox } from '../queue/job-queue.ts';
import type { Db } from './database.ts';
import { customerRepo } from './repos/customers.repo.ts';
import { eventLog } from './repos/events.repo.ts';
import { orderRepo } from './repos/orders.repo.ts';
import { idempotencyRepo, webhookReceipts } from './repos/receipts.repo.ts';
import { pickupRepo, shipmentRepo } from './repos/shipments.repo.ts';
import { storeRepo } from './repos/stores.repo.ts';
import { trackingEventRepo } from './repos/tracking-events.repo.ts';
import type { Q } from './repos/types.ts';

function reposOn(q: Q, box: SecretBox): Repos {
  return {
    stores: storeRepo(q, box),
    customers: customerRepo(q),
    orders: orderRepo(q),
    shipments: shipmentRepo(q),
    trackingEvents: trackingEventRepo(q),
    pickups: pickupRepo(q),
    events: eventLog(q),
    jobs: jobOutbox(q),
    webhooks: webhookReceipts(q),
    idempotency: idempotencyRepo(q),
  };
}

/** A write that lost a race with another one: safe to run again from the start. */
export function isRetryableConflict(e: unknown): boolean {
  if (isAppError(e)) return e.code === 'VERSION_CONFLICT';
  const code = (e as { code?: unknown })?.code;
  return (
    code === '23505' || // unique_violation
    code === '40001' || // serialization_failure
    code === '40P01' || // deadlock_detected
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_BUSY'
  );
}

export function createPersistence(db: Db, box: SecretBox, attempts = 4): Persistence {
  return {
    read: reposOn(db.kysely, box),
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.kysely.transaction().execute((trx) => fn(reposOn(trx, box)));
        } catch (e) {
          if (attempt < attempts && isRetryableConflict(e)) continue;
          if (isRetryableConflict(e) && !isAppError(e)) {
            throw new AppError('VERSION_CONFLICT', 'Another change to the same record landed first; try again.', {});
          }
          throw e;
        }
      }
    },
  };
}
