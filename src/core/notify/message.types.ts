import type { Locale, TemplateChannel, Trigger } from './triggers.ts';

/**
 * A message in the log: planned by the journey engine from a timeline event, sent by a job.
 *
 * - scheduled → sending → sent (→ delivered | bounced, from provider callbacks)
 * - scheduled → cancelled (a later event made it pointless, or it was merged into a digest)
 * - sending → scheduled (a transient provider error: the job retries with backoff)
 * - sending → failed (a permanent provider error or a template error)
 * - suppressed: never sent, with the reason (unreachable, daily_cap, no_channel_configured…)
 */
export const MESSAGE_STATUSES = ['scheduled', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'suppressed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface Message {
  id: string;
  storeId: string;
  /** `${storeId}:${trigger}:${entityId}:${step}`: unique per store. */
  key: string;
  digestKey: string | null;
  trigger: Trigger;
  /** Null when no channel could be chosen (suppressed as unreachable). */
  channel: TemplateChannel | null;
  recipient: string | null;
  locale: Locale;
  orderId: string | null;
  shipmentId: string | null;
  customerId: string | null;
  status: MessageStatus;
  reason: string | null;
  sendAt: string;
  sentAt: string | null;
  providerMessageId: string | null;
  subject: string | null;
  bodyText: string | null;
  bodyHtml: string | null;
  /** Send attempts made (a retry after a transient error or a crash counts again). */
  attempts: number;
  /** Event types that cancel the message while it is scheduled. */
  cancelWhen: string[];
  createdAt: string;
  updatedAt: string;
}
