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
import { withRestaurant } from '../harness/settings.js';

// electron-store is `conf` plus Electron's default folder; the app passes `new ElectronStore(options)`.
const openConf: OpenKeyValueFile = ({ name, cwd, configFileMode }) => new Conf<Record<string, unknown>>({ configName: name, cwd, configFileMode });

describe('settings store (electron-store at config.json)', () => {
  it('starts from defaults, saves atomically to the same config.json the headless mode reads', async () => {
    const dir = tempDir();
    const store = await openSettingsStore({ dataDir: dir, openFile: openConf });
    expect(store.file).toBe(path.join(dir, 'config.json'));
    expect(store.settings.restaurants[0]?.vonage.enabled).toBe(false);
    await store.save(withRestaurant(store.settings, { sms: { to: ['+48500100200'] } }));
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { version: number; restaurants: Array<{ sms: { to: string[] } }> };
    expect(onDisk.version).toBe(2);
    expect(onDisk.restaurants[0]?.sms.to).toEqual(['+48500100200']);
    const reopened = await openSettingsStore({ dataDir: dir, openFile: openConf });
    expect(reopened.settings.restaurants[0]?.sms.to).toEqual(['+48500100200']);
    const bad = { ...store.settings, restaurants: [{ ...store.settings.restaurants[0], sms: { to: ['nope'], maxPerHour: 20 } }] } as typeof store.settings;
    await expect(store.save(bad)).rejects.toThrow();
  });

  it('upgrades a version-1 file on disk once it validates, keeping the original next to it', async () => {
    const dir = tempDir();
    const v1 = JSON.stringify({ version: 1, vonage: { enabled: true, backendUrl: 'https://backend.example.com', username: 'desk' } });
    writeFileSync(path.join(dir, 'config.json'), v1);
    const store = await openSettingsStore({ dataDir: dir, openFile: openConf });
    expect(store.notice).toBeUndefined();
    expect(store.settings.restaurants.map((r) => [r.id, r.vonage.username])).toEqual([['default', 'desk']]);
    expect(readFileSync(path.join(dir, 'config.json.v1.bak'), 'utf8')).toBe(v1);
    expect((JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { version: number }).version).toBe(2);
  });

  it('moves a corrupt or invalid file aside and says so, instead of throwing or overwriting it', async () => {
    for (const text of ['{ not json', JSON.stringify({ vonage: { enabled: 'yes' } })]) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'config.json'), text);
      const store = await openSettingsStore({ dataDir: dir, openFile: openConf, now: () => Date.UTC(2024, 0, 1) });
      expect(store.notice).toMatch(/moved to .*config\.json\.corrupt-2024-01-01/);
      expect(store.settings.restaurants[0]?.vonage.enabled).toBe(false);
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
    const ref = { restaurant: 'default', name: 'privmx.apiKeySecret' } as const;
    expect(await resolver.set(ref, 'px-secret-value-1')).toBe('encrypted store');
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('px-secret-value-1');
    expect(await resolver.locate(ref)).toEqual({ location: 'encrypted store', value: 'px-secret-value-1' });
    expect(await resolver.delete(ref)).toBe(true);
    expect(await encrypted.get('privmx.apiKeySecret')).toBeUndefined();
  });
});
