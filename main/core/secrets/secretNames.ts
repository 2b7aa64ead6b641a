/** The secrets each restaurant may use; each is a keychain account under service `Servicebell` (see `secretAccount`). */
export const SECRET_NAMES = ['vonage.backendToken', 'privmx.apiKeySecret', 'smsapi.token', 'mqtt.password', 'ntfy.token'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export const KEYCHAIN_SERVICE = 'Servicebell';

export const SECRET_ENV_VARS: Record<SecretName, string> = {
  'vonage.backendToken': 'SERVICEBELL_VONAGE_BACKEND_TOKEN',
  'privmx.apiKeySecret': 'SERVICEBELL_PRIVMX_API_KEY_SECRET',
  'smsapi.token': 'SERVICEBELL_SMSAPI_TOKEN',
  /** The MQTT broker password of `mqtt.username`. */
  'mqtt.password': 'SERVICEBELL_MQTT_PASSWORD',
  /** The ntfy access token (tk_…), or the password of `ntfy.username`. */
  'ntfy.token': 'SERVICEBELL_NTFY_TOKEN',
};

export function isSecretName(value: string): value is SecretName {
  return (SECRET_NAMES as readonly string[]).includes(value);
}

/** What sources are given: resolve a secret when needed (it may change while running). */
export type SecretGetter = (name: SecretName) => Promise<string | undefined>;

/** One restaurant's secret: which restaurant (its settings id) and which of its secrets. */
export interface SecretRef {
  restaurant: string;
  name: SecretName;
}

/** How the core asks for a secret; the answer may change while running (a value typed in the settings window). */
export type SecretLookup = (ref: SecretRef) => Promise<string | undefined>;

/** The restaurant a version-1 install becomes: its secrets keep today's account and variable names. */
const LEGACY_RESTAURANT = 'default';

/** The keychain account: `privmx.apiKeySecret` for the `default` restaurant (as before settings v2), else `bistro-mokotow/privmx.apiKeySecret`. */
export function secretAccount(ref: SecretRef): string {
  return ref.restaurant === LEGACY_RESTAURANT ? ref.name : `${ref.restaurant}/${ref.name}`;
}

/** `SERVICEBELL_PRIVMX_API_KEY_SECRET__BISTRO_MOKOTOW`: one restaurant's environment override, whatever else is configured. */
export function restaurantEnvVar(ref: SecretRef): string {
  return `${SECRET_ENV_VARS[ref.name]}__${ref.restaurant.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Which environment variables may hold a restaurant's secret, first wins: its own `NAME__ID` form, then today's plain
 * name, which counts only while that restaurant is the only one configured (or is `default`), so it is never
 * silently shared between restaurants.
 */
export function secretEnvVars(ref: SecretRef, restaurantIds: readonly string[]): string[] {
  const plainApplies = ref.restaurant === LEGACY_RESTAURANT || (restaurantIds.length === 1 && restaurantIds[0] === ref.restaurant);
  return plainApplies ? [restaurantEnvVar(ref), SECRET_ENV_VARS[ref.name]] : [restaurantEnvVar(ref)];
}

/** Every variable that holds a secret (plain or per restaurant), so each value is redacted whatever reads it. */
export function isSecretEnvVar(variable: string): boolean {
  return Object.values(SECRET_ENV_VARS).some((plain) => variable === plain || variable.startsWith(`${plain}__`));
}
