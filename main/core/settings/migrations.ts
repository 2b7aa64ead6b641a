import { SETTINGS_VERSION } from './schema.js';

type Migration = (input: Record<string, unknown>) => Record<string, unknown>;

/**
 * Settings migrations, from each version to the next. Version 0 is a file without `version`, the flat shape the
 * first prototypes used: `{backendUrl, username, bridgeUrl, apiKeyId, smsTo, allowedHosts}`.
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
};

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function migrateSettings(raw: unknown): { ok: true; value: unknown; from?: number } | { ok: false; problem: string } {
  const object = asObject(raw);
  if (!object) return { ok: false, problem: '(root): settings must be a JSON object' };
  const version = object.version === undefined ? 0 : object.version;
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
