import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecrets, redact } from '../log/redact.js';
import { silentLogger } from '../log/logger.js';
import { isSecretEnvVar, restaurantEnvVar, secretAccount, secretEnvVars } from './secretNames.js';
import { SecretResolver } from './secretResolver.js';

describe('secret names per restaurant', () => {
  afterEach(() => forgetSecrets());

  it('keychain accounts: today’s name for `default`, `<id>/<name>` for any other', () => {
    expect(secretAccount({ restaurant: 'default', name: 'privmx.apiKeySecret' })).toBe('privmx.apiKeySecret');
    expect(secretAccount({ restaurant: 'bistro-mokotow', name: 'privmx.apiKeySecret' })).toBe('bistro-mokotow/privmx.apiKeySecret');
  });

  it('environment: NAME__ID first; the plain name only for `default` or a sole restaurant', () => {
    const bistro = { restaurant: 'bistro-mokotow', name: 'smsapi.token' } as const;
    expect(restaurantEnvVar(bistro)).toBe('SERVICEBELL_SMSAPI_TOKEN__BISTRO_MOKOTOW');
    expect(secretEnvVars(bistro, ['bistro-mokotow'])).toEqual(['SERVICEBELL_SMSAPI_TOKEN__BISTRO_MOKOTOW', 'SERVICEBELL_SMSAPI_TOKEN']);
    expect(secretEnvVars(bistro, ['default', 'bistro-mokotow'])).toEqual(['SERVICEBELL_SMSAPI_TOKEN__BISTRO_MOKOTOW']);
    expect(secretEnvVars({ restaurant: 'default', name: 'smsapi.token' }, ['default', 'bistro-mokotow'])).toEqual(['SERVICEBELL_SMSAPI_TOKEN__DEFAULT', 'SERVICEBELL_SMSAPI_TOKEN']);
    expect(isSecretEnvVar('SERVICEBELL_SMSAPI_TOKEN__BISTRO_MOKOTOW')).toBe(true);
    expect(isSecretEnvVar('SERVICEBELL_LOG_LEVEL')).toBe(false);
  });

  it('the MQTT password and the ntfy token follow the same naming: account `<id>/<name>`, variable `NAME__ID`', () => {
    expect(secretAccount({ restaurant: 'bistro-mokotow', name: 'mqtt.password' })).toBe('bistro-mokotow/mqtt.password');
    expect(secretAccount({ restaurant: 'default', name: 'ntfy.token' })).toBe('ntfy.token');
    expect(secretEnvVars({ restaurant: 'bistro-mokotow', name: 'mqtt.password' }, ['default', 'bistro-mokotow'])).toEqual(['SERVICEBELL_MQTT_PASSWORD__BISTRO_MOKOTOW']);
    expect(secretEnvVars({ restaurant: 'default', name: 'ntfy.token' }, ['default'])).toEqual(['SERVICEBELL_NTFY_TOKEN__DEFAULT', 'SERVICEBELL_NTFY_TOKEN']);
    expect(isSecretEnvVar('SERVICEBELL_NTFY_TOKEN__BISTRO_MOKOTOW')).toBe(true);
    new SecretResolver({ env: { SERVICEBELL_MQTT_PASSWORD__BISTRO_MOKOTOW: 'bistro-broker-pw-31' }, keychainUsable: false, logger: silentLogger() });
    expect(redact('connecting with bistro-broker-pw-31')).not.toContain('bistro-broker-pw-31');
  });

  it('a per-restaurant environment value is redacted from logs like a plain one', () => {
    new SecretResolver({ env: { SERVICEBELL_VONAGE_BACKEND_TOKEN__BISTRO_MOKOTOW: 'bistro-staff-token-77' }, keychainUsable: false, logger: silentLogger() });
    expect(redact('sent bistro-staff-token-77 to the backend')).not.toContain('bistro-staff-token-77');
  });
});
