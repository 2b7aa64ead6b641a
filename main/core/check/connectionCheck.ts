import { heldClock } from '../connection/clock.js';
import { withTimeout } from '../connection/timeout.js';
import type { SecretGetter, SecretName } from '../secrets/secretNames.js';
import type { Settings } from '../settings/schema.js';
import { settingsWarnings } from '../settings/settingsWarnings.js';

/** One line of `servicebell check` (and of the settings window's "Check connections"). */
export interface CheckLine {
  name: string;
  ok: boolean;
  detail: string;
  /** A setting that works but probably does not do what was meant; never a failure. */
  warning?: boolean;
}

/** A single, bounded connection attempt for one enabled service; never sends a message. */
export interface ConnectionProbe {
  name: string;
  applies(settings: Settings): boolean;
  run(settings: Settings, getSecret: SecretGetter): Promise<CheckLine[]>;
}

export interface CheckOptions {
  /** The first line; default `ok settings: valid`. */
  settingsLine?: CheckLine;
  /** Why the OS keychain is unusable, when it is. */
  keychainProblem?: string;
  /** Each line as soon as it is known, so a hang later cannot swallow earlier lines. */
  onLine?: (line: CheckLine) => void;
  /** The most one probe may take, all its steps together. */
  probeDeadlineMs?: number;
  /** The most finding one secret may take. */
  secretDeadlineMs?: number;
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

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/**
 * Every check, in order: settings, their warnings, secrets, then each applicable probe. Each step has a deadline held
 * by a referenced timer, so a probe whose promise never settles ends as a FAIL line instead of letting the process
 * drain and exit without printing.
 */
export async function runChecks(
  settings: Settings,
  locate: (name: SecretName) => Promise<{ location: string; value?: string }>,
  probes: readonly ConnectionProbe[],
  options: CheckOptions = {},
): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  const emit = (line: CheckLine): void => {
    lines.push(line);
    options.onLine?.(line);
  };
  const probeMs = options.probeDeadlineMs ?? 45_000;
  const secretMs = options.secretDeadlineMs ?? 10_000;
  const boundedLocate = (name: SecretName) => withTimeout(locate(name), secretMs, () => new Error(`finding ${name} took longer than ${seconds(secretMs)}`), heldClock);

  emit(options.settingsLine ?? { name: 'settings', ok: true, detail: 'valid' });
  for (const warning of settingsWarnings(settings)) emit({ name: `settings ${warning.path}`, ok: true, warning: true, detail: warning.message });

  const secretLines: CheckLine[] = [];
  for (const name of requiredSecrets(settings)) {
    try {
      const { location } = await boundedLocate(name);
      secretLines.push({ name: `secret ${name}`, ok: location !== 'missing', detail: location === 'missing' ? 'missing: set it with `servicebell credentials set`' : `found in ${location}` });
    } catch (err) {
      secretLines.push({ name: `secret ${name}`, ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }
  const keychain = keychainLine(options.keychainProblem, secretLines);
  if (keychain) emit(keychain);
  for (const line of secretLines) emit(line);

  const getSecret: SecretGetter = async (name) => (await boundedLocate(name)).value;
  for (const probe of probes) {
    if (!probe.applies(settings)) continue;
    try {
      const probeLines = await withTimeout(probe.run(settings, getSecret), probeMs, () => new Error(`did not finish within ${seconds(probeMs)}`), heldClock);
      for (const line of probeLines) emit(line);
    } catch (err) {
      emit({ name: probe.name, ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }
  return lines;
}
