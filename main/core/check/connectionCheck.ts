import type { SecretGetter, SecretName } from '../secrets/secretNames.js';
import type { Settings } from '../settings/schema.js';

/** One line of `servicebell check` (and of the settings window's "Check connections"). */
export interface CheckLine {
  name: string;
  ok: boolean;
  detail: string;
}

/** A single, bounded connection attempt for one enabled service; never sends a message. */
export interface ConnectionProbe {
  name: string;
  applies(settings: Settings): boolean;
  run(settings: Settings, getSecret: SecretGetter): Promise<CheckLine[]>;
}

/** Which secrets the enabled parts of the settings need. */
export function requiredSecrets(settings: Settings): SecretName[] {
  const needed: SecretName[] = [];
  if (settings.vonage.enabled) needed.push('vonage.backendToken');
  if (settings.privmx.enabled) needed.push('privmx.apiKeySecret');
  if (settings.privmx.enabled && settings.sms.to.length > 0 && settings.privmx.rules.some((r) => r.actions.includes('sms'))) {
    needed.push('smsapi.token');
  }
  return needed;
}

/** When the keychain is unusable, a line that says why; a failure only when a needed secret is then missing. */
export function keychainLine(problem: string | undefined, lines: readonly CheckLine[]): CheckLine | undefined {
  if (problem === undefined) return undefined;
  const missing = lines.some((l) => l.name.startsWith('secret ') && !l.ok);
  return { name: 'keychain', ok: !missing, detail: `unusable: ${problem}` };
}

export async function runChecks(
  settings: Settings,
  locate: (name: SecretName) => Promise<{ location: string; value?: string }>,
  probes: readonly ConnectionProbe[],
): Promise<CheckLine[]> {
  const lines: CheckLine[] = [{ name: 'settings', ok: true, detail: 'valid' }];
  for (const name of requiredSecrets(settings)) {
    const { location } = await locate(name);
    lines.push({ name: `secret ${name}`, ok: location !== 'missing', detail: location === 'missing' ? 'missing: set it with `servicebell credentials set`' : `found in ${location}` });
  }
  const getSecret: SecretGetter = async (name) => (await locate(name)).value;
  for (const probe of probes) {
    if (!probe.applies(settings)) continue;
    try {
      lines.push(...(await probe.run(settings, getSecret)));
    } catch (err) {
      lines.push({ name: probe.name, ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }
  return lines;
}
