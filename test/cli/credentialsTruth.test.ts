// `servicebell credentials` says what really happens (#14.14).
import { describe, expect, it } from 'vitest';
import { startKeyring, startSessionBus } from '../harness/desktopSession.mjs';
import { runCli } from '../harness/runCli.js';
import { createKeychain } from '../../main/core/secrets/keychain.js';

const noEnvSecrets = { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' };

describe('servicebell credentials tells the truth', () => {
  it('refuses a whitespace-only value and stores nothing', async () => {
    for (const input of ['   \n', '\t \t', ' \r\n']) {
      const result = await runCli(['credentials', 'set', 'smsapi.token'], { input, env: noEnvSecrets });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('servicebell: the value is empty or only whitespace; nothing was stored');
    }
    expect(await createKeychain().get('smsapi.token')).toBeUndefined();
  });

  it('stores, and says the stored value is not used while the environment variable is set', async () => {
    const value = 'sb-creds-Hk29-value';
    try {
      const result = await runCli(['credentials', 'set', 'smsapi.token'], { input: value, env: { ...noEnvSecrets, SERVICEBELL_SMSAPI_TOKEN: 'env-wins-value' } });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('smsapi.token: stored in the OS keychain');
      expect(result.stderr).toContain('servicebell: SERVICEBELL_SMSAPI_TOKEN is set in the environment: the stored value will not be used while it is set');
      expect(result.stdout + result.stderr).not.toContain('env-wins-value');
      expect(await createKeychain().get('smsapi.token')).toBe(value);
    } finally {
      await createKeychain().delete('smsapi.token');
    }
  });

  it('list and delete with a keychain that cannot be reached say so and exit 1', async () => {
    const bus = await startSessionBus();
    const env = { ...process.env, ...noEnvSecrets, SERVICEBELL_PRIVMX_API_KEY_SECRET: 'from-env-secret', DBUS_SESSION_BUS_ADDRESS: bus.address };
    const keyring = await startKeyring(env, { unlocked: false });
    try {
      const list = await runCli(['credentials', 'list'], { env });
      expect(list.code).toBe(1);
      expect(list.stdout).toContain('privmx.apiKeySecret\tenvironment');
      expect(list.stdout).toContain('smsapi.token\tunknown: the OS keychain cannot be reached');
      expect(list.stdout).not.toMatch(/\tmissing/);
      expect(list.stderr).toMatch(/servicebell: the OS keychain cannot be reached \(.+\)/);

      const del = await runCli(['credentials', 'delete', 'smsapi.token'], { env });
      expect(del.code).toBe(1);
      expect(del.stdout).not.toContain('was not stored');
      expect(del.stderr).toMatch(/servicebell: the OS keychain cannot be reached \(.+\); nothing was deleted/);
    } finally {
      await keyring.stop();
      await bus.stop();
    }
  });
});
