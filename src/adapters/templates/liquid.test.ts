import { describe, expect, it } from 'vitest';
import { makeMessageContext } from '../../core/notify/message-context.builder.ts';
import type { MessageTemplate } from '../../core/notify/template.types.ts';
import { createLiquidRenderer, renderMessage } from './liquid.ts';

const ctx = makeMessageContext;
const sms = (text: string): MessageTemplate => ({ trigger: 'shipment.shipped', channel: 'sms', locale: 'ja', text });
const email = (parts: Partial<MessageTemplate>): MessageTemplate => ({ trigger: 'order.confirmed', channel: 'email', locale: 'en', text: '', ...parts });

function textOf(template: MessageTemplate, context = ctx('order.confirmed', template.locale)): string {
  const r = renderMessage(template, context);
  if (!r.ok) throw new Error(`${r.error.part}:${r.error.line}: ${r.error.message}`);
  return r.text;
}

describe('filters', () => {
  it('money: the order currency, JPY without decimals, in both locales', () => {
    expect(textOf(sms('{{ order.totals.total | money }}'))).toBe('¥9,460');
    expect(textOf(sms('{{ order.totals.total | money }}'), ctx('order.confirmed', 'en'))).toBe('¥9,460');
    const usd = ctx('order.confirmed', 'en', { order: { currency: 'USD' } });
    expect(textOf(sms('{{ 1999 | money }}'), usd)).toBe('$19.99');
    expect(textOf(sms("{{ 1999 | money: 'USD' }}"))).toBe('$19.99');
    expect(textOf(sms('{{ missing | money }}'))).toBe('');
  });

  it('date: per locale, in the store time zone, with styles', () => {
    const c = ctx('order.confirmed', 'ja', { order: { placedAt: '2026-11-19T20:00:00Z' } });
    expect(textOf(sms('{{ order.placedAt | date }}'), c)).toBe('2026年11月20日(金)');
    expect(textOf(sms("{{ order.placedAt | date: 'datetime' }}"), c)).toBe('2026年11月20日(金) 5:00');
    const en = ctx('order.confirmed', 'en', { order: { placedAt: '2026-11-19T20:00:00Z' } });
    expect(textOf(sms('{{ order.placedAt | date }}'), en)).toBe('Fri, Nov 20');
    const ny = ctx('order.confirmed', 'en', { order: { placedAt: '2026-11-19T20:00:00Z' }, store: { timezone: 'America/New_York' } });
    expect(textOf(sms('{{ order.placedAt | date }}'), ny)).toBe('Thu, Nov 19');
    expect(textOf(sms('{{ order.requestedDeliveryDate | date: "short" }}'))).toBe('11月20日(金)');
  });

  it('time_slot in both locales', () => {
    expect(textOf(sms('{{ order.requestedTimeSlot | time_slot }}'))).toBe('14–16時');
    const line: MessageTemplate = { trigger: 'order.confirmed', channel: 'line', locale: 'en', text: '{{ order.requestedTimeSlot | time_slot }}' };
    expect(textOf(line, ctx('order.confirmed', 'en'))).toBe('2–4 pm');
    // In an SMS the en dash becomes a hyphen, keeping the text GSM-7.
    expect(textOf(sms('{{ order.requestedTimeSlot | time_slot }}'), ctx('order.confirmed', 'en'))).toBe('2-4 pm');
    const morning = (locale: 'ja' | 'en') => ctx('order.confirmed', locale, { order: { requestedTimeSlot: '午前中' } });
    expect(textOf(sms('{{ order.requestedTimeSlot | time_slot }}'), morning('ja'))).toBe('午前中');
    expect(textOf(sms('{{ order.requestedTimeSlot | time_slot }}'), morning('en'))).toBe('Morning');
  });
});

