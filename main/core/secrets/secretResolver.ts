import type { Logger } from '../log/logger.js';
import { registerSecret, safeErrorMessage } from '../log/redact.js';
import type { Keychain } from './keychain.js';
import { SECRET_ENV_VARS, SECRET_NAMES, type SecretName } from './secretNames.js';

export type SecretLocation = 'environment' | 'keychain' | 'encrypted store' | 'memory' | 'missing';

/** Electron-only fallback: values encrypted with `safeStorage`, kept in the settings store. */
export interface EncryptedSecretStore {
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
}

export interface SecretResolverOptions {
  env?: NodeJS.ProcessEnv;
  /** Absent or unusable (probe failed): the resolver falls back without calling it. */
  keychain?: Keychain;
  keychainUsable: boolean;
  /** Why the keychain is unusable (the probe's or the loader's reason), for `check` and the Settings window. */
  keychainProblem?: string;
  encrypted?: EncryptedSecretStore;
  logger: Logger;
}

/**
 * Resolution order: environment → OS keychain → (Electron) safeStorage-encrypted store → memory for this run.
 * Every value it returns is registered for redaction, so it cannot reach a log line.
 */
export class SecretResolver {
  private readonly memory = new Map<SecretName, string>();
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: SecretResolverOptions) {
    this.env = options.env ?? process.env;
    for (const name of SECRET_NAMES) registerSecret(this.env[SECRET_ENV_VARS[name]]);
  }

  get keychainUsable(): boolean {
    return this.options.keychainUsable;
  }

  get keychainProblem(): string | undefined {
    return this.options.keychainUsable ? undefined : this.options.keychainProblem;
  }

  async get(name: SecretName): Promise<string | undefined> {
    return (await this.locate(name)).value;
  }

  async locate(name: SecretName): Promise<{ location: SecretLocation; value?: string }> {
    const fromEnv = this.env[SECRET_ENV_VARS[name]];
    if (fromEnv) return found('environment', fromEnv);
    if (this.options.keychain && this.options.keychainUsable) {
      try {
        const value = await this.options.keychain.get(name);
        if (value) return found('keychain', value);
      } catch (err) {
        this.options.logger.warn({ secret: name, error: safeErrorMessage(err) }, 'could not read from the OS keychain');
      }
    }
    if (this.options.encrypted) {
      const value = await this.options.encrypted.get(name);
      if (value) return found('encrypted store', value);
    }
    const value = this.memory.get(name);
    if (value) return found('memory', value);
    return { location: 'missing' };
  }

  /** Stores a secret in the best place available and says where it went. */
  async set(name: SecretName, value: string): Promise<SecretLocation> {
    registerSecret(value);
    if (this.options.keychain && this.options.keychainUsable) {
      await this.options.keychain.set(name, value);
      return 'keychain';
    }
    if (this.options.encrypted) {
      await this.options.encrypted.set(name, value);
      return 'encrypted store';
    }
    this.memory.set(name, value);
    this.options.logger.warn({ secret: name }, 'no OS keychain: the secret is kept in memory for this run only');
    return 'memory';
  }

  async delete(name: SecretName): Promise<boolean> {
    let deleted = this.memory.delete(name);
    if (this.options.keychain && this.options.keychainUsable) deleted = (await this.options.keychain.delete(name)) || deleted;
    if (this.options.encrypted) deleted = (await this.options.encrypted.delete(name)) || deleted;
    return deleted;
  }
}

function found(location: SecretLocation, value: string): { location: SecretLocation; value: string } {
  registerSecret(value);
  return { location, value };
}
