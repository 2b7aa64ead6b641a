/** The three secrets Servicebell uses; each is a keychain account under service `Servicebell`. */
export const SECRET_NAMES = ['vonage.backendToken', 'privmx.apiKeySecret', 'smsapi.token'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export const KEYCHAIN_SERVICE = 'Servicebell';

export const SECRET_ENV_VARS: Record<SecretName, string> = {
  'vonage.backendToken': 'SERVICEBELL_VONAGE_BACKEND_TOKEN',
  'privmx.apiKeySecret': 'SERVICEBELL_PRIVMX_API_KEY_SECRET',
  'smsapi.token': 'SERVICEBELL_SMSAPI_TOKEN',
};

export function isSecretName(value: string): value is SecretName {
  return (SECRET_NAMES as readonly string[]).includes(value);
}

/** What sources are given: resolve a secret when needed (it may change while running). */
export type SecretGetter = (name: SecretName) => Promise<string | undefined>;