describe('template errors', () => {
  it('an unclosed tag fails the message with its line and column', () => {
    const r = renderMessage(email({ subject: 'Hi', text: 'Hello\n\n{% if order.number %}\nno end' }), ctx());
    expect(r).toEqual({ ok: false, error: { part: 'text', line: 3, column: 1, message: 'tag {% if order.number %} not closed' } });
  });

  it('an unknown filter is an error, not an empty string', () => {
    const r = renderMessage(email({ subject: 'Hi', html: '<p>\n  {{ order.number | shout }}\n</p>' }), ctx());
    expect(r).toEqual({ ok: false, error: { part: 'html', line: 2, column: 3, message: 'undefined filter: shout' } });
  });

  it('a failing part fails the whole message: no half-rendered output', () => {
    const r = renderMessage(email({ subject: '{{ order.number }}', html: '<p>ok</p>', text: 'fine\n{{ "x" | nope }}' }), ctx());
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('subject');
    if (!r.ok) expect(r.error).toMatchObject({ part: 'text', line: 2 });
  });

  it('reports an error in the subject', () => {
    const r = renderMessage(email({ subject: '{{ order.number', text: 'x' }), ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ part: 'subject', line: 1 });
  });

  it('cannot read files: include and render fail like an unknown partial', () => {
    for (const tag of ['{% include "/etc/passwd" %}', '{% render "../../package.json" %}']) {
      const r = renderMessage(sms(`a\n${tag}`), ctx());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.line).toBe(2);
    }
  });

  it('unknown variables render as nothing', () => {
    expect(textOf(sms('[{{ nothing.here }}]'))).toBe('[]');
  });

  it('a Flex part that is not valid JSON after rendering is an error', () => {
    const t: MessageTemplate = { trigger: 'shipment.shipped', channel: 'line', locale: 'ja', text: 'x', flex: '{\n "type": "bubble",\n}' };
    const r = renderMessage(t, ctx('shipment.shipped'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ part: 'flex', line: 3 });
  });

  it('validate parses without rendering', () => {
    const renderer = createLiquidRenderer();
    expect(renderer.validate(sms('{{ order.number }}'))).toEqual({ ok: true });
    expect(renderer.validate(sms('{% for x in y %}'))).toMatchObject({ ok: false, error: { part: 'text', line: 1 } });
  });

  it('gives the same error when the broken template comes from the parse cache', () => {
    const renderer = createLiquidRenderer();
    const t = sms('x\n{{ a | bogus }}');
    const first = renderer.renderMessage(t, ctx());
    expect(renderer.renderMessage(t, ctx())).toEqual(first);
  });
});

describe('escaping', () => {
  const evil = ctx('order.confirmed', 'en', { customer: { name: '<script>alert("x")</script>' } });

  it('escapes shopper-supplied values in HTML but not in text and subject', () => {
    const r = renderMessage(email({ subject: 'For {{ customer.name }}', html: '<p>Hi {{ customer.name }}</p>', text: 'Hi {{ customer.name }}' }), evil);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.html).toBe('<p>Hi &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>');
    expect(r.text).toBe('Hi <script>alert("x")</script>');
    expect(r.subject).toBe('For <script>alert("x")</script>');
  });

  it('escapes for JSON in a LINE Flex part', () => {
    const c = ctx('shipment.shipped', 'en', { customer: { name: 'Eve "\\ \n' } });
    const t: MessageTemplate = { trigger: 'shipment.shipped', channel: 'line', locale: 'en', text: 'x', flex: '{"type":"bubble","body":{"type":"text","text":"{{ customer.name }}"}}' };
    const r = renderMessage(t, c);
    expect(r.ok && r.line?.messages[1]).toEqual({ type: 'flex', altText: 'x', contents: { type: 'bubble', body: { type: 'text', text: 'Eve "\\ \n' } } });
  });
});

describe('channels', () => {
  it('SMS carries its segment count', () => {
    const r = renderMessage(sms('【こより】ご注文{{ order.number }}を発送いたしました。'), ctx());
    expect(r.ok && r.sms).toEqual({ text: '【こより】ご注文#1042を発送いたしました。', segments: { encoding: 'UCS-2', segments: 1, characters: 23 } });
  });

  it('text is tidied: no trailing spaces, no runs of blank lines, no blank ends', () => {
    expect(textOf(sms('\n\nA  \n\n\n\nB\n\n'))).toBe('A\n\nB');
  });
});
