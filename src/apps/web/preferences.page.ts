/** The shopper's preferences and unsubscribe pages, in Japanese and English. No JavaScript. */
import type { ConsentChannel } from '../../core/notify/preferences.ts';
import type { Customer, Locale } from '../../core/order/order.types.ts';
import type { Store } from '../../core/store/store.types.ts';
import { brandOf, esc, layout } from './html.ts';

const T = {
  ja: {
    title: '通知設定',
    intro: (store: string) => `${store}からのお知らせの受け取り方法を選べます。`,
    transactional: 'ご注文・配送のお知らせ',
    transactionalHint: '注文確認、発送、配達予定、受け取りのご案内などです。',
    marketing: 'お知らせ・キャンペーン',
    marketingLabel: (store: string) => `${store}から新商品やキャンペーンのお知らせを受け取る`,
    channel: { email: 'メール', sms: 'SMS（ショートメッセージ）', line: 'LINE' } as Record<ConsentChannel, string>,
    noChannels: '連絡先が登録されていません。',
    save: '保存する',
    saved: '設定を保存しました',
    savedUnchanged: '設定は変更されていません',
    summary: '現在の設定',
    on: '受け取る',
    off: '受け取らない',
    edit: '設定を変更する',
    invalidTitle: 'このリンクは無効です',
    invalidBody: 'リンクが正しくないか、すでに使えなくなっています。お手数ですが、最新のメールやメッセージのリンクからもう一度お試しください。',
    unsubTitle: (ch: string) => `${ch}の配信停止`,
    unsubAsk: (ch: string, store: string) => `${store}からの${ch}の配信を停止しますか？ご注文・配送のお知らせも${ch}では届かなくなります。`,
    unsubButton: '配信を停止する',
    unsubDone: (ch: string) => `${ch}の配信を停止しました`,
    unsubMore: 'ほかの受け取り方法は通知設定で変更できます。',
    switchLabel: 'English',
  },
  en: {
    title: 'Notification preferences',
    intro: (store: string) => `Choose how ${store} keeps you updated.`,
    transactional: 'Order and delivery updates',
    transactionalHint: 'Order confirmations, shipping, delivery estimates and pickup details.',
    marketing: 'News and offers',
    marketingLabel: (store: string) => `Receive news and offers from ${store}`,
    channel: { email: 'Email', sms: 'SMS (text message)', line: 'LINE' } as Record<ConsentChannel, string>,
    noChannels: 'We have no contact details for you.',
    save: 'Save',
    saved: 'Your preferences have been saved',
    savedUnchanged: 'Your preferences are unchanged',
    summary: 'Your current preferences',
    on: 'On',
    off: 'Off',
    edit: 'Change preferences',
    invalidTitle: 'This link is not valid',
    invalidBody: 'The link is incorrect or can no longer be used. Please try again from the link in your most recent email or message.',
    unsubTitle: (ch: string) => `Unsubscribe from ${ch}`,
    unsubAsk: (ch: string, store: string) => `Stop receiving ${ch} from ${store}? Order and delivery updates will no longer come by ${ch} either.`,
    unsubButton: 'Unsubscribe',
    unsubDone: (ch: string) => `You have been unsubscribed from ${ch}`,
    unsubMore: 'You can choose other ways to hear from us in your notification preferences.',
    switchLabel: '日本語',
  },
} as const;

const other = (l: Locale): Locale => (l === 'ja' ? 'en' : 'ja');
const shortChannel = (l: Locale, ch: ConsentChannel) => (ch === 'sms' ? 'SMS' : T[l].channel[ch]);

/** A contact shown masked: the link may be forwarded, the page must not reveal the address. */
export function maskContact(customer: Customer, ch: ConsentChannel): string | null {
  if (ch === 'email' && customer.email) {
    const [local = '', domain = ''] = customer.email.split('@');
    return `${local.slice(0, 2)}${'•'.repeat(Math.max(1, Math.min(local.length - 2, 6)))}@${domain}`;
  }
  if (ch === 'sms' && customer.phone) return `•••• ${customer.phone.slice(-4)}`;
  return null;
}

const langLink = (path: string, l: Locale, query = '') => `${path}?${query ? query + '&' : ''}lang=${l}`;

