import { describe, expect, it } from 'vitest';
import { makeMessageContext } from '../../../core/notify/message-context.builder.ts';
import { FLEX_TRIGGERS, TEMPLATE_CHANNELS, TRIGGERS } from '../../../core/notify/triggers.ts';
import { createLiquidRenderer } from '../liquid.ts';
import { DEFAULT_TEMPLATES, defaultTemplate } from './index.ts';

const renderer = createLiquidRenderer();

describe('default templates', () => {
  it('cover every trigger × email, SMS and LINE × ja and en', () => {
    expect(DEFAULT_TEMPLATES).toHaveLength(TRIGGERS.length * TEMPLATE_CHANNELS.length * 2);
    for (const t of DEFAULT_TEMPLATES) expect(renderer.validate(t)).toEqual({ ok: true });
  });

  for (const trigger of TRIGGERS) {
    for (const locale of ['ja', 'en'] as const) {
      describe(`${trigger} (${locale})`, () => {
        const context = makeMessageContext(trigger, locale);

        it('email: subject, brand-coloured HTML and a plain-text part', () => {
          const r = renderer.renderMessage(defaultTemplate(trigger, 'email', locale), context);
          if (!r.ok) throw new Error(JSON.stringify(r.error));
          expect(r.subject).toContain('#1042');
          expect(r.html).toContain('#1f3a5f');
          expect(r.html).toContain(`<html lang="${locale}">`);
          expect(r.html).not.toMatch(/\{\{|\{%/);
          expect(r.text).not.toMatch(/\{\{|\{%|undefined|null/);
          expect(`Subject: ${r.subject}\n\n${r.text}`).toMatchSnapshot();
        });

        it('sms: short text with its segment count', () => {
          const r = renderer.renderMessage(defaultTemplate(trigger, 'sms', locale), context);
          if (!r.ok) throw new Error(JSON.stringify(r.error));
          expect(r.sms?.segments.segments).toBeGreaterThan(0);
          expect(r.sms?.segments.segments).toBeLessThanOrEqual(3);
          expect(`${r.text}\n[${r.sms?.segments.encoding}, ${r.sms?.segments.segments} segment(s)]`).toMatchSnapshot();
        });

        it(`line: text${FLEX_TRIGGERS.includes(trigger) ? ' and a Flex bubble' : ''}`, () => {
          const r = renderer.renderMessage(defaultTemplate(trigger, 'line', locale), context);
          if (!r.ok) throw new Error(JSON.stringify(r.error));
          const messages = r.line?.messages ?? [];
          expect(messages[0]).toEqual({ type: 'text', text: r.text });
          expect(r.text).not.toMatch(/\{\{|\{%/);
          expect(r.text).toMatchSnapshot();
          if (FLEX_TRIGGERS.includes(trigger)) {
            expect(messages).toHaveLength(2);
            const flex = messages[1];
            expect(flex?.type).toBe('flex');
            if (flex?.type === 'flex') {
              expect(flex.contents.type).toBe('bubble');
              expect(flex.altText).toContain('#1042');
              expect(JSON.stringify(flex.contents)).toContain('https://kotoyori.example.jp/t/abc123');
            }
          } else {
            expect(messages).toHaveLength(1);
          }
        });
      });
    }
  }
});

describe('default templates with sparse data', () => {
  it('render without the optional parts (no name, no links, no estimate, no policies)', () => {
    for (const trigger of TRIGGERS) {
      for (const locale of ['ja', 'en'] as const) {
        const context = makeMessageContext(trigger, locale, {
          customer: { name: null },
          links: { trackingPage: null, preferences: null, unsubscribe: null },
          store: { brand: { logoUrl: null }, support: { email: null, phone: null, url: null, lineId: null }, policies: { cancellation: null, returns: null, returnsUrl: null } },
          order: { fulfillmentNote: null, estimatedDelivery: null, processingDays: null, requestedDeliveryDate: null, requestedTimeSlot: null, hasFinalSale: false },
        });
        for (const channel of TEMPLATE_CHANNELS) {
          const r = renderer.renderMessage(defaultTemplate(trigger, channel, locale), context);
          if (!r.ok) throw new Error(`${trigger}/${channel}/${locale}: ${JSON.stringify(r.error)}`);
          expect(r.text).not.toMatch(/\{\{|\{%|undefined|null/);
          if (r.line?.messages[1]?.type === 'flex') expect(r.line.messages[1].contents).not.toHaveProperty('footer');
        }
      }
    }
  });

  it('keeps an English SMS in GSM-7 when the store name allows it (time slots use ASCII hyphens)', () => {
    for (const trigger of TRIGGERS) {
      const context = makeMessageContext(trigger, 'en', { store: { name: 'Kotoyori' } });
      const r = renderer.renderMessage(defaultTemplate(trigger, 'sms', 'en'), context);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.sms?.segments.encoding, trigger).toBe('GSM-7');
    }
  });

  it('greets a shopper with no name politely', () => {
    const ja = renderer.renderMessage(defaultTemplate('shipment.shipped', 'email', 'ja'), makeMessageContext('shipment.shipped', 'ja', { customer: { name: null } }));
    const en = renderer.renderMessage(defaultTemplate('shipment.shipped', 'email', 'en'), makeMessageContext('shipment.shipped', 'en', { customer: { name: null } }));
    expect(ja.ok && ja.text.startsWith('お客様')).toBe(true);
    expect(en.ok && en.text.startsWith('Hi there,')).toBe(true);
  });

  it('escapes a hostile customer name in the default HTML but keeps it in the text', () => {
    const context = makeMessageContext('shipment.shipped', 'en', { customer: { name: '<script>alert(1)</script>' } });
    const r = renderer.renderMessage(defaultTemplate('shipment.shipped', 'email', 'en'), context);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.text).toContain('Hi <script>alert(1)</script>,');
  });
});
