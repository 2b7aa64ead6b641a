import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/core/log/logger.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { openSettingsStore } from '../../main/electron/electronSettingsStore.js';
import type { KeyValueFile, OpenKeyValueFile } from '../../main/electron/keyValueFile.js';
import { createSafeStorageSecrets, safeStorageUsable, type SafeStorageLike } from '../../main/electron/safeStorageSecrets.js';
import { tempDir } from './fakes.js';

// electron-store is `conf` plus Electron's default folder; the app passes `new ElectronStore(options)`.
const openConf: OpenKeyValueFile = ({ name, cwd, configFileMode }) => new Conf<Record<string, unknown>>({ configName: name, cwd, configFileMode });

describe('settings store (electron-store at config.json)', () => {
  it('starts from defaults, saves atomically to the same config.json the headless mode reads', async () => {
    const dir = tempDir();
    const store = await openSettingsStore({ dataDir: dir, openFile: openConf });
    expect(store.file).toBe(path.join(dir, 'config.json'));
    expect(store.settings.vonage.enabled).toBe(false);
    await store.save({ ...store.settings, sms: { ...store.settings.sms, to: ['+48500100200'] } });
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { sms: { to: string[] } };
    expect(onDisk.sms.to).toEqual(['+48500100200']);
    const reopened = await openSettingsStore({ dataDir: dir, openFile: openConf });
    expect(reopened.settings.sms.to).toEqual(['+48500100200']);
    await expect(store.save({ ...store.settings, sms: { ...store.settings.sms, to: ['nope'] } })).rejects.toThrow();
  });

  it('moves a corrupt or invalid file aside and says so, instead of throwing or overwriting it', async () => {
    for (const text of ['{ not json', JSON.stringify({ vonage: { enabled: 'yes' } })]) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'config.json'), text);
      const store = await openSettingsStore({ dataDir: dir, openFile: openConf, now: () => Date.UTC(2024, 0, 1) });
      expect(store.notice).toMatch(/moved to .*config\.json\.corrupt-2024-01-01/);
      expect(store.settings.vonage.enabled).toBe(false);
      const aside = readdirSync(dir).find((f) => f.startsWith('config.json.corrupt-'));
      expect(aside && readFileSync(path.join(dir, aside), 'utf8')).toBe(text);
    }
  });
});

class FakeSafeStorage {
  constructor(
    private readonly available: boolean,
    private readonly backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
  ) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): ReturnType<SafeStorageLike['getSelectedStorageBackend']> {
    return this.backend;
  }
  // A reversible stand-in for the OS-keyed cipher: enough to see nothing is stored in clear.
  encryptString(text: string): Buffer {
    return Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a));
  }
  decryptString(data: Buffer): string {
    return Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8');
  }
}
const _check = new FakeSafeStorage(true, 'gnome_libsecret') satisfies SafeStorageLike;

describe('safeStorage fallback', () => {
  it('is refused for basic_text on Linux and when encryption is unavailable', () => {
    expect(safeStorageUsable(new FakeSafeStorage(true, 'basic_text'), 'linux')).toMatchObject({ ok: false });
    expect(safeStorageUsable(new FakeSafeStorage(false, 'gnome_libsecret'), 'linux')).toMatchObject({ ok: false });
    expect(safeStorageUsable(new FakeSafeStorage(true, 'kwallet5'), 'linux')).toEqual({ ok: true });
    expect(safeStorageUsable(new FakeSafeStorage(true, 'unknown'), 'darwin')).toEqual({ ok: true });
  });

  it('stores secrets encrypted in their own file, never in config.json, and the resolver says where', async () => {
    const dir = tempDir();
    const file: KeyValueFile = openConf({ name: 'secrets', cwd: dir, configFileMode: 0o600 });
    const encrypted = createSafeStorageSecrets(new FakeSafeStorage(true, 'gnome_libsecret'), file);
    const resolver = new SecretResolver({ env: {}, keychainUsable: false, encrypted, logger: silentLogger() });
    expect(await resolver.set('privmx.apiKeySecret', 'px-secret-value-1')).toBe('encrypted store');
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('px-secret-value-1');
    expect(await resolver.locate('privmx.apiKeySecret')).toEqual({ location: 'encrypted store', value: 'px-secret-value-1' });
    expect(await resolver.delete('privmx.apiKeySecret')).toBe(true);
    expect(await encrypted.get('privmx.apiKeySecret')).toBeUndefined();
  });
});
