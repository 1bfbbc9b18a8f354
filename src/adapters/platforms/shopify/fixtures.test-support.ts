import { readFileSync } from 'node:fs';

/** The raw text of a recorded Shopify payload in test/fixtures/shopify (read as text: ids exceed 2^53). */
export const shopifyFixture = (name: string): string => readFileSync(new URL(`../../../../test/fixtures/shopify/${name}`, import.meta.url), 'utf8');
