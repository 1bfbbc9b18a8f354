#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config.ts';
import { compose } from '../../compose.ts';
import { migrateToLatest } from '../../adapters/db/migrate.ts';
import { createStore } from '../../app/stores.ts';
import { SECRET_NAMES, type SecretName } from '../../core/store/store.types.ts';
import { isAppError } from '../../core/shared/errors.ts';
import { registerImportCommand } from './import.command.ts';
import { registerCarriersCommand } from './carriers.command.ts';
import { registerSimulateCommand } from './simulate.command.ts';

const program = new Command();
program.name('otodoke').description('Otodoke: post-purchase tracking, messages and returns.').showHelpAfterError();

program
  .command('migrate')
  .description('apply database migrations (DATABASE_URL)')
  .action(async () => {
    const deps = await compose(loadConfig(), { migrate: false });
    try {
      const applied = await migrateToLatest(deps.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await deps.close();
    }
  });

const collectSecret = (value: string, acc: Record<string, string>) => {
  const m = /^([\w-]+)=(.+)$/.exec(value);
  if (!m || !(SECRET_NAMES as readonly string[]).includes(m[1]!)) {
    throw new InvalidArgumentError(`expected NAME=SECRET with NAME one of ${SECRET_NAMES.join(', ')}`);
  }
  return { ...acc, [m[1]!]: m[2]! };
};

const stores = program.command('stores').description('manage stores (tenants)');
stores
  .command('create')
  .description('create a store and print its id and API key (shown once)')
  .requiredOption('--name <name>', 'store name')
  .option('--locale <locale>', 'ja or en', 'ja')
  .option('--currency <code>', 'ISO 4217 currency', 'JPY')
  .option('--timezone <tz>', 'IANA time zone', 'Asia/Tokyo')
  .option('--shopify-secret <secret>', 'Shopify webhook signing secret')
  .option('--webhook-secret <name=secret>', 'a provider webhook secret, e.g. aftership=S (repeatable)', collectSecret, {})
  .option('--json', 'print JSON')
  .action(async (o: { name: string; locale: 'ja' | 'en'; currency: string; timezone: string; shopifySecret?: string; webhookSecret: Record<SecretName, string>; json?: boolean }) => {
    const deps = await compose(loadConfig());
    try {
      const secrets = { ...o.webhookSecret, ...(o.shopifySecret && { shopify: o.shopifySecret }) };
      const { store, apiKey } = await createStore(deps, { name: o.name, locale: o.locale, currency: o.currency, timezone: o.timezone, secrets });
      if (o.json) console.log(JSON.stringify({ id: store.id, apiKey }));
      else console.log(`Store ${store.name} created.\n  id:      ${store.id}\n  API key: ${apiKey}\n(The key is shown only once.)`);
    } finally {
      await deps.close();
    }
  });

registerImportCommand(program);
registerCarriersCommand(program);
registerSimulateCommand(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (isAppError(e)) {
    console.error(`error ${e.code}: ${e.message}`);
    const issues = (e.details as { issues?: Array<{ path: string; message: string }> }).issues;
    for (const i of issues ?? []) console.error(`  ${i.path}: ${i.message}`);
  } else console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
