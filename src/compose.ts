import { parseDatabaseUrl, type Config } from './config.ts';
import type { AppDeps } from './app/deps.ts';
import { withJourneys, type MessagingDeps } from './app/messages.ts';
import { cachedAuthenticator, type Authenticator } from './app/stores.ts';
import type { Clock } from './core/ports.ts';
import type { Channel, ChannelKind, ChannelRegistry } from './core/notify/channel.ts';
import { createSmtpChannel } from './adapters/channels/email/smtp.channel.ts';
import { createNoChannel } from './adapters/channels/none.ts';
import { createLiquidRenderer } from './adapters/templates/liquid.ts';
import { defaultTemplate } from './adapters/templates/defaults/index.ts';
import { SecretBox, loadOrCreateKey } from './adapters/crypto/secret-box.ts';
import { openDatabase, type Db } from './adapters/db/database.ts';
import { migrateToLatest } from './adapters/db/migrate.ts';
import { createPersistence } from './adapters/db/persistence.ts';
import { JobQueue } from './adapters/queue/job-queue.ts';

/** Everything the apps need, built from Config. The only place that picks adapters. */
export interface Deps extends AppDeps {
  config: Config;
  messaging: MessagingDeps;
  auth: Authenticator;
  db: Db;
  queue: JobQueue;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export async function compose(config: Config, overrides: { clock?: Clock; migrate?: boolean } = {}): Promise<Deps> {
  const db = openDatabase(parseDatabaseUrl(config.DATABASE_URL), {
    synchronous: config.SQLITE_SYNCHRONOUS,
    onIdleError: (err) => {
      if (config.LOG_LEVEL !== 'silent') console.warn(`database: an idle connection was closed (${err.message}); it will be replaced`);
    },
  });
  if (overrides.migrate !== false) await migrateToLatest(db);
  const box = new SecretBox(loadOrCreateKey(config.OTODOKE_SECRET_KEY, config.OTODOKE_SECRET_KEY_FILE));
  // Every transaction that appends timeline events also plans the messages they trigger.
  const app: AppDeps = { persistence: withJourneys(createPersistence(db, box)), clock: overrides.clock ?? systemClock };
  const channels = channelRegistry(config);
  return {
    ...app,
    config,
    db,
    auth: cachedAuthenticator(app),
    queue: new JobQueue(db),
    // Templates: the built-in ja/en defaults (merchant-edited templates are future work).
    messaging: { renderer: createLiquidRenderer(), templates: (_storeId, trigger, channel, locale) => defaultTemplate(trigger, channel, locale), channels },
    close: async () => {
      await channels.close();
      await db.close();
    },
  };
}

/**
 * The channels messages leave through, the same for every store for now: email over SMTP when
 * SMTP_URL is set; SMS, LINE and webhooks not yet (per-store credentials are future work). Where
 * none is configured, messages are rendered and logged as "not sent: no channel configured".
 */
function channelRegistry(config: Config): ChannelRegistry {
  const email: Channel = config.SMTP_URL ? createSmtpChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) : createNoChannel('email');
  const none = new Map<ChannelKind, Channel>();
  return {
    get(_storeId, kind) {
      if (kind === 'email') return email;
      if (!none.has(kind)) none.set(kind, createNoChannel(kind));
      return none.get(kind)!;
    },
    close: async () => {
      await email.close?.();
    },
  };
}
