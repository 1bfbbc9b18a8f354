import type { IdempotencyRepo, WebhookReceipts } from '../../../core/ports.ts';
import type { Q } from './types.ts';

export function webhookReceipts(q: Q): WebhookReceipts {
  return {
    async record(storeId, source, webhookId, topic, at) {
      const res = await q
        .insertInto('webhook_receipt')
        .values({ store_id: storeId, source, webhook_id: webhookId, topic, received_at: at })
        .onConflict((oc) => oc.columns(['store_id', 'source', 'webhook_id']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}

export function idempotencyRepo(q: Q): IdempotencyRepo {
  return {
    async claim(storeId, key, requestHash, at) {
      const res = await q
        .insertInto('idempotency_key')
        .values({ store_id: storeId, key, request_hash: requestHash, state: 'in_progress', response_status: null, response_body: null, created_at: at })
        .onConflict((oc) => oc.columns(['store_id', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) return null;
      const r = await q.selectFrom('idempotency_key').selectAll().where('store_id', '=', storeId).where('key', '=', key).executeTakeFirstOrThrow();
      return { requestHash: r.request_hash, state: r.state as 'in_progress' | 'done', responseStatus: r.response_status, responseBody: r.response_body };
    },
    async complete(storeId, key, status, body) {
      await q
        .updateTable('idempotency_key')
        .set({ state: 'done', response_status: status, response_body: body })
        .where('store_id', '=', storeId)
        .where('key', '=', key)
        .execute();
    },
    async release(storeId, key) {
      await q.deleteFrom('idempotency_key').where('store_id', '=', storeId).where('key', '=', key).where('state', '=', 'in_progress').execute();
    },
  };
}
