import { describe, expect, it } from 'vitest';
import { startKeyring, startSessionBus } from '../harness/desktopSession.mjs';
import { runCli } from '../harness/runCli.js';
import { createKeychain, probeKeychain, KeychainTimeoutError, type KeytarLike } from '../../main/core/secrets/keychain.js';

// These tests use the real keytar against the real gnome-keyring that `npm test` started for this run.
const SECRET = 'sb-test-Zq8vXk2M-staff-token';
const noEnvSecrets = { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' };

describe('servicebell credentials', () => {
  it('sets from piped stdin, lists locations without values, lets the environment win, and deletes', async () => {
    const set = await runCli(['credentials', 'set', 'vonage.backendToken'], { input: `${SECRET}\n`, env: noEnvSecrets });
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/vonage\.backendToken: stored in the OS keychain \(service "Servicebell", account "vonage\.backendToken"\)/);

    const list = await runCli(['credentials', 'list'], { env: noEnvSecrets });
    expect(list.stdout).toContain('vonage.backendToken\tkeychain');
    expect(list.stdout).toContain('smsapi.token\tmissing');

    const withEnv = await runCli(['credentials', 'list'], { env: { ...noEnvSecrets, SERVICEBELL_VONAGE_BACKEND_TOKEN: 'from-env-value' } });
    expect(withEnv.stdout).toContain('vonage.backendToken\tenvironment');

    const keychain = createKeychain();
    expect(await keychain.get('vonage.backendToken')).toBe(SECRET);

    const del = await runCli(['credentials', 'delete', 'vonage.backendToken'], { env: noEnvSecrets });
    expect(del.stdout).toContain('vonage.backendToken: deleted');
    expect(await keychain.get('vonage.backendToken')).toBeUndefined();

    for (const out of [set, list, withEnv, del]) {
      expect(out.stdout + out.stderr).not.toContain(SECRET);
      expect(out.stdout + out.stderr).not.toContain('from-env-value');
    }
  });

  it('rejects an unknown name and an empty value', async () => {
    const unknown = await runCli(['credentials', 'set', 'vonage.password'], { input: 'x' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown secret "vonage\.password"; one of: vonage\.backendToken/);
    const empty = await runCli(['credentials', 'set', 'smsapi.token'], { input: '\n' });
    expect(empty.code).toBe(2);
  });

  it('with a locked keychain (no login collection) refuses to store, without hanging, and list says it cannot tell', async () => {
    const bus = await startSessionBus();
    const env = { ...process.env, ...noEnvSecrets, DBUS_SESSION_BUS_ADDRESS: bus.address };
    const keyring = await startKeyring(env, { unlocked: false });
    try {
      const started = Date.now();
      const set = await runCli(['credentials', 'set', 'smsapi.token'], { input: 'some-sms-token-value', env });
      expect(set.code).toBe(1);
      expect(set.stderr).toMatch(/keychain is not available/);
      const list = await runCli(['credentials', 'list'], { env });
      // Not "missing": what the keychain holds is unknown while it cannot be reached (#14.14).
      expect(list.stdout).toContain('smsapi.token\tunknown: the OS keychain cannot be reached');
      expect(list.code).toBe(1);
      expect(list.stderr).toMatch(/OS keychain unavailable/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await keyring.stop();
      await bus.stop();
    }
  });

  it('probes with a bounded wait: a hanging keychain times out instead of blocking start-up', async () => {
    const hanging: KeytarLike = {
      getPassword: () => new Promise(() => {}),
      setPassword: () => new Promise(() => {}),
      deletePassword: () => new Promise(() => {}),
    };
    const keychain = createKeychain({ backend: hanging, timeoutMs: 100 });
    const started = Date.now();
    const probe = await probeKeychain(keychain, hanging, 100);
    expect(probe.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(keychain.get('smsapi.token')).rejects.toBeInstanceOf(KeychainTimeoutError);
  });
});
