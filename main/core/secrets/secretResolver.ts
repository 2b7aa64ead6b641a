import type { Logger } from '../log/logger.js';
import { registerSecret, safeErrorMessage } from '../log/redact.js';
import type { Keychain } from './keychain.js';
import { isSecretEnvVar, secretAccount, secretEnvVars, type SecretRef } from './secretNames.js';

export type SecretLocation = 'environment' | 'keychain' | 'encrypted store' | 'memory' | 'missing';

/** Electron-only fallback: values encrypted with `safeStorage`, kept in their own file; keyed by keychain account. */
export interface EncryptedSecretStore {
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
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
  /** The restaurant ids configured now: today's plain variable names count only for a sole (or the `default`) restaurant. */
  restaurantIds?: () => readonly string[];
}

/**
 * One restaurant's secret, resolved in this order: environment (`NAME__ID`, then the plain name while it is the only
 * restaurant) → OS keychain (account `secretAccount(ref)`) → (Electron) safeStorage-encrypted store → memory for
 * this run. Every value it returns is registered for redaction, so it cannot reach a log line.
 */
export class SecretResolver {
  private readonly memory = new Map<string, string>();
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: SecretResolverOptions) {
    this.env = options.env ?? process.env;
    for (const [variable, value] of Object.entries(this.env)) if (isSecretEnvVar(variable)) registerSecret(value);
  }

  /** The variable that overrides this secret now, if one is set. */
  envVariable(ref: SecretRef): string | undefined {
    return secretEnvVars(ref, this.options.restaurantIds?.() ?? ['default']).find((v) => Boolean(this.env[v]));
  }

  get keychainUsable(): boolean {
    return this.options.keychainUsable;
  }

  get keychainProblem(): string | undefined {
    return this.options.keychainUsable ? undefined : this.options.keychainProblem;
  }

  async get(ref: SecretRef): Promise<string | undefined> {
    return (await this.locate(ref)).value;
  }

  async locate(ref: SecretRef): Promise<{ location: SecretLocation; value?: string }> {
    const variable = this.envVariable(ref);
    const fromEnv = variable === undefined ? undefined : this.env[variable];
    if (fromEnv) return found('environment', fromEnv);
    const account = secretAccount(ref);
    if (this.options.keychain && this.options.keychainUsable) {
      try {
        const value = await this.options.keychain.get(account);
        if (value) return found('keychain', value);
      } catch (err) {
        this.options.logger.warn({ secret: account, error: safeErrorMessage(err) }, 'could not read from the OS keychain');
      }
    }
    if (this.options.encrypted) {
      const value = await this.options.encrypted.get(account);
      if (value) return found('encrypted store', value);
    }
    const value = this.memory.get(account);
    if (value) return found('memory', value);
    return { location: 'missing' };
  }

  /** Stores a secret in the best place available and says where it went. */
  async set(ref: SecretRef, value: string): Promise<SecretLocation> {
    registerSecret(value);
    const account = secretAccount(ref);
    if (this.options.keychain && this.options.keychainUsable) {
      await this.options.keychain.set(account, value);
      return 'keychain';
    }
    if (this.options.encrypted) {
      await this.options.encrypted.set(account, value);
      return 'encrypted store';
    }
    this.memory.set(account, value);
    this.options.logger.warn({ secret: account }, 'no OS keychain: the secret is kept in memory for this run only');
    return 'memory';
  }

  async delete(ref: SecretRef): Promise<boolean> {
    const account = secretAccount(ref);
    let deleted = this.memory.delete(account);
    if (this.options.keychain && this.options.keychainUsable) deleted = (await this.options.keychain.delete(account)) || deleted;
    if (this.options.encrypted) deleted = (await this.options.encrypted.delete(account)) || deleted;
    return deleted;
  }
}

function found(location: SecretLocation, value: string): { location: SecretLocation; value: string } {
  registerSecret(value);
  return { location, value };
}
