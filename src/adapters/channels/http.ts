import { PermanentChannelError, TransientChannelError, type ChannelHeaders } from '../../core/notify/channel.ts';

/** What an HTTP channel got back from its provider. */
export interface ProviderResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Where the redirect policy matters (webhooks): `manual` returns the 3xx as is. */
  redirect?: 'follow' | 'manual' | 'error';
}

/**
 * POSTs once. A network failure or a timeout is transient (the request may or may not have reached
 * the provider: the idempotency key on the request is what makes the retry safe).
 */
export async function postOnce(req: ProviderRequest): Promise<ProviderResponse> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: req.redirect ?? 'follow',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw new TransientChannelError(timedOut ? `No answer within ${req.timeoutMs} ms` : `Could not reach ${new URL(req.url).host}`, { reason: timedOut ? 'timeout' : 'network' }, { cause: e });
  }
  let text = '';
  try {
    text = await res.text();
  } catch (e) {
    throw new TransientChannelError('The answer broke off', { reason: 'network', providerCode: res.status }, { cause: e });
  }
  return { status: res.status, headers: res.headers, text };
}

/** `Retry-After` (delta seconds or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * The usual mapping of a failed HTTP answer: 408, 425, 429 and 5xx are transient (429/503 with the
 * provider's Retry-After); other 4xx and anything else unexpected (3xx) are permanent.
 */
export function httpError(res: ProviderResponse, now: Date, what: string, providerCode?: string | number): TransientChannelError | PermanentChannelError {
  const code = providerCode ?? res.status;
  const detail = summarize(res.text);
  const message = `${what} answered ${res.status}${detail ? `: ${detail}` : ''}`;
  if (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500) {
    const wait = retryAfterMs(res.headers.get('retry-after'), now);
    return new TransientChannelError(message, { reason: `http_${res.status}`, providerCode: code, ...(wait === undefined ? {} : { retryAfterMs: wait }) });
  }
  return new PermanentChannelError(message, { reason: `http_${res.status}`, providerCode: code });
}

/** The first 200 characters of an answer, on one line (for error messages). */
export function summarize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** JSON or undefined. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first value of a header (names in lower case), trimmed; undefined when blank. */
export function headerValue(headers: ChannelHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first ? first : undefined;
}

export const systemNow = (): Date => new Date();
