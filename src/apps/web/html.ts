/** Small helpers for server-rendered shopper pages: escaping and a branded, accessible layout. */
import type { Locale } from '../../core/order/order.types.ts';
import type { Store } from '../../core/store/store.types.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#111111');
}

const HEX = /^#[0-9a-fA-F]{6}$/;

export interface Brand {
  name: string;
  primary: string;
  accent: string;
  font: string | null;
  logoUrl: string | null;
}

export function brandOf(store: Store | null): Brand {
  const b = store?.settings.brand;
  return {
    name: store?.name ?? 'Otodoke',
    primary: b && HEX.test(b.primaryColor) ? b.primaryColor : '#1f3a5f',
    accent: b && HEX.test(b.accentColor) ? b.accentColor : '#e07a2e',
    // A font name goes into CSS: keep only what a font-family list can hold.
    font: b?.fontFamily ? b.fontFamily.replace(/[^\p{L}\p{N}\s,'"-]/gu, '') : null,
    logoUrl: b?.logoUrl && /^https:\/\//.test(b.logoUrl) ? b.logoUrl : null,
  };
}

/** A whole page: no scripts, inline styles in the store's colours, readable on a phone. */
export function layout(opts: { locale: Locale; title: string; brand: Brand; body: string; switchLink?: { href: string; label: string; locale: Locale } }): string {
  const { brand } = opts;
  const font = `${brand.font ? brand.font + ', ' : ''}system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', sans-serif`;
  const sw = opts.switchLink;
  return `<!doctype html>
<html lang="${opts.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(opts.title)} | ${esc(brand.name)}</title>
<style>
:root { --primary: ${brand.primary}; --on-primary: ${textOn(brand.primary)}; --accent: ${brand.accent}; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${font}; color: #1b1b1b; background: #f6f6f4; line-height: 1.6; }
header { background: var(--primary); color: var(--on-primary); padding: 0.9rem 1.25rem; display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
header .store { font-weight: 700; font-size: 1.1rem; }
header img { max-height: 2.5rem; max-width: 12rem; }
header a { color: var(--on-primary); }
main { max-width: 34rem; margin: 1.5rem auto; padding: 1.5rem; background: #fff; border-radius: 0.75rem; border-top: 4px solid var(--accent); }
h1 { font-size: 1.4rem; margin: 0 0 0.75rem; }
fieldset { border: 1px solid #d6d6d6; border-radius: 0.5rem; margin: 1.25rem 0; padding: 0.75rem 1rem 1rem; }
legend { font-weight: 700; padding: 0 0.35rem; }
.hint { color: #555; font-size: 0.9rem; margin: 0 0 0.5rem; }
.option { display: flex; align-items: flex-start; gap: 0.6rem; padding: 0.45rem 0; }
.option input { width: 1.35rem; height: 1.35rem; margin: 0.1rem 0 0; accent-color: var(--primary); flex: none; }
.contact { color: #555; font-size: 0.9rem; }
button { font: inherit; font-weight: 700; background: var(--primary); color: var(--on-primary); border: 0; border-radius: 0.5rem; padding: 0.75rem 1.5rem; cursor: pointer; min-height: 2.75rem; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.notice { background: #eef6ee; border-left: 4px solid #2e7d32; padding: 0.75rem 1rem; border-radius: 0.25rem; }
.notice.bad { background: #fdeeee; border-color: #b3261e; }
footer { text-align: center; color: #666; font-size: 0.85rem; margin: 1rem; }
</style>
</head>
<body>
<header>
${brand.logoUrl ? `<img src="${esc(brand.logoUrl)}" alt="${esc(brand.name)}">` : `<span class="store">${esc(brand.name)}</span>`}
${sw ? `<a href="${esc(sw.href)}" lang="${sw.locale}" hreflang="${sw.locale}">${esc(sw.label)}</a>` : ''}
</header>
<main>
${opts.body}
</main>
<footer>Otodoke</footer>
</body>
</html>
`;
}

/** Headers every shopper page is sent with: the URL is a credential, so nothing leaks or is kept. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
} as const;
