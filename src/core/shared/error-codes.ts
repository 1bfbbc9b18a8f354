/**
 * Every stable error code Otodoke answers with, in one place. Codes are part of the public API:
 * add new ones, never rename or reuse one.
 */
export const ERROR_CODES = {
  // invalid
  VALIDATION_FAILED: 'invalid',
  INVALID_JSON: 'invalid',
  PAYLOAD_TOO_LARGE: 'invalid',
  INVALID_TRANSITION: 'conflict',
  INVALID_CURSOR: 'invalid',
  CSV_ROW_INVALID: 'invalid',
  CANCEL_QUANTITY_EXCEEDS_OPEN: 'invalid',
  LINE_ITEM_NOT_IN_ORDER: 'invalid',
  SHIPMENT_ITEMS_EXCEED_ORDER: 'invalid',
  UNSUPPORTED_WEBHOOK_TOPIC: 'invalid',
  // not_found
  NOT_FOUND: 'not_found',
  STORE_NOT_FOUND: 'not_found',
  ORDER_NOT_FOUND: 'not_found',
  SHIPMENT_NOT_FOUND: 'not_found',
  CUSTOMER_NOT_FOUND: 'not_found',
  PRODUCT_NOT_FOUND: 'not_found',
  ROUTE_NOT_FOUND: 'not_found',
  /** A carrier webhook for a provider Otodoke has no adapter for. */
  UNKNOWN_PROVIDER: 'not_found',
  // conflict
  ORDER_ALREADY_EXISTS: 'conflict',
  ORDER_NUMBER_TAKEN: 'conflict',
  ORDER_ALREADY_CANCELLED: 'conflict',
  PRODUCT_ALREADY_EXISTS: 'conflict',
  /** A variant external id another product of the store (same source) has already. */
  VARIANT_EXTERNAL_ID_TAKEN: 'conflict',
  IDEMPOTENCY_KEY_REUSED: 'conflict',
  IDEMPOTENCY_KEY_IN_PROGRESS: 'conflict',
  VERSION_CONFLICT: 'conflict',
  // unauthenticated / forbidden
  API_KEY_MISSING: 'unauthenticated',
  API_KEY_INVALID: 'unauthenticated',
  WEBHOOK_SIGNATURE_MISSING: 'unauthenticated',
  WEBHOOK_SIGNATURE_INVALID: 'unauthenticated',
  WEBHOOK_SECRET_NOT_CONFIGURED: 'unauthenticated',
  // unavailable
  DATABASE_UNAVAILABLE: 'unavailable',
  SHUTTING_DOWN: 'unavailable',
  /** A platform event (fulfillment, refund) for an order not received yet: the sender should retry later. */
  ORDER_NOT_YET_KNOWN: 'unavailable',
} as const satisfies Record<string, ErrorKind>;

export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'unavailable';
export type ErrorCode = keyof typeof ERROR_CODES;
