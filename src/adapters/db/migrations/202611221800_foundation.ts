import { sql, type Kysely } from 'kysely';

/* Frozen: never edit a migration that has shipped; add a new one. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {

  await db.schema
    .createTable('store')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('ja', 'en')`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('secrets', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_key')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('name', 'text')
    .addColumn('locale', 'text', (c) => c.check(sql`locale is null or locale in ('ja', 'en')`))
    .addColumn('consents', 'text', (c) => c.notNull())
    .addColumn('line_user_id', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_external').unique().on('customer').columns(['store_id', 'source', 'external_id']).execute();
  await db.schema.createIndex('customer_email').unique().on('customer').columns(['store_id', 'email']).execute();
  await db.schema.createIndex('customer_phone').on('customer').columns(['store_id', 'phone']).execute();

  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('returnable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('final_sale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumption_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('product_external').unique().on('product').columns(['store_id', 'source', 'external_id']).execute();

  await db.schema
    .createTable('variant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('sku', 'text')
    .addColumn('title', 'text')
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('variant_external').unique().on('variant').columns(['store_id', 'source', 'external_id']).execute();
  await db.schema.createIndex('variant_sku').on('variant').columns(['store_id', 'sku']).execute();

  await db.schema
    .createTable('order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('customer_id', 'text', (c) => c.references('customer.id'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('locale', 'text', (c) => c.check(sql`locale is null or locale in ('ja', 'en')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('placed', 'confirmed', 'partially_fulfilled', 'fulfilled', 'partially_delivered', 'delivered', 'completed', 'cancelled')`),
    )
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('subtotal', 'bigint', (c) => c.notNull())
    .addColumn('shipping_total', 'bigint', (c) => c.notNull())
    .addColumn('tax_total', 'bigint', (c) => c.notNull())
    .addColumn('discount_total', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull().check(sql`delivery_method in ('ship', 'pickup', 'curbside')`))
    .addColumn('shipping_address', 'text')
    .addColumn('requested_delivery_date', 'text')
    .addColumn('requested_time_slot', 'text')
    .addColumn('fulfillment_note', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_external').unique().on('order').columns(['store_id', 'source', 'external_id']).execute();
  await db.schema.createIndex('order_number').on('order').columns(['store_id', 'number']).execute();
  await db.schema.createIndex('order_placed').on('order').columns(['store_id', 'placed_at', 'id']).execute();
  await db.schema.createIndex('order_email').on('order').columns(['store_id', 'email']).execute();
  await db.schema.createIndex('order_customer').on('order').columns(['store_id', 'customer_id']).execute();

  await db.schema
    .createTable('line_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('product_id', 'text')
    .addColumn('variant_id', 'text')
    .addColumn('sku', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('variant_title', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 0`))
    .addColumn('cancelled_quantity', 'integer', (c) => c.notNull().check(sql`cancelled_quantity >= 0`))
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('category', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('final_sale', 'integer', (c) => c.notNull())
    .addColumn('requires_shipping', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('line_item_order').on('line_item').columns(['order_id', 'position']).execute();

  await db.schema
    .createTable('shipment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('carrier', 'text')
    .addColumn('service', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('pending', 'info_received', 'in_transit', 'out_for_delivery', 'attempt_failed', 'available_for_pickup', 'delivered', 'exception', 'return_to_sender', 'expired')`,
        ),
    )
    .addColumn('substatus', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('shipped_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('promised_date', 'text')
    .addColumn('carrier_estimate', 'text')
    .addColumn('estimated_delivery', 'text')
    .addColumn('last_event_at', 'text')
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shipment_external').unique().on('shipment').columns(['store_id', 'source', 'external_id']).execute();
  await db.schema.createIndex('shipment_order').on('shipment').columns(['store_id', 'order_id']).execute();
  await db.schema.createIndex('shipment_tracking').on('shipment').columns(['store_id', 'tracking_number']).execute();

  await db.schema
    .createTable('pickup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('preparing', 'ready_for_pickup', 'picked_up', 'expired', 'cancelled')`))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .addColumn('picked_up_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pickup_order').unique().on('pickup').columns(['store_id', 'order_id']).execute();

  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('store.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_order').on('event').columns(['store_id', 'order_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('event_customer').on('event').columns(['store_id', 'customer_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('event_type').on('event').columns(['store_id', 'type', 'occurred_at']).execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'running', 'done', 'dead')`))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_ready').on('job').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('job_store').on('job').columns(['store_id', 'status']).execute();

  await db.schema
    .createTable('webhook_receipt')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_receipt_pk', ['store_id', 'source', 'webhook_id'])
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('in_progress', 'done')`))
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['store_id', 'key'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['idempotency_key', 'webhook_receipt', 'job', 'event', 'pickup', 'shipment', 'line_item', 'order', 'variant', 'product', 'customer', 'api_key', 'store']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
