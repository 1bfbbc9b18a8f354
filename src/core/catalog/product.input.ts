import { z } from 'zod';

/**
 * The largest price a variant can have, in minor units. The price column is a 32-bit integer on
 * PostgreSQL: 2,147,483,647 is ¥2.1 billion or $21 million, more than any product sells for.
 */
export const MAX_PRICE = 2_147_483_647;

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const VariantInputSchema = z.object({
  externalId: z.string().min(1).max(100).optional(),
  sku: z.string().min(1).max(100).optional(),
  title: z.string().min(1).max(500).optional(),
  price: z.number().int().min(0).max(MAX_PRICE),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as JPY'),
  imageUrl: httpUrl.optional(),
});
export type VariantInput = z.infer<typeof VariantInputSchema>;

/** Reports a value that two variants of one product share: it must name one variant only. */
function unique(variants: VariantInput[], key: 'externalId' | 'sku', ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    const value = v[key];
    if (value === undefined) return;
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i, key], message: `another variant of this product has ${key} ${value}` });
    seen.add(value);
  });
}

/** A product with its variants, as the API and platform intakes hand it to the use case. */
export const ProductInputSchema = z.object({
  externalId: z.string().min(1).max(100).optional(),
  title: z.string().min(1).max(500),
  category: z.string().min(1).max(200).optional(),
  tags: z.array(z.string().min(1).max(100)).max(100).default([]),
  imageUrl: httpUrl.optional(),
  returnable: z.boolean().default(true),
  finalSale: z.boolean().default(false),
  /** For consumables: days one unit lasts (replenishment reminders). */
  consumptionDays: z.number().int().min(1).max(3650).optional(),
  variants: z
    .array(VariantInputSchema)
    .min(1)
    .max(250)
    .superRefine((variants, ctx) => {
      unique(variants, 'externalId', ctx);
      unique(variants, 'sku', ctx);
    }),
});
export type ProductInput = z.input<typeof ProductInputSchema>;
export type ParsedProductInput = z.output<typeof ProductInputSchema>;
