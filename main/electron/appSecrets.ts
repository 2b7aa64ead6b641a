// Where the tray app keeps secrets: environment → OS keychain → safeStorage-encrypted file (only when the keychain
// probe fails and safeStorage has a real OS key) → memory for this run.
import type { Logger } from '../core/log/logger.js';
import { createKeychain, probeKeychain } from '../core/secrets/keychain.js';
import { SecretResolver } from '../core/secrets/secretResolver.js';
import type { OpenKeyValueFile } from './keyValueFile.js';
import { createSafeStorageSecrets, safeStorageUsable, type SafeStorageLike } from './safeStorageSecrets.js';

export interface AppSecretDeps {
  logger: Logger;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  dataDir: string;
  openFile: OpenKeyValueFile;
  env?: NodeJS.ProcessEnv;
  /** The restaurant ids configured now (today's plain variable names count only for a sole restaurant). */
  restaurantIds?: () => readonly string[];
}

export async function createAppSecretResolver(deps: AppSecretDeps): Promise<SecretResolver> {
  const keychain = createKeychain();
  const probe = await probeKeychain(keychain);
  if (probe.ok) return new SecretResolver({ env: deps.env, keychain, keychainUsable: true, logger: deps.logger, restaurantIds: deps.restaurantIds });
  deps.logger.warn(`OS keychain unavailable (${probe.reason})`);
  const usable = safeStorageUsable(deps.safeStorage, deps.platform);
  const keychainProblem = probe.reason;
  if (!usable.ok) {
    deps.logger.warn(`${usable.reason}: secrets typed in the settings window are kept in memory for this run only`);
    return new SecretResolver({ env: deps.env, keychain, keychainUsable: false, keychainProblem, logger: deps.logger, restaurantIds: deps.restaurantIds });
  }
  const file = deps.openFile({ name: 'secrets', cwd: deps.dataDir, configFileMode: 0o600 });
  const encrypted = createSafeStorageSecrets(deps.safeStorage, file);
  return new SecretResolver({ env: deps.env, keychain, keychainUsable: false, keychainProblem, encrypted, logger: deps.logger, restaurantIds: deps.restaurantIds });
}
