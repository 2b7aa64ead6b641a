import type { Command } from 'commander';
import { Option } from 'commander';
import { createLogger } from '../log/logger.js';
import { createSecretResolver } from './headlessSession.js';
import { readSecretInput } from './readSecretInput.js';
import { KEYCHAIN_SERVICE, SECRET_NAMES, isSecretName, secretAccount, secretEnvVars, type SecretName, type SecretRef } from '../secrets/secretNames.js';
import type { SecretResolver } from '../secrets/secretResolver.js';
import { defaultConfigFile } from '../settings/paths.js';
import { readSettingsFile } from '../settings/settingsFile.js';
import { chooseRestaurants } from './restaurantChoice.js';

const EXIT_USAGE = 2;

interface Target {
  refs: (name: SecretName) => SecretRef[];
  restaurantIds: string[];
}

function usage(message: string): undefined {
  process.stderr.write(`servicebell: ${message}\n`);
  process.exitCode = EXIT_USAGE;
  return undefined;
}

function requireName(name: string): SecretName | undefined {
  if (isSecretName(name)) return name;
  return usage(`unknown secret "${name}"; one of: ${SECRET_NAMES.join(', ')}`);
}

/** The restaurants a command is about: `--restaurant ID`, else the only one (set/delete) or every one (list). */
async function target(opts: { config: string; restaurant?: string }, all: boolean): Promise<Target | undefined> {
  const read = await readSettingsFile(opts.config);
  if (read.status === 'invalid' || read.status === 'unparseable') {
    const problems = read.status === 'invalid' ? read.problems : [read.problem];
    return usage(`${opts.config} has problems, so its restaurants are unknown:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const chosen = chooseRestaurants(read.settings, opts.restaurant, all);
  if (!chosen.ok) return usage(chosen.problem);
  const restaurantIds = read.settings.restaurants.map((r) => r.id);
  return { restaurantIds, refs: (name) => chosen.ids.map((restaurant) => ({ restaurant, name })) };
}

const configOption = (): Option => new Option('--config <file>', 'settings file (for its restaurants)').default(defaultConfigFile(), 'the tray app’s config.json');
const restaurantOption = (): Option => new Option('--restaurant <id>', 'the restaurant (settings id); default: the only one');

async function resolverFor(t: Target, probeAnyway: boolean): Promise<SecretResolver> {
  // set/delete always work on the keychain, so it is probed even when the environment holds every secret.
  return createSecretResolver(createLogger(), probeAnyway ? {} : process.env, () => t.restaurantIds);
}

/** `servicebell credentials set|delete|list [--restaurant ID]`: values go in through stdin and never come out. */
export function registerCredentialCommands(program: Command): void {
  const credentials = program.command('credentials').description(`manage secrets in the OS keychain (service "${KEYCHAIN_SERVICE}")`);

  credentials
    .command('set <name>')
    .description(`store a secret read from stdin (${SECRET_NAMES.join(', ')})`)
    .addOption(restaurantOption())
    .addOption(configOption())
    .action(async (rawName: string, opts: { config: string; restaurant?: string }) => {
      const name = requireName(rawName);
      if (!name) return;
      const t = await target(opts, false);
      const ref = t?.refs(name)[0];
      if (!t || !ref) return;
      const secrets = await resolverFor(t, true);
      if (!secrets.keychainUsable) {
        process.stderr.write('servicebell: the OS keychain is not available (locked, or no Secret Service); nothing was stored\n');
        process.exitCode = 1;
        return;
      }
      const value = await readSecretInput(process.stdin, (text) => process.stderr.write(text));
      if (value.trim() === '') {
        usage('the value is empty or only whitespace; nothing was stored');
        return;
      }
      const where = await secrets.set(ref, value);
      process.stdout.write(`${name}: stored in the OS ${where} (service "${KEYCHAIN_SERVICE}", account "${secretAccount(ref)}") for restaurant "${ref.restaurant}"\n`);
      const envVar = secretEnvVars(ref, t.restaurantIds).find((v) => Boolean(process.env[v]));
      if (envVar) process.stderr.write(`servicebell: ${envVar} is set in the environment: the stored value will not be used while it is set\n`);
    });

  credentials
    .command('delete <name>')
    .description('remove a secret from the OS keychain')
    .addOption(restaurantOption())
    .addOption(configOption())
    .action(async (rawName: string, opts: { config: string; restaurant?: string }) => {
      const name = requireName(rawName);
      if (!name) return;
      const t = await target(opts, false);
      const ref = t?.refs(name)[0];
      if (!t || !ref) return;
      const secrets = await resolverFor(t, true);
      if (!secrets.keychainUsable) {
        process.stderr.write(`servicebell: the OS keychain cannot be reached (${secrets.keychainProblem ?? 'unknown reason'}); nothing was deleted\n`);
        process.exitCode = 1;
        return;
      }
      const deleted = await secrets.delete(ref);
      process.stdout.write(`${name}: ${deleted ? 'deleted' : 'was not stored'} (account "${secretAccount(ref)}") for restaurant "${ref.restaurant}"\n`);
    });

  credentials
    .command('list')
    .description('show, per restaurant, where each secret is found (never its value)')
    .addOption(new Option('--restaurant <id>', 'only this restaurant (settings id); default: every one'))
    .addOption(configOption())
    .action(async (opts: { config: string; restaurant?: string }) => {
      const t = await target(opts, true);
      if (!t) return;
      const secrets = await resolverFor(t, false);
      // With every secret in the environment the keychain is not even probed: nothing is unknown then.
      const unreachable = secrets.keychainProblem;
      for (const name of SECRET_NAMES) {
        for (const ref of t.refs(name)) {
          const { location } = await secrets.locate(ref);
          const variable = location === 'environment' ? secrets.envVariable(ref) : undefined;
          const shown = location === 'missing' && unreachable !== undefined ? 'unknown: the OS keychain cannot be reached' : location;
          process.stdout.write(`${ref.restaurant}\t${name}\t${shown}${variable ? ` (${variable})` : ''}\n`);
        }
      }
      if (unreachable !== undefined) {
        process.stderr.write(`servicebell: the OS keychain cannot be reached (${unreachable}); secrets stored there are not listed\n`);
        process.exitCode = 1;
      }
    });
}
