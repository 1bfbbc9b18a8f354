import { sql, type Kysely } from 'kysely';

/* Frozen: never edit a migration that has shipped; add a new one. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The message log: every message the journey engine planned, with its outcome and content.
  await db.schema
    .createTable('message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    // Deterministic (store, trigger, entity, step): the same event planned twice gives the same key.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('digest_key', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('recipient', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('shipment_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('scheduled', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'suppressed', 'cancelled')`),
    )
    .addColumn('reason', 'text')
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('body_text', 'text')
    .addColumn('body_html', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_when', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_key').unique().on('message').columns(['store_id', 'key']).execute();
  await db.schema.createIndex('message_order').on('message').columns(['store_id', 'order_id']).execute();
  // By shopper and time: the customer's message log, and the daily cap without a scan.
  await db.schema.createIndex('message_customer').on('message').columns(['store_id', 'customer_id', 'send_at']).execute();
  await db.schema.createIndex('message_recipient').on('message').columns(['store_id', 'recipient', 'send_at']).execute();
  await db.schema.createIndex('message_digest').on('message').columns(['store_id', 'digest_key', 'status']).execute();
  await db.schema.createIndex('message_provider').on('message').columns(['store_id', 'provider_message_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message').ifExists().execute();
}
