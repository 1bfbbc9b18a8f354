import { sql, type Kysely } from 'kysely';

/* Frozen: never edit a migration that has shipped; add a new one. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The tracking number as carriers and shoppers write it differs (hyphens, spaces, full-width
  // digits); the key is its normalised form, used to match scans to shipments.
  await db.schema.alterTable('shipment').addColumn('tracking_key', 'text').execute();
  await sql`update shipment set tracking_key = upper(replace(replace(tracking_number, '-', ''), ' ', '')) where tracking_number is not null`.execute(db);
  await db.schema.createIndex('shipment_tracking_key').on('shipment').columns(['store_id', 'tracking_key']).execute();
  // Why a shipment needs someone's attention (delayed, stalled, attempt_failed, exception,
  // return_to_sender, expired) and since when; null when all is well. The exceptions queue.
  await db.schema.alterTable('shipment').addColumn('attention_reason', 'text').execute();
  await db.schema.alterTable('shipment').addColumn('attention_since', 'text').execute();
  await db.schema.createIndex('shipment_attention').on('shipment').columns(['store_id', 'attention_since']).execute();

  await db.schema
    .createTable('tracking_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('shipment_id', 'text', (c) => c.references('shipment.id'))
    .addColumn('tracking_key', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.check(
        sql`status is null or status in ('pending', 'info_received', 'in_transit', 'out_for_delivery', 'attempt_failed', 'available_for_pickup', 'delivered', 'exception', 'return_to_sender', 'expired')`,
      ),
    )
    .addColumn('substatus', 'text')
    .addColumn('raw_code', 'text')
    .addColumn('message', 'text')
    .addColumn('location', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('estimated_delivery', 'text')
    .execute();
  await db.schema.createIndex('tracking_event_dedupe').unique().on('tracking_event').columns(['store_id', 'dedupe_key']).execute();
  await db.schema.createIndex('tracking_event_shipment').on('tracking_event').columns(['shipment_id', 'occurred_at']).execute();
  await db.schema.createIndex('tracking_event_orphan').on('tracking_event').columns(['store_id', 'tracking_key', 'shipment_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tracking_event').ifExists().execute();
  await db.schema.dropIndex('shipment_tracking_key').ifExists().execute();
  await db.schema.dropIndex('shipment_attention').ifExists().execute();
  await db.schema.alterTable('shipment').dropColumn('attention_reason').execute();
  await db.schema.alterTable('shipment').dropColumn('attention_since').execute();
  await db.schema.alterTable('shipment').dropColumn('tracking_key').execute();
}
