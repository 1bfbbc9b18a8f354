import { Liquid, type Template } from 'liquidjs';
import { formatDate, formatMoney, formatTimeSlot } from '../../core/notify/format.ts';
import type { MessageContext } from '../../core/notify/message-context.ts';
import { preferGsm7, smsSegments } from '../../core/notify/sms.ts';
import type {
  LineMessage,
  MessageRenderer,
  MessageTemplate,
  RenderedMessage,
  RenderOutcome,
  TemplateError,
  TemplatePart,
} from '../../core/notify/template.types.ts';
import type { Locale } from '../../core/notify/triggers.ts';

/**
 * Renders merchant-editable message templates with liquidjs.
 *
 * - Strings only: `templates: {}` replaces the file system, so `{% include %}` and `{% render %}`
 *   cannot read files (they fail like an unknown partial).
 * - Unknown filters are errors (strictFilters); unknown variables render as nothing.
 * - Three engines share the filters and differ in output escaping: HTML-escaped for the email HTML
 *   part, JSON-string-escaped for LINE Flex JSON, none for subjects, text and SMS.
 * - Parse and render limits keep a runaway template from stalling the worker.
 * - A template error in any part gives `{ ok: false, error: { part, line, column, message } }`:
 *   never a throw, never half a message.
 */

export interface LiquidRendererOptions {
  /** Parsed templates kept by source text. */
  cacheSize?: number;
  /** Milliseconds of rendering per part before the template is stopped. */
  renderLimitMs?: number;
}

type Mode = 'text' | 'html' | 'json';

const jsonEscape = (value: unknown): string => JSON.stringify(String(value)).slice(1, -1);

const LINE_ALT_TEXT_MAX = 400;

export function createLiquidRenderer(options: LiquidRendererOptions = {}): MessageRenderer {
  const cacheSize = options.cacheSize ?? 500;
  const base = {
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    templates: {},
    dynamicPartials: false,
    jsTruthy: false,
    parseLimit: 200_000,
    renderLimit: options.renderLimitMs ?? 1_000,
    memoryLimit: 10_000_000,
  } as const;
  const engines: Record<Mode, Liquid> = {
    text: new Liquid(base),
    html: new Liquid({ ...base, outputEscape: 'escape' }),
    json: new Liquid({ ...base, outputEscape: jsonEscape }),
  };
  for (const engine of Object.values(engines)) registerFilters(engine);

  const cache = new Map<string, Template[] | TemplateError>();

  function parse(mode: Mode, part: TemplatePart, source: string): Template[] | TemplateError {
    const key = `${mode}\u0000${source}`;
    const hit = cache.get(key);
    if (hit) {
      if (Array.isArray(hit)) return hit;
      return { ...hit, part };
    }
    let result: Template[] | TemplateError;
    try {
      result = engines[mode].parse(source);
    } catch (e) {
      result = toTemplateError(e, part);
    }
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
    return result;
  }

  function renderPart(mode: Mode, part: TemplatePart, source: string, context: MessageContext): { ok: true; value: string } | { ok: false; error: TemplateError } {
    const parsed = parse(mode, part, source);
    if (!Array.isArray(parsed)) return { ok: false, error: parsed };
    try {
      return { ok: true, value: String(engines[mode].renderSync(parsed, context)) };
    } catch (e) {
      return { ok: false, error: toTemplateError(e, part) };
    }
  }

  function validate(template: MessageTemplate): { ok: true } | { ok: false; error: TemplateError } {
    for (const [part, mode, source] of partsOf(template)) {
      const parsed = parse(mode, part, source);
      if (!Array.isArray(parsed)) return { ok: false, error: parsed };
    }
    return { ok: true };
  }

  function renderMessage(template: MessageTemplate, context: MessageContext): RenderOutcome {
    const out: Partial<Record<TemplatePart, string>> = {};
    for (const [part, mode, source] of partsOf(template)) {
      const r = renderPart(mode, part, source, context);
      if (!r.ok) return r;
      out[part] = r.value;
    }
    const tidy = tidyText(out.text ?? '');
    const text = template.channel === 'sms' ? preferGsm7(tidy) : tidy;
    const message: RenderedMessage = { ok: true, text };
    if (template.channel === 'email') {
      message.subject = oneLine(out.subject ?? '');
      if (out.html !== undefined) message.html = out.html;
    } else if (template.channel === 'sms') {
      message.sms = { text, segments: smsSegments(text) };
    } else {
      const messages: LineMessage[] = [{ type: 'text', text }];
      if (out.flex !== undefined && out.flex.trim() !== '') {
        let contents: unknown;
        try {
          contents = JSON.parse(out.flex);
        } catch (e) {
          return { ok: false, error: jsonError(e, out.flex) };
        }
        if (typeof contents !== 'object' || contents === null || Array.isArray(contents)) {
          return { ok: false, error: { part: 'flex', line: 1, column: 1, message: 'Flex message must be a JSON object (a bubble or a carousel)' } };
        }
        const alt = oneLine(out.altText ?? '') || oneLine(text);
        messages.push({ type: 'flex', altText: truncate(alt, LINE_ALT_TEXT_MAX), contents: contents as Record<string, unknown> });
      }
      message.line = { messages };
    }
    return message;
  }

  return { renderMessage, validate };
}

