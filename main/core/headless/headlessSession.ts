import type { Writable } from 'node:stream';
import { environmentLanguages } from '../../../common/i18n/languages.js';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { ServicebellCore } from '../app/servicebellCore.js';
import type { SourceFactory } from '../sources/source.js';
import type { LinkOpener } from '../links/linkOpener.js';
import type { Notifier } from '../notify/notifier.js';
import type { Settings } from '../settings/schema.js';
import { createKeychain, probeKeychain, probedOnFirstUse } from '../secrets/keychain.js';
import { SecretResolver } from '../secrets/secretResolver.js';
import { SECRET_NAMES, secretEnvVars } from '../secrets/secretNames.js';
import type { Translator } from '../../../common/i18n/translator.js';
import { redact } from '../log/redact.js';
import { actionLine, outcomeLine, statusLine, storageLine } from './humanLines.js';
import { actionEvent, noticeEvent, statusEvent, storageEvent, summaryEvent, writeAlertLine, writeJsonEvent } from './jsonEvents.js';
import type { StorageChange } from '../storage/storageHealth.js';

export interface HeadlessOptions {
  settings: Settings;
  dataDir: string;
  json: boolean;
  stdout: Writable;
  logger: Logger;
  notifier: Notifier;
  opener: LinkOpener;
  sources: readonly SourceFactory[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Secrets for a run: env first; the keychain is probed (bounded in time) only when some restaurant's secret is not in
 * env. `restaurantIds` answers with the restaurants configured now (settings may change while running).
 */
export async function createSecretResolver(
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
  restaurantIds: () => readonly string[] = () => ['default'],
): Promise<SecretResolver> {
  const ids = restaurantIds();
  const allInEnv = ids.every((restaurant) => SECRET_NAMES.every((name) => secretEnvVars({ restaurant, name }, ids).some((v) => Boolean(env[v]))));
  const keychain = createKeychain();
  let usable = false;
  let problem: string | undefined;
  if (!allInEnv) {
    const probe = await probeKeychain(keychain);
    usable = probe.ok;
    if (!probe.ok) {
      problem = probe.reason;
      logger.warn(`OS keychain unavailable (${probe.reason}); secrets come from the environment only`);
    }
  }
  return new SecretResolver({ env, keychain, keychainUsable: usable, keychainProblem: problem, logger, restaurantIds });
}

/**
 * The headless run's secrets: env first; the keychain is probed the first time a secret is not in env (a source
 * asking as it connects), not before start-up goes on, so a run configured through env never waits for it.
 */
function headlessSecretResolver(logger: Logger, env: NodeJS.ProcessEnv | undefined, restaurantIds: () => readonly string[]): SecretResolver {
  const keychain = probedOnFirstUse(createKeychain(), (reason) => logger.warn(`OS keychain unavailable (${reason}); secrets come from the environment only`));
  return new SecretResolver({ env, keychain, keychainUsable: true, logger, restaurantIds });
}

/** Runs the core with the platform notifier and reports to stdout; `stop` closes connections and flushes history. */
export async function startHeadless(options: HeadlessOptions): Promise<{ core: ServicebellCore; stop(): Promise<void> }> {
  const running: { core?: ServicebellCore } = {};
  const restaurantIds = (): string[] => (running.core?.settings ?? options.settings).restaurants.map((r) => r.id);
  const secrets = headlessSecretResolver(options.logger, options.env, restaurantIds);
  const core = await ServicebellCore.open({
    settings: options.settings,
    dataDir: options.dataDir,
    notifier: options.notifier,
    opener: options.opener,
    getSecret: (ref) => secrets.get(ref),
    logger: options.logger,
    sources: options.sources,
    systemLanguages: environmentLanguages(options.env ?? process.env),
  });
  running.core = core;
  const out = options.stdout;
  if (options.json) {
    core.onStatus((s) => writeJsonEvent(out, statusEvent(s)));
    core.pipeline.onOutcome((o) => writeAlertLine(out, o, Date.now()));
    core.pipeline.onSummary((s) => writeJsonEvent(out, summaryEvent(s, Date.now())));
    core.pipeline.onAction((a) => writeJsonEvent(out, actionEvent(a, Date.now())));
    core.onNotice((n) => writeJsonEvent(out, noticeEvent(n)));
    reportStorage(core, (c) => writeJsonEvent(out, storageEvent(c)));
  } else {
    // With several restaurants each line says whose it is; with one, lines read as they always did.
    const several = (): boolean => core.settings.restaurants.length > 1;
    const tag = (restaurant: string, source: string): string => (several() ? `${restaurant}/${source}` : source);
    const named = (restaurant: string, title: string): string => (several() ? `${core.restaurant(restaurant)?.name ?? restaurant} · ${title}` : title);
    // Each line is worded when it is written, in the language spoken then: a `ui.language` edit switches the next one.
    const t = (): Translator => core.language.translator;
    core.onStatus((s) => out.write(`${statusLine(tag(s.restaurant, s.source), s, t())}\n`));
    core.pipeline.onOutcome((o) => out.write(`${outcomeLine(o, named(o.alert.restaurant, o.alert.title), t())}\n`));
    core.pipeline.onSummary((s) => out.write(`🔔 ${s.text}\n`));
    core.pipeline.onAction((a) => out.write(`${actionLine(a.url, t())}\n`));
    core.onNotice((n) => out.write(`[${tag(n.restaurant, n.source)}] ${redact(n.message)}\n`));
    reportStorage(core, (c) => out.write(`${storageLine(c, t())}\n`));
  }
  options.logger.info({ dataDir: path.resolve(options.dataDir), notifier: options.notifier.name }, 'headless mode started');
  await core.start();
  return { core, stop: () => core.stop() };
}

/** Problems found while opening the data folder (files moved aside) first, then every change while running. */
function reportStorage(core: ServicebellCore, write: (change: StorageChange) => void): void {
  for (const problem of core.storageProblems()) write(problem);
  core.onStorage(write);
}
