import type { Trigger } from '../../../core/notify/triggers.ts';

/** One trigger's default content in one locale, for each template channel. */
export interface TriggerDefaults {
  email: { subject: string; html: string; text: string };
  sms: string;
  line: { text: string; flex?: string; altText?: string };
}

export type LocaleDefaults = Record<Trigger, TriggerDefaults>;