export function preferencesPage(opts: { locale: Locale; token: string; store: Store; customer: Customer; channels: ConsentChannel[] }): string {
  const { locale: l, token, store, customer, channels } = opts;
  const t = T[l];
  const path = `/p/${encodeURIComponent(token)}`;
  const option = (name: string, label: string, checked: boolean, hint: string | null) => `<div class="option">
<input type="checkbox" id="pref-${name}" name="${name}" value="on"${checked ? ' checked' : ''}${hint ? ` aria-describedby="pref-${name}-contact"` : ''}>
<label for="pref-${name}">${esc(label)}${hint ? ` <span class="contact" id="pref-${name}-contact">${esc(hint)}</span>` : ''}</label>
</div>`;
  const body = `<h1>${esc(t.title)}</h1>
<p>${esc(t.intro(store.name))}</p>
<form method="post" action="${esc(langLink(path, l))}">
<input type="hidden" name="channels" value="${channels.join(',')}">
<fieldset>
<legend>${esc(t.transactional)}</legend>
<p class="hint">${esc(t.transactionalHint)}</p>
${channels.length ? channels.map((ch) => option(ch, t.channel[ch], customer.consents[ch] ?? false, maskContact(customer, ch))).join('\n') : `<p>${esc(t.noChannels)}</p>`}
</fieldset>
<fieldset>
<legend>${esc(t.marketing)}</legend>
${option('marketing', t.marketingLabel(store.name), customer.consents.marketing ?? false, null)}
</fieldset>
<button type="submit">${esc(t.save)}</button>
</form>`;
  return layout({ locale: l, title: t.title, brand: brandOf(store), body, switchLink: { href: langLink(path, other(l)), label: t.switchLabel, locale: other(l) } });
}

export function savedPage(opts: { locale: Locale; token: string; store: Store; customer: Customer; channels: ConsentChannel[]; changed: boolean }): string {
  const { locale: l, token, store, customer, channels } = opts;
  const t = T[l];
  const path = `/p/${encodeURIComponent(token)}`;
  const rows = [...channels.map((ch) => [t.channel[ch], customer.consents[ch] ?? false] as const), [t.marketing, customer.consents.marketing ?? false] as const];
  const body = `<div class="notice" role="status"><h1>${esc(opts.changed ? t.saved : t.savedUnchanged)}</h1></div>
<h2>${esc(t.summary)}</h2>
<ul>
${rows.map(([label, on]) => `<li>${esc(label)}: <strong>${esc(on ? t.on : t.off)}</strong></li>`).join('\n')}
</ul>
<p><a href="${esc(langLink(path, l))}">${esc(t.edit)}</a></p>`;
  return layout({ locale: l, title: t.saved, brand: brandOf(store), body, switchLink: { href: langLink(path, other(l)), label: t.switchLabel, locale: other(l) } });
}

export function unsubscribeConfirmPage(opts: { locale: Locale; token: string; store: Store; channel: ConsentChannel }): string {
  const { locale: l, token, store, channel } = opts;
  const t = T[l];
  const ch = shortChannel(l, channel);
  const path = `/u/${encodeURIComponent(token)}`;
  const body = `<h1>${esc(t.unsubTitle(ch))}</h1>
<p>${esc(t.unsubAsk(ch, store.name))}</p>
<form method="post" action="${esc(langLink(path, l, `channel=${channel}`))}">
<input type="hidden" name="confirm" value="yes">
<button type="submit">${esc(t.unsubButton)}</button>
</form>
<p><a href="${esc(langLink(`/p/${encodeURIComponent(token)}`, l))}">${esc(t.title)}</a></p>`;
  return layout({ locale: l, title: t.unsubTitle(ch), brand: brandOf(store), body, switchLink: { href: langLink(path, other(l), `channel=${channel}`), label: t.switchLabel, locale: other(l) } });
}

export function unsubscribedPage(opts: { locale: Locale; token: string; store: Store; channel: ConsentChannel }): string {
  const { locale: l, token, store, channel } = opts;
  const t = T[l];
  const ch = shortChannel(l, channel);
  const body = `<div class="notice" role="status"><h1>${esc(t.unsubDone(ch))}</h1></div>
<p>${esc(t.unsubMore)}</p>
<p><a href="${esc(langLink(`/p/${encodeURIComponent(token)}`, l))}">${esc(t.title)}</a></p>`;
  return layout({ locale: l, title: t.unsubDone(ch), brand: brandOf(store), body });
}

/** A link that is not valid: nothing about any store or shopper is shown. */
export function invalidLinkPage(opts: { locale: Locale; path: string }): string {
  const l = opts.locale;
  const t = T[l];
  const body = `<div class="notice bad" role="alert"><h1>${esc(t.invalidTitle)}</h1></div>
<p>${esc(t.invalidBody)}</p>`;
  return layout({ locale: l, title: t.invalidTitle, brand: brandOf(null), body, switchLink: { href: langLink(opts.path, other(l)), label: t.switchLabel, locale: other(l) } });
}
