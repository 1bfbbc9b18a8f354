import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** A handle repositories run on: the database, or one transaction of it. */
export type Q = Kysely<Database> | Transaction<Database>;
