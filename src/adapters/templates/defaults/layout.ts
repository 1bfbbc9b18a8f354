/**
 * Building blocks of the default templates. They run once, when the module loads, and produce
 * plain Liquid strings: what a merchant sees and edits is the whole template, not these helpers.
 * HTML is table-based with inline styles (what email clients render), 600px wide at most and
 * fluid below it, in the store's brand colours.
 */

export interface Words {
  lang: 'ja' | 'en';
  qty: string;
  finalSale: string;
  subtotal: string;
  shipping: string;
  tax: string;
  discount: string;
  total: string;
  contact: string;
  preferences: string;
  unsubscribe: string;
  footerNote: string;
}

const MUTED = '#6b7280';
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI','Hiragino Sans','Hiragino Kaku Gothic ProN',Meiryo,Arial,sans-serif";

/** The whole HTML document around a body. */
export function emailHtml(w: Words, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden;font-family:${FONT};color:#111827;">
<tr><td style="background:{{ store.brand.primaryColor }};padding:20px 24px;">
{%- if store.brand.logoUrl -%}
<img src="{{ store.brand.logoUrl }}" alt="{{ store.name }}" height="40" style="display:block;height:40px;max-width:200px;border:0;">
{%- else -%}
<span style="color:#ffffff;font-size:20px;font-weight:bold;">{{ store.name }}</span>
{%- endif -%}
</td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.7;">
${body}
</td></tr>
<tr><td style="padding:20px 24px;background:#f9fafb;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.6;color:${MUTED};">
<p style="margin:0 0 8px;">${w.footerNote}</p>
<p style="margin:0 0 8px;">{{ store.name }}
{%- if store.support.email %} · <a href="mailto:{{ store.support.email }}" style="color:${MUTED};">{{ store.support.email }}</a>{% endif %}
{%- if store.support.phone %} · {{ store.support.phone }}{% endif %}
{%- if store.support.url %} · <a href="{{ store.support.url }}" style="color:${MUTED};">${w.contact}</a>{% endif %}</p>
<p style="margin:0;">
{%- if links.preferences %}<a href="{{ links.preferences }}" style="color:${MUTED};">${w.preferences}</a>{% endif %}
{%- if links.preferences and links.unsubscribe %} · {% endif %}
{%- if links.unsubscribe %}<a href="{{ links.unsubscribe }}" style="color:${MUTED};">${w.unsubscribe}</a>{% endif %}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

export const h1 = (text: string): string =>
  `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.4;color:{{ store.brand.primaryColor }};">${text}</h1>`;

export const p = (text: string): string => `<p style="margin:0 0 16px;">${text}</p>`;

export const h2 = (text: string): string =>
  `<h2 style="margin:24px 0 8px;font-size:16px;color:{{ store.brand.primaryColor }};">${text}</h2>`;

/** A call-to-action button, shown only when the URL is set. */
export const button = (urlExpr: string, label: string): string =>
  `{% if ${urlExpr} %}<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr><td style="border-radius:6px;background:{{ store.brand.accentColor }};"><a href="{{ ${urlExpr} }}" style="display:inline-block;padding:12px 24px;color:#ffffff;font-weight:bold;text-decoration:none;font-size:15px;">${label}</a></td></tr></table>{% endif %}`;

/** A notice box (backorder, delay, final sale). */
export const notice = (text: string): string =>
  `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid {{ store.brand.accentColor }};background:#fff7ed;font-size:14px;">${text}</div>`;

/** Label/value rows; each row is [label, liquid expression, condition?]. */
export function facts(rows: [string, string, string?][]): string {
  const trs = rows
    .map(([label, value, cond]) => {
      const tr = `<tr><td style="padding:6px 12px 6px 0;color:${MUTED};font-size:14px;white-space:nowrap;vertical-align:top;">${label}</td><td style="padding:6px 0;font-size:14px;">${value}</td></tr>`;
      return cond ? `{% if ${cond} %}${tr}{% endif %}` : tr;
    })
    .join('\n');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-top:1px solid #e5e7eb;border-bottom:1px solid #e5e7eb;">\n${trs}\n</table>`;
}

/** The items of a list with image, variant, quantity, line price and a final-sale tag. */
export function itemsHtml(w: Words, list: string): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">
{% for item in ${list} %}<tr>
<td width="72" style="padding:8px 0;vertical-align:top;">{% if item.imageUrl %}<img src="{{ item.imageUrl }}" width="64" height="64" alt="" style="display:block;width:64px;height:64px;border-radius:6px;border:0;">{% endif %}</td>
<td style="padding:8px 12px;vertical-align:top;font-size:14px;">{{ item.title }}{% if item.variantTitle %}<br><span style="color:${MUTED};font-size:13px;">{{ item.variantTitle }}</span>{% endif %}<br><span style="color:${MUTED};font-size:13px;">${w.qty} {{ item.quantity }}</span>{% if item.finalSale %}<br><span style="color:{{ store.brand.accentColor }};font-size:12px;font-weight:bold;">${w.finalSale}</span>{% endif %}</td>
<td align="right" style="padding:8px 0;vertical-align:top;font-size:14px;white-space:nowrap;">{{ item.unitPrice | times: item.quantity | money }}</td>
</tr>{% endfor %}
</table>`;
}

export function totalsHtml(w: Words): string {
  const row = (label: string, expr: string, strong = false) =>
    `<tr><td style="padding:4px 0;font-size:14px;${strong ? 'font-weight:bold;' : `color:${MUTED};`}">${label}</td><td align="right" style="padding:4px 0;font-size:14px;${strong ? 'font-weight:bold;' : ''}">${expr}</td></tr>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-top:1px solid #e5e7eb;">
${row(w.subtotal, '{{ order.totals.subtotal | money }}')}
${row(w.shipping, '{{ order.totals.shipping | money }}')}
{% if order.totals.discount > 0 %}${row(w.discount, '-{{ order.totals.discount | money }}')}{% endif %}
${row(w.tax, '{{ order.totals.tax | money }}')}
${row(w.total, '{{ order.totals.total | money }}', true)}
</table>`;
}

/** Plain-text footer shared by every email. */
export function footerText(w: Words): string {
  return `--
{{ store.name }}
{% if store.support.email %}${w.contact}: {{ store.support.email }}
{% endif %}{% if store.support.phone %}TEL: {{ store.support.phone }}
{% endif %}{% if links.preferences %}${w.preferences}: {{ links.preferences }}
{% endif %}{% if links.unsubscribe %}${w.unsubscribe}: {{ links.unsubscribe }}
{% endif %}`;
}

export interface FlexSpec {
  title: string;
  /** Status line under the title, liquid. */
  status: string;
  rows: [string, string, string?][];
  buttonLabel: string;
  buttonUrl: string;
  /** Optional paragraph, liquid, with its condition. */
  note?: [string, string];
}

/**
 * A LINE Flex bubble: brand-coloured header, status, facts and a button to the tracking page.
 * Optional parts come after the required ones with their leading comma, so the JSON stays valid.
 */
export function flexBubble(spec: FlexSpec): string {
  const row = ([label, value, cond]: [string, string, string?]) => {
    const json = `,{"type":"box","layout":"baseline","spacing":"sm","contents":[{"type":"text","text":"${label}","color":"#6b7280","size":"sm","flex":3},{"type":"text","text":"${value}","wrap":true,"size":"sm","flex":5}]}`;
    return cond ? `{% if ${cond} %}${json}{% endif %}` : json;
  };
  const note = spec.note
    ? `{% if ${spec.note[1]} %},{"type":"text","text":"${spec.note[0]}","wrap":true,"size":"sm","color":"#374151","margin":"md"}{% endif %}`
    : '';
  return `{
  "type": "bubble",
  "header": {"type":"box","layout":"vertical","backgroundColor":"{{ store.brand.primaryColor }}","paddingAll":"16px","contents":[{"type":"text","text":"{{ store.name }}","color":"#ffffff","weight":"bold","size":"md"}]},
  "body": {"type":"box","layout":"vertical","spacing":"md","contents":[
    {"type":"text","text":"${spec.title}","weight":"bold","size":"lg","wrap":true},
    {"type":"text","text":"${spec.status}","color":"{{ store.brand.accentColor }}","size":"sm","wrap":true}
    ${spec.rows.map(row).join('\n    ')}
    ${note}
  ]}{% if ${spec.buttonUrl} %},
  "footer": {"type":"box","layout":"vertical","contents":[{"type":"button","style":"primary","color":"{{ store.brand.accentColor }}","action":{"type":"uri","label":"${spec.buttonLabel}","uri":"{{ ${spec.buttonUrl} }}"}}]}{% endif %}
}`;
}
