import type { MessageContext } from './message-context.ts';
import type { SmsSegments } from './sms.ts';
import type { Locale, TemplateChannel, Trigger } from './triggers.ts';

/**
 * A message template as the merchant edits it: Liquid source for each part the channel uses.
 * - email: `subject`, `html` (escaped output) and `text` (the plain-text part);
 * - sms: `text`;
 * - line: `text` (a text message) and, optionally, `flex`: Liquid producing the JSON of a Flex
 *   bubble (output is JSON-string escaped), sent after the text with `altText` as its preview.
 */
export interface MessageTemplate {
  trigger: Trigger;
  channel: TemplateChannel;
  locale: Locale;
  subject?: string;
  html?: string;
  text: string;
  flex?: string;
  altText?: string;
}

export const TEMPLATE_PARTS = ['subject', 'html', 'text', 'flex', 'altText'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/** Where and why a template failed: reported to the merchant; nothing is sent. */
export interface TemplateError {
  part: TemplatePart;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export type LineMessage =
  | { type: 'text'; text: string }
  | { type: 'flex'; altText: string; contents: Record<string, unknown> };

export interface RenderedMessage {
  ok: true;
  subject?: string;
  html?: string;
  /** The plain-text part (email), the SMS body, or the LINE text. */
  text: string;
  sms?: { text: string; segments: SmsSegments };
  line?: { messages: LineMessage[] };
}

export type RenderOutcome = RenderedMessage | { ok: false; error: TemplateError };

/** The port the journey engine renders through; the Liquid adapter implements it. */
export interface MessageRenderer {
  /** Never throws; a failure in any part fails the whole message. */
  renderMessage(template: MessageTemplate, context: MessageContext): RenderOutcome;
  /** Parses without rendering: for saving a merchant's template. */
  validate(template: MessageTemplate): { ok: true } | { ok: false; error: TemplateError };
}
