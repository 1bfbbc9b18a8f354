import { createTransport } from 'nodemailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import { PermanentChannelError, TransientChannelError, type Channel, type ChannelResult, type OutboundMessage } from '../../../core/notify/channel.ts';

/**
 * Email over SMTP (nodemailer, pooled connections), from `SMTP_URL` (`smtp://` or `smtps://`).
 *
 * Sends a multipart/alternative message (text part + HTML part when given), with
 * `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058) when the
 * message carries an unsubscribe target.
 *
 * Idempotency: SMTP has none. The `Message-ID` is derived from our message id (`<id@domain>`), so a
 * send retried after a crash carries the same Message-ID as the first attempt. If the process dies
 * between the server's `250` and our record of it, the retry is a second delivery: the server has
 * no way to refuse it, and the shopper may see two copies unless the receiving side collapses them
 * by Message-ID (some clients and mailbox providers do, none is obliged to). That window is the
 * length of one DATA exchange; everything else about a retry is safe.
 *
 * Errors: SMTP 4xx replies (greylisting, mailbox busy, 451 local error) and connection failures or
 * timeouts are transient; 5xx replies (550 no such user, 554 rejected) are permanent, except 503
 * (bad sequence: a session problem, not a verdict on the message).
 */

export interface SmtpChannelOptions {
  /** `smtp://user:pass@host:587` or `smtps://user:pass@host:465`. */
  smtpUrl: string;
  /** The sender, e.g. `"Shop" <orders@shop.example>`. */
  from: string;
  /** The domain after `@` in Message-IDs; the sender's domain when not given. */
  messageIdDomain?: string;
  maxConnections?: number;
  /** Further nodemailer pool settings (TLS options, timeouts). */
  transport?: Partial<SMTPPoolOptions>;
}

/** Headers the channel owns: a message's own `headers` cannot replace them. */
const RESERVED = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post', 'content-type', 'mime-version', 'date']);

/** The sender's domain, for Message-IDs. */
export function domainOf(address: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  if (!m?.[1]) throw new Error(`Cannot find a domain in the sender address "${address}"`);
  return m[1].toLowerCase();
}

/** `<our-id@domain>`: the same for every attempt to send one message (characters outside RFC 5322 atext become `_`). */
export function messageIdFor(id: string, domain: string): string {
  return `<${id.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '_')}@${domain}>`;
}

/** The RFC 2369 `List-Unsubscribe` value: the HTTPS target first (RFC 8058 requires one), then mailto. */
export function listUnsubscribe(unsubscribe: { url: string; mailto?: string }): string {
  const mailto = unsubscribe.mailto ? (unsubscribe.mailto.startsWith('mailto:') ? unsubscribe.mailto : `mailto:${unsubscribe.mailto}`) : undefined;
  return [unsubscribe.url, mailto].filter((v): v is string => Boolean(v)).map((v) => `<${v}>`).join(', ');
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const CONFIG_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EMAXRECIPIENTS']);

/** Transient or permanent, by SMTP reply code first, then by nodemailer's error code. */
export function classifySmtpError(e: unknown): TransientChannelError | PermanentChannelError {
  const err = (typeof e === 'object' && e !== null ? e : {}) as SmtpError;
  const text = (err.response ?? err.message ?? String(e)).trim();
  const code = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  if (code !== undefined && code >= 500 && code < 600 && code !== 503) {
    return new PermanentChannelError(`SMTP server refused the message: ${text}`, { reason: `smtp_${code}`, providerCode: code }, { cause: e });
  }
  if (code !== undefined && code >= 400) {
    return new TransientChannelError(`SMTP server deferred the message: ${text}`, { reason: `smtp_${code}`, providerCode: code }, { cause: e });
  }
  if (err.code && CONFIG_CODES.has(err.code)) {
    return new PermanentChannelError(`The message cannot be sent: ${text}`, { reason: err.code === 'EENVELOPE' ? 'invalid_address' : 'invalid_message', providerCode: err.code }, { cause: e });
  }
  const reason = err.code === 'ETIMEDOUT' ? 'timeout' : 'network';
  return new TransientChannelError(`SMTP connection failed: ${text}`, { reason, ...(err.code ? { providerCode: err.code } : {}) }, { cause: e });
}

export function createSmtpChannel(options: SmtpChannelOptions): Channel {
  const url = new URL(options.smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const domain = options.messageIdDomain ?? domainOf(options.from);
  const transport = createTransport({
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    ...options.transport,
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
  });

  return {
    name: 'smtp',

    async send(message: OutboundMessage): Promise<ChannelResult> {
      const messageId = messageIdFor(message.id, domain);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) if (!RESERVED.has(k.toLowerCase())) headers[k] = v;
      if (message.unsubscribe) {
        headers['List-Unsubscribe'] = listUnsubscribe(message.unsubscribe);
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
          messageId,
          headers,
        });
      } catch (e) {
        throw classifySmtpError(e);
      }
      return { providerMessageId: messageId };
    },

    async close() {
      transport.close();
    },
  };
}
