import { DEFAULT_RESTAURANT_ID, DEFAULT_RESTAURANT_NAME, SETTINGS_VERSION } from './schema.js';

type Migration = (input: Record<string, unknown>) => Record<string, unknown>;

/**
 * Settings migrations, from each version to the next. Version 0 is a file without `version`, the flat shape the
 * first prototypes used: `{backendUrl, username, bridgeUrl, apiKeyId, smsTo, allowedHosts}`. Version 1 had one set of
 * connections; version 2 lists restaurants, and a version-1 file becomes the one restaurant `default` (which keeps
 * today's keychain accounts, cursor keys and history ids, so nothing is lost or repeated).
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (v0) => {
    const { backendUrl, username, bridgeUrl, apiKeyId, smsTo, allowedHosts, ...rest } = v0;
    const out: Record<string, unknown> = { ...rest, version: 1 };
    if (backendUrl !== undefined || username !== undefined) {
      out.vonage = { ...(asObject(rest.vonage) ?? {}), enabled: true, backendUrl, username };
    }
    if (bridgeUrl !== undefined || apiKeyId !== undefined) {
      out.privmx = { ...(asObject(rest.privmx) ?? {}), enabled: true, bridgeUrl, apiKeyId };
    }
    if (smsTo !== undefined) out.sms = { ...(asObject(rest.sms) ?? {}), to: Array.isArray(smsTo) ? smsTo : [smsTo] };
    if (allowedHosts !== undefined) out.links = { ...(asObject(rest.links) ?? {}), allowedHosts };
    return out;
  },
  1: (v1) => {
    const restaurant: Record<string, unknown> = { id: DEFAULT_RESTAURANT_ID, name: DEFAULT_RESTAURANT_NAME };
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v1)) {
      if ((RESTAURANT_SECTIONS as readonly string[]).includes(key)) restaurant[key] = value;
      else rest[key] = value;
    }
    return { ...rest, version: 2, restaurants: [restaurant] };
  },
};

/** The sections of a version-1 file that belong to a restaurant in version 2 (the rest stays global). */
const RESTAURANT_SECTIONS = ['vonage', 'privmx', 'mqtt', 'ntfy', 'sms', 'links'] as const;

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function migrateSettings(raw: unknown): { ok: true; value: unknown; from?: number } | { ok: false; problem: string } {
  const object = asObject(raw);
  if (!object) return { ok: false, problem: '(root): settings must be a JSON object' };
  // No `version` means the prototype shape, unless the file already lists restaurants (a hand-written version 2).
  const version = object.version === undefined ? ('restaurants' in object ? SETTINGS_VERSION : 0) : object.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: `version: must be a whole number (got ${JSON.stringify(version)})` };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, problem: `version: ${version} is newer than this Servicebell understands (${SETTINGS_VERSION}); update the app` };
  }
  let value = object;
  for (let v = version; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, problem: `version: no migration from ${v}` };
    value = step(value);
  }
  return { ok: true, value, from: version < SETTINGS_VERSION ? version : undefined };
}
