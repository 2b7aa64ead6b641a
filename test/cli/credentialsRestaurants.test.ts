import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeychain } from '../../main/core/secrets/keychain.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { runCli } from '../harness/runCli.js';

// The real CLI against the real gnome-keyring that `npm test` started for this run, with two restaurants configured.
// The keychain is shared by every test file of the run, so these tests use restaurant ids (and, for the legacy
// accounts of `default`, a keychain service) that no other test touches.
const noEnvSecrets = { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' };
const BISTRO_TOKEN = 'sb-test-bistro-Hq27vLm9-token';
const DEFAULT_TOKEN = 'sb-test-default-Pw81xQa3-token';

function twoRestaurants(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-cred-')), 'config.json');
  writeFileSync(file, JSON.stringify({ version: 2, restaurants: [{ id: 'trattoria-centrum', name: 'Trattoria' }, { id: 'bistro-mokotow', name: 'Bistro Mokotów' }] }));
  return file;
}

describe('servicebell credentials --restaurant', () => {
  // Each CLI run starts a process that probes the keychain: several of them take a while on a loaded machine.
  it('without --restaurant, set refuses and lists the ids; an unknown id is refused', { timeout: 120_000 }, async () => {
    const config = twoRestaurants();
    const ambiguous = await runCli(['credentials', 'set', 'vonage.backendToken', '--config', config], { input: 'x-value', env: noEnvSecrets });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('several restaurants are configured; choose one with --restaurant: trattoria-centrum (Trattoria), bistro-mokotow (Bistro Mokotów)');
    const unknown = await runCli(['credentials', 'delete', 'vonage.backendToken', '--restaurant', 'nope', '--config', config], { env: noEnvSecrets });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no restaurant "nope"; the settings have: trattoria-centrum \(Trattoria\), bistro-mokotow/);
    expect(await createKeychain().get('trattoria-centrum/vonage.backendToken')).toBeUndefined();
    for (const out of [ambiguous, unknown]) expect(out.stdout + out.stderr).not.toContain('x-value');
  });

  it('keeps each restaurant’s secret under its own account: set, list (with environment forms) and delete', { timeout: 120_000 }, async () => {
    const config = twoRestaurants();
    const keychain = createKeychain();

    const bistro = await runCli(['credentials', 'set', 'vonage.backendToken', '--restaurant', 'bistro-mokotow', '--config', config], { input: `${BISTRO_TOKEN}\n`, env: noEnvSecrets });
    expect(bistro.code, bistro.stderr).toBe(0);
    expect(bistro.stdout).toContain('account "bistro-mokotow/vonage.backendToken") for restaurant "bistro-mokotow"');
    const plain = await runCli(['credentials', 'set', 'vonage.backendToken', '--restaurant', 'trattoria-centrum', '--config', config], { input: DEFAULT_TOKEN, env: noEnvSecrets });
    expect(plain.stdout).toContain('account "trattoria-centrum/vonage.backendToken") for restaurant "trattoria-centrum"');
    expect(await keychain.get('bistro-mokotow/vonage.backendToken')).toBe(BISTRO_TOKEN);
    expect(await keychain.get('trattoria-centrum/vonage.backendToken')).toBe(DEFAULT_TOKEN);

    const list = await runCli(['credentials', 'list', '--config', config], { env: noEnvSecrets });
    expect(list.stdout.trim().split('\n')).toEqual([
      'trattoria-centrum\tvonage.backendToken\tkeychain',
      'bistro-mokotow\tvonage.backendToken\tkeychain',
      'trattoria-centrum\tprivmx.apiKeySecret\tmissing',
      'bistro-mokotow\tprivmx.apiKeySecret\tmissing',
      'trattoria-centrum\tsmsapi.token\tmissing',
      'bistro-mokotow\tsmsapi.token\tmissing',
      'trattoria-centrum\tmqtt.password\tmissing',
      'bistro-mokotow\tmqtt.password\tmissing',
      'trattoria-centrum\tntfy.token\tmissing',
      'bistro-mokotow\tntfy.token\tmissing',
    ]);
    // With two restaurants the plain variable counts for neither (neither is `default`); the suffixed one names one.
    const env = { ...noEnvSecrets, SERVICEBELL_VONAGE_BACKEND_TOKEN: 'plain-env-value', SERVICEBELL_PRIVMX_API_KEY_SECRET__BISTRO_MOKOTOW: 'bistro-env-value' };
    const withEnv = await runCli(['credentials', 'list', '--restaurant', 'bistro-mokotow', '--config', config], { env });
    expect(withEnv.stdout.trim().split('\n')).toEqual([
      'bistro-mokotow\tvonage.backendToken\tkeychain',
      'bistro-mokotow\tprivmx.apiKeySecret\tenvironment (SERVICEBELL_PRIVMX_API_KEY_SECRET__BISTRO_MOKOTOW)',
      'bistro-mokotow\tsmsapi.token\tmissing',
      'bistro-mokotow\tmqtt.password\tmissing',
      'bistro-mokotow\tntfy.token\tmissing',
    ]);

    const del = await runCli(['credentials', 'delete', 'vonage.backendToken', '--restaurant', 'bistro-mokotow', '--config', config], { env: noEnvSecrets });
    expect(del.stdout).toContain('vonage.backendToken: deleted');
    expect(await keychain.get('bistro-mokotow/vonage.backendToken')).toBeUndefined();
    expect(await keychain.get('trattoria-centrum/vonage.backendToken')).toBe(DEFAULT_TOKEN);
    await keychain.delete('trattoria-centrum/vonage.backendToken');
    for (const out of [bistro, plain, list, withEnv, del]) {
      for (const value of [BISTRO_TOKEN, DEFAULT_TOKEN, 'plain-env-value', 'bistro-env-value']) expect(out.stdout + out.stderr).not.toContain(value);
    }
  });

  it('reads the real keychain per restaurant: an upgraded install (restaurant "default") finds the secret stored before restaurants existed', async () => {
    const keychain = createKeychain({ service: 'Servicebell-restaurant-test' });
    await keychain.set('privmx.apiKeySecret', 'stored-by-version-1');
    await keychain.set('bistro-mokotow/privmx.apiKeySecret', 'stored-for-bistro');
    try {
      const ids = ['default', 'bistro-mokotow'];
      const resolver = new SecretResolver({ env: noEnvSecrets, keychain, keychainUsable: true, logger: silentLogger(), restaurantIds: () => ids });
      expect(await resolver.locate({ restaurant: 'default', name: 'privmx.apiKeySecret' })).toEqual({ location: 'keychain', value: 'stored-by-version-1' });
      expect(await resolver.get({ restaurant: 'bistro-mokotow', name: 'privmx.apiKeySecret' })).toBe('stored-for-bistro');
      expect(await resolver.get({ restaurant: 'bistro-mokotow', name: 'smsapi.token' })).toBeUndefined();
      // The plain variable counts for a restaurant that is the only one, whatever its id, and never for a second one.
      const sole = new SecretResolver({ env: { SERVICEBELL_SMSAPI_TOKEN: 'plain' }, keychain, keychainUsable: true, logger: silentLogger(), restaurantIds: () => ['bistro-mokotow'] });
      expect(await sole.locate({ restaurant: 'bistro-mokotow', name: 'smsapi.token' })).toEqual({ location: 'environment', value: 'plain' });
      const shared = new SecretResolver({ env: { SERVICEBELL_SMSAPI_TOKEN: 'plain' }, keychain, keychainUsable: true, logger: silentLogger(), restaurantIds: () => ids });
      expect(await shared.locate({ restaurant: 'bistro-mokotow', name: 'smsapi.token' })).toEqual({ location: 'missing' });
      expect(await shared.locate({ restaurant: 'default', name: 'smsapi.token' })).toEqual({ location: 'environment', value: 'plain' });
    } finally {
      await keychain.delete('privmx.apiKeySecret');
      await keychain.delete('bistro-mokotow/privmx.apiKeySecret');
    }
  });
});
