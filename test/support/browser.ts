import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests need Debian's Chromium. Without it they are skipped on a developer's machine,
 * but CI sets OTODOKE_REQUIRE_BROWSER=1, and then a missing browser is a failure, not a skip.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH);
if (!browserAvailable && process.env.OTODOKE_REQUIRE_BROWSER === '1') {
  throw new Error(`Chromium is required (OTODOKE_REQUIRE_BROWSER=1) but ${CHROMIUM_PATH} does not exist`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** Screenshots land in test-results/screenshots (a CI artefact). */
export function screenshotPath(name: string): string {
  const dir = 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  return `${dir}/${name}.png`;
}
