/**
 * The store's catalog: products and the variants shoppers buy (a size, a colour, a pack). Order
 * lines link to a variant when they name one the catalog knows, and take the product's facts
 * (final sale, category, tags, image) that the order itself does not carry.
 */

export interface Variant {
  id: string;
  productId: string;
  /** The platform's variant id (Shopify's: a 64-bit number as a string); unique per store and source. */
  externalId: string | null;
  sku: string | null;
  title: string | null;
  /** Minor units of `currency` (JPY has none: ¥1,200 is 1200). */
  price: number;
  currency: string;
  imageUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Product {
  id: string;
  storeId: string;
  /** Where the product comes from (`api`, `shopify`…): with `externalId`, its deduplication key. */
  source: string;
  externalId: string | null;
  title: string;
  category: string | null;
  tags: string[];
  imageUrl: string | null;
  /** False when the product cannot be sent back at all (hygiene, perishables). */
  returnable: boolean;
  /** Sold as final (clearance, made to order): no returns or exchanges. */
  finalSale: boolean;
  /** For consumables: how many days one unit lasts, to remind the shopper to buy again. */
  consumptionDays: number | null;
  /** Oldest first. */
  variants: Variant[];
  createdAt: string;
  updatedAt: string;
}

/** A product's own fields, without its variants. */
export type ProductHeader = Omit<Product, 'variants'>;

/** A variant found in the catalog, with the product it belongs to. */
export interface VariantMatch {
  variant: Variant;
  product: ProductHeader;
}
