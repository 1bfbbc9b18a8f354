import { z } from 'zod';

const bool = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** Every environment variable Otodoke reads. The README's configuration table mirrors this. */
export const ConfigSchema = z.object({
  DATABASE_URL: z.string().default('sqlite:./data/otodoke.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  ROLE: z.enum(['all', 'server', 'worker']).default('all'),
  PUBLIC_URL: z.string().url().optional(),
  OTODOKE_DEMO: bool.default(true),
  OTODOKE_SECRET_KEY: z.string().min(32).optional(),
  OTODOKE_SECRET_KEY_FILE: z.string().default('./data/secret.key'),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(500),
  /** `smtp://user:pass@host:587` or `smtps://…`: email goes out through it; unset, email is rendered and logged, not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of every email. */
  MAIL_FROM: z.string().min(3).default('Otodoke <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

/** What DATABASE_URL names: a SQLite file (or :memory:) or a PostgreSQL connection string. */
export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', path: url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') || ':memory:' };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}