function partsOf(template: MessageTemplate): [TemplatePart, Mode, string][] {
  const parts: [TemplatePart, Mode, string][] = [];
  if (template.channel === 'email') {
    parts.push(['subject', 'text', template.subject ?? '']);
    if (template.html !== undefined) parts.push(['html', 'html', template.html]);
  }
  parts.push(['text', 'text', template.text]);
  if (template.channel === 'line' && template.flex !== undefined) {
    parts.push(['flex', 'json', template.flex]);
    if (template.altText !== undefined) parts.push(['altText', 'text', template.altText]);
  }
  return parts;
}

let defaultRenderer: MessageRenderer | undefined;

/** Renders with a shared default renderer. */
export function renderMessage(template: MessageTemplate, context: MessageContext): RenderOutcome {
  defaultRenderer ??= createLiquidRenderer();
  return defaultRenderer.renderMessage(template, context);
}

// ---------------------------------------------------------------------------------------------
// Filters

interface FilterThis {
  context: { getSync(paths: PropertyKey[]): unknown };
}

function localeOf(self: FilterThis): Locale {
  return self.context.getSync(['locale']) === 'en' ? 'en' : 'ja';
}

function timeZoneOf(self: FilterThis): string {
  const tz = self.context.getSync(['store', 'timezone']);
  return typeof tz === 'string' && tz !== '' ? tz : 'Asia/Tokyo';
}

function currencyOf(self: FilterThis): string {
  const c = self.context.getSync(['order', 'currency']);
  return typeof c === 'string' && c !== '' ? c : 'JPY';
}

function registerFilters(engine: Liquid): void {
  /** `{{ item.unitPrice | money }}` in the order currency; `| money: 'USD'`; or a `{amount, currency}`. */
  engine.registerFilter('money', function (this: FilterThis, value: unknown, currency?: unknown) {
    if (value === null || value === undefined || value === '') return '';
    let amount: unknown = value;
    let code = typeof currency === 'string' && currency !== '' ? currency : currencyOf(this);
    if (typeof value === 'object' && 'amount' in value) {
      amount = (value as { amount: unknown }).amount;
      const c = (value as { currency?: unknown }).currency;
      if (typeof c === 'string' && c !== '') code = c;
    }
    const n = typeof amount === 'number' ? amount : Number(amount);
    if (!Number.isFinite(n)) return String(value);
    return formatMoney(n, code, localeOf(this));
  });
  /** `{{ order.placedAt | date }}`, `| date: 'short' | 'long' | 'datetime' | 'time'`. Replaces Liquid's strftime date. */
  engine.registerFilter('date', function (this: FilterThis, value: unknown, style?: unknown) {
    if (value === null || value === undefined || value === '') return '';
    if (typeof value !== 'string' && !(value instanceof Date)) return String(value);
    return formatDate(value, localeOf(this), timeZoneOf(this), typeof style === 'string' ? style : 'default');
  });
  /** `{{ order.requestedTimeSlot | time_slot }}`: 午前中 / Morning, 14–16時 / 2–4 pm. */
  engine.registerFilter('time_slot', function (this: FilterThis, value: unknown) {
    if (value === null || value === undefined || value === '') return '';
    return formatTimeSlot(String(value), localeOf(this));
  });
}

// ---------------------------------------------------------------------------------------------
// Errors and whitespace

interface LiquidErrorLike {
  message: string;
  originalError?: { message?: string };
  token?: { getPosition?: () => [number, number] };
}

function toTemplateError(e: unknown, part: TemplatePart): TemplateError {
  const err = e as LiquidErrorLike;
  const [line, column] = typeof err?.token?.getPosition === 'function' ? err.token.getPosition() : [1, 1];
  const raw = err?.originalError?.message ?? (e instanceof Error ? e.message : String(e));
  // liquidjs appends ", line:N, col:M" and sometimes a source excerpt; the position is separate.
  const message = raw.replace(/, line:\d+, col:\d+[\s\S]*$/, '').trim();
  return { part, line, column, message };
}

function jsonError(e: unknown, source: string): TemplateError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : 0;
  const before = source.slice(0, offset).split('\n');
  return {
    part: 'flex',
    line: before.length,
    column: (before[before.length - 1]?.length ?? 0) + 1,
    message: `Flex message is not valid JSON after rendering: ${message}`,
  };
}

/** Trailing spaces gone, at most one blank line in a row, no blank lines at either end. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
