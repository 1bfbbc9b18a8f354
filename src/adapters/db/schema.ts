/**
 * Row types of every table, as both databases store them: text ids, ISO-8601 UTC text timestamps,
 * integers for money and booleans (0/1), JSON as text.
 */
export interface StoreTable {
  id: string;
  name: string;
  locale: string;
  currency: string;
  timezone: string;
  settings: string;
  secrets: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiKeyTable {
  key_hash: string;
  store_id: string;
  label: string;
  created_at: string;
}

export interface CustomerTable {
  id: string;
  store_id: string;
  source: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string | null;
  consents: string;
  line_user_id: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
}

export interface OrderTable {
  id: string;
  store_id: string;
  number: string;
  source: string;
  external_id: string | null;
  customer_id: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  status: string;
  placed_at: string;
  currency: string;
  subtotal: number;
  shipping_total: number;
  tax_total: number;
  discount_total: number;
  total: number;
  delivery_method: string;
  shipping_address: string | null;
  requested_delivery_date: string | null;
  requested_time_slot: string | null;
  fulfillment_note: string | null;
  tags: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LineItemTable {
  id: string;
  store_id: string;
  order_id: string;
  position: number;
  external_id: string | null;
  product_id: string | null;
  variant_id: string | null;
  sku: string | null;
  title: string;
  variant_title: string | null;
  quantity: number;
  cancelled_quantity: number;
  unit_price: number;
  image_url: string | null;
  category: string | null;
  tags: string;
  final_sale: number;
  requires_shipping: number;
}

export interface ProductTable {
  id: string;
  store_id: string;
  source: string;
  external_id: string | null;
  title: string;
  category: string | null;
  tags: string;
  image_url: string | null;
  returnable: number;
  final_sale: number;
  consumption_days: number | null;
  created_at: string;
  updated_at: string;
}

export interface VariantTable {
  id: string;
  store_id: string;
  product_id: string;
  source: string;
  external_id: string | null;
  sku: string | null;
  title: string | null;
  price: number;
  currency: string;
  image_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShipmentTable {
  id: string;
  store_id: string;
  order_id: string;
  source: string;
  external_id: string | null;
  carrier: string | null;
  service: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  tracking_key: string | null;
  attention_reason: string | null;
  attention_since: string | null;
  status: string;
  substatus: string | null;
  items: string;
  shipped_at: string | null;
  delivered_at: string | null;
  promised_date: string | null;
  carrier_estimate: string | null;
  estimated_delivery: string | null;
  last_event_at: string | null;
  cancelled: number;
  created_at: string;
  updated_at: string;
}

export interface PickupTable {
  id: string;
  store_id: string;
  order_id: string;
  status: string;
  location: string;
  ready_at: string | null;
  picked_up_at: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventTable {
  id: string;
  store_id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  order_id: string | null;
  customer_id: string | null;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  data: string;
}

export interface JobTable {
  id: string;
  store_id: string | null;
  type: string;
  key: string | null;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface WebhookReceiptTable {
  store_id: string;
  source: string;
  webhook_id: string;
  topic: string;
  received_at: string;
}

export interface IdempotencyKeyTable {
  store_id: string;
  key: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

export interface TrackingEventTable {
  id: string;
  store_id: string;
  shipment_id: string | null;
  tracking_key: string;
  tracking_number: string;
  carrier: string | null;
  source: string;
  dedupe_key: string;
  status: string | null;
  substatus: string | null;
  raw_code: string | null;
  message: string | null;
  location: string | null;
  occurred_at: string;
  received_at: string;
  estimated_delivery: string | null;
}

export interface MessageTable {
  id: string;
  store_id: string;
  key: string;
  digest_key: string | null;
  trigger: string;
  channel: string | null;
  recipient: string | null;
  locale: string;
  order_id: string | null;
  shipment_id: string | null;
  customer_id: string | null;
  status: string;
  reason: string | null;
  send_at: string;
  sent_at: string | null;
  provider_message_id: string | null;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  attempts: number;
  cancel_when: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  message: MessageTable;
  tracking_event: TrackingEventTable;
  store: StoreTable;
  api_key: ApiKeyTable;
  customer: CustomerTable;
  product: ProductTable;
  variant: VariantTable;
  order: OrderTable;
  line_item: LineItemTable;
  shipment: ShipmentTable;
  pickup: PickupTable;
  event: EventTable;
  job: JobTable;
  webhook_receipt: WebhookReceiptTable;
  idempotency_key: IdempotencyKeyTable;
}
