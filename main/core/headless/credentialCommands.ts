import type { Command } from 'commander';
import { createLogger } from '../log/logger.js';
import { createSecretResolver } from './headlessSession.js';
import { readSecretInput } from './readSecretInput.js';
import { KEYCHAIN_SERVICE, SECRET_ENV_VARS, SECRET_NAMES, isSecretName, type SecretName } from '../secrets/secretNames.js';

const EXIT_USAGE = 2;

function requireName(name: string): SecretName | undefined {
  if (isSecretName(name)) return name;
  process.stderr.write(`servicebell: unknown secret "${name}"; one of: ${SECRET_NAMES.join(', ')}\n`);
  process.exitCode = EXIT_USAGE;
  return undefined;
}

/** `servicebell credentials set|delete|list`: values go in through stdin and never come out. */
export function registerCredentialCommands(program: Command): void {
  const credentials = program.command('credentials').description(`manage secrets in the OS keychain (service "${KEYCHAIN_SERVICE}")`);

  credentials
    .command('set <name>')
    .description(`store a secret read from stdin (${SECRET_NAMES.join(', ')})`)
    .action(async (rawName: string) => {
      const name = requireName(rawName);
      if (!name) return;
      const logger = createLogger();
      const secrets = await createSecretResolver(logger, {});
      if (!secrets.keychainUsable) {
        process.stderr.write('servicebell: the OS keychain is not available (locked, or no Secret Service); nothing was stored\n');
        process.exitCode = 1;
        return;
      }
      const value = await readSecretInput(process.stdin, (t) => process.stderr.write(t));
      if (value.trim() === '') {
        process.stderr.write('servicebell: the value is empty or only whitespace; nothing was stored\n');
        process.exitCode = EXIT_USAGE;
        return;
      }
      const where = await secrets.set(name, value);
      process.stdout.write(`${name}: stored in the OS ${where} (service "${KEYCHAIN_SERVICE}", account "${name}")\n`);
      const envVar = SECRET_ENV_VARS[name];
      if (process.env[envVar]) process.stderr.write(`servicebell: ${envVar} is set in the environment: the stored value will not be used while it is set\n`);
    });

  credentials
    .command('delete <name>')
    .description('remove a secret from the OS keychain')
    .action(async (rawName: string) => {
      const name = requireName(rawName);
      if (!name) return;
      const secrets = await createSecretResolver(createLogger(), {});
      if (!secrets.keychainUsable) {
        process.stderr.write(`servicebell: the OS keychain cannot be reached (${secrets.keychainProblem ?? 'unknown reason'}); nothing was deleted\n`);
        process.exitCode = 1;
        return;
      }
      const deleted = await secrets.delete(name);
      process.stdout.write(`${name}: ${deleted ? 'deleted' : 'was not stored'}\n`);
    });

  credentials
    .command('list')
    .description('show where each secret is found (never its value)')
    .action(async () => {
      const secrets = await createSecretResolver(createLogger());
      // With every secret in the environment the keychain is not even probed: nothing is unknown then.
      const unreachable = secrets.keychainProblem;
      for (const name of SECRET_NAMES) {
        const { location } = await secrets.locate(name);
        const shown = location === 'missing' && unreachable !== undefined ? 'unknown: the OS keychain cannot be reached' : location;
        process.stdout.write(`${name}\t${shown}\n`);
      }
      if (unreachable !== undefined) {
        process.stderr.write(`servicebell: the OS keychain cannot be reached (${unreachable}); secrets stored there are not listed\n`);
        process.exitCode = 1;
      }
    });
}
