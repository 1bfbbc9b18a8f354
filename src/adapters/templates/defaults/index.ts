import type { MessageTemplate } from '../../../core/notify/template.types.ts';
import { TEMPLATE_CHANNELS, TRIGGERS, type Locale, type TemplateChannel, type Trigger } from '../../../core/notify/triggers.ts';
import { EN } from './en.ts';
import { JA } from './ja.ts';
import type { LocaleDefaults } from './types.ts';

const BY_LOCALE: Record<Locale, LocaleDefaults> = { ja: JA, en: EN };

/** The template a merchant starts from (and gets back on "reset to default"). */
export function defaultTemplate(trigger: Trigger, channel: TemplateChannel, locale: Locale): MessageTemplate {
  const d = BY_LOCALE[locale][trigger];
  if (channel === 'email') return { trigger, channel, locale, ...d.email };
  if (channel === 'sms') return { trigger, channel, locale, text: d.sms };
  return { trigger, channel, locale, ...d.line };
}

/** Every default: each trigger × email, SMS and LINE × ja and en. */
export const DEFAULT_TEMPLATES: readonly MessageTemplate[] = Object.freeze(
  TRIGGERS.flatMap((trigger) =>
    TEMPLATE_CHANNELS.flatMap((channel) => (['ja', 'en'] as const).map((locale) => defaultTemplate(trigger, channel, locale))),
  ),
);
