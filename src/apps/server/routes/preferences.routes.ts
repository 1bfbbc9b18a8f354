/**
 * Shopper pages behind signed links: the preferences page (`/p/{token}`) and unsubscribe
 * (`/u/{token}?channel=email`), including RFC 8058 one-click POSTs from mail clients. Plain HTML
 * forms, no JavaScript, no API key: the token is the authority. Not part of the JSON API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openPreferences, savePreferences, unsubscribe } from '../../../app/preferences.ts';
import type { Deps } from '../../../compose.ts';
import { CONSENT_CHANNELS, isConsentChannel, pickLocale, reachableChannels, type ConsentChannel, type ConsentName } from '../../../core/notify/preferences.ts';
import type { Locale } from '../../../core/order/order.types.ts';
import { PAGE_HEADERS } from '../../web/html.ts';
import { invalidLinkPage, preferencesPage, savedPage, unsubscribeConfirmPage, unsubscribedPage } from '../../web/preferences.page.ts';

type Form = Record<string, string>;
interface TokenRequest {
  Params: { token: string };
  Querystring: { lang?: string; channel?: string };
  Body: Form | undefined;
}

/** Text fields of a multipart/form-data body (RFC 8058 allows it for one-click POSTs). */
function multipartFields(raw: string): Form {
  const out: Form = {};
  for (const m of raw.matchAll(/content-disposition:\s*form-data;\s*name="([^"]+)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/gi)) out[m[1]!] = m[2]!;
  return out;
}

export function preferencesRoutes(deps: Deps) {
  return async function plugin(app: FastifyInstance) {
    // HTML forms and one-click unsubscribes post form bodies; only these routes accept them.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body: string, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body)));
    });
    app.addContentTypeParser('multipart/form-data', { parseAs: 'string' }, (_req, body: string, done) => done(null, multipartFields(body)));

    const localeFor = (req: FastifyRequest<TokenRequest>, customer: Locale | null, store: Locale): Locale =>
      pickLocale({ requested: req.query.lang, customer, acceptLanguage: req.headers['accept-language'], store });
    const page = (reply: FastifyReply, html: string, status = 200) => reply.code(status).headers(PAGE_HEADERS).send(html);
    const invalid = (req: FastifyRequest<TokenRequest>, reply: FastifyReply, prefix: 'p' | 'u') =>
      page(reply, invalidLinkPage({ locale: localeFor(req, null, 'ja'), path: `/${prefix}/${encodeURIComponent(req.params.token)}` }), 404);
    const channelOf = (req: FastifyRequest<TokenRequest>): ConsentChannel | null => {
      const c = req.query.channel ?? 'email';
      return isConsentChannel(c) ? c : null;
    };

    app.get<TokenRequest>('/p/:token', async (req, reply) => {
      const view = await openPreferences(deps, req.params.token);
      if (!view) return invalid(req, reply, 'p');
      const locale = localeFor(req, view.customer.locale, view.store.locale);
      return page(reply, preferencesPage({ locale, token: req.params.token, store: view.store, customer: view.customer, channels: reachableChannels(view.customer) }));
    });

    app.post<TokenRequest>('/p/:token', async (req, reply) => {
      const form = req.body ?? {};
      // Unchecked boxes are not sent: `channels` lists the boxes the page showed.
      const shown = (form.channels ?? '').split(',').filter(isConsentChannel);
      const patch: Partial<Record<ConsentName, boolean>> = { marketing: form.marketing === 'on' };
      for (const ch of CONSENT_CHANNELS) if (shown.includes(ch)) patch[ch] = form[ch] === 'on';
      const saved = await savePreferences(deps, req.params.token, patch);
      if (!saved) return invalid(req, reply, 'p');
      const locale = localeFor(req, saved.customer.locale, saved.store.locale);
      const changed = Object.keys(saved.changes).length > 0;
      return page(reply, savedPage({ locale, token: req.params.token, store: saved.store, customer: saved.customer, channels: reachableChannels(saved.customer), changed }));
    });

    // A GET never unsubscribes: mail scanners and link previews follow links.
    app.get<TokenRequest>('/u/:token', async (req, reply) => {
      const channel = channelOf(req);
      const view = channel && (await openPreferences(deps, req.params.token));
      if (!channel || !view) return invalid(req, reply, 'u');
      const locale = localeFor(req, view.customer.locale, view.store.locale);
      return page(reply, unsubscribeConfirmPage({ locale, token: req.params.token, store: view.store, channel }));
    });

    app.post<TokenRequest>('/u/:token', async (req, reply) => {
      const oneClick = req.body?.['List-Unsubscribe'] === 'One-Click';
      const channel = channelOf(req);
      const done = channel && (await unsubscribe(deps, req.params.token, channel, oneClick ? 'one_click' : 'unsubscribe_page'));
      if (oneClick) {
        // The mail client shows nothing of the answer: a status and a line of text.
        return reply.code(done ? 200 : 404).headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).send(done ? 'Unsubscribed.\n' : 'This link is not valid.\n');
      }
      if (!channel || !done) return invalid(req, reply, 'u');
      const locale = localeFor(req, done.customer.locale, done.store.locale);
      return page(reply, unsubscribedPage({ locale, token: req.params.token, store: done.store, channel }));
    });
  };
}
