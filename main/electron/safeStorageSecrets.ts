// Fallback secret storage when the OS keychain is unusable: values encrypted with Electron's safeStorage, kept in
// their own file (never in config.json). Refused on Linux's `basic_text` backend, which is only obfuscation.
import type { SafeStorage } from 'electron';
import type { EncryptedSecretStore } from '../core/secrets/secretResolver.js';
import type { KeyValueFile } from './keyValueFile.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function safeStorageUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): { ok: true } | { ok: false; reason: string } {
  if (!safeStorage.isEncryptionAvailable()) return { ok: false, reason: 'safeStorage encryption is not available' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return { ok: false, reason: `safeStorage backend is ${backend} (not encrypted with an OS key)` };
  }
  return { ok: true };
}

export function createSafeStorageSecrets(safeStorage: SafeStorageLike, file: KeyValueFile): EncryptedSecretStore {
  const read = (): Record<string, unknown> => file.store;
  return {
    async get(name: string) {
      const stored = read()[name];
      if (typeof stored !== 'string') return undefined;
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    async set(name: string, value: string) {
      file.store = { ...read(), [name]: safeStorage.encryptString(value).toString('base64') };
    },
    async delete(name: string) {
      const current = read();
      if (!(name in current)) return false;
      const { [name]: _removed, ...rest } = current;
      file.store = rest;
      return true;
    },
  };
}
