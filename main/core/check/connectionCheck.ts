import type { Translator } from '../../../common/i18n/translator.js';
import { heldClock } from '../connection/clock.js';
import { ENGLISH } from '../text/english.js';
import { checkTextFor } from '../text/checkText.js';
import { withTimeout } from '../connection/timeout.js';
import type { SecretGetter, SecretName, SecretRef } from '../secrets/secretNames.js';
import type { RestaurantSettings, Settings } from '../settings/schema.js';
import { settingsWarnings } from '../settings/settingsWarnings.js';

/** One line of `servicebell check` (and of the settings window's "Check connections"). */
export interface CheckLine {
  name: string;
  ok: boolean;
  detail: string;
  /** A setting that works but probably does not do what was meant; never a failure. */
  warning?: boolean;
  /** The restaurant (settings id) the line is about; absent for the settings and keychain lines. */
  restaurant?: string;
}

/** A single, bounded connection attempt for one enabled service of one restaurant; never sends a message. */
export interface ConnectionProbe {
  name: string;
  applies(settings: RestaurantSettings): boolean;
  /** `getSecret` answers with this restaurant's secrets. */
  run(settings: RestaurantSettings, getSecret: SecretGetter): Promise<CheckLine[]>;
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
  /** The language of the lines Servicebell words itself (the probes' details stay as the services answered); absent: English. */
  translator?: Translator;
}

/** Which secrets the enabled parts of a restaurant's settings need. */
export function requiredSecrets(settings: RestaurantSettings): SecretName[] {
  const needed: SecretName[] = [];
  if (settings.vonage.enabled) needed.push('vonage.backendToken');
  if (settings.privmx.enabled) needed.push('privmx.apiKeySecret');
  // Without a user name a broker may let this PC in anonymously, and an ntfy server takes a token: neither is required.
  if (settings.mqtt.enabled && settings.mqtt.username !== undefined) needed.push('mqtt.password');
  if (settings.ntfy.enabled && settings.ntfy.username !== undefined) needed.push('ntfy.token');
  if (settings.privmx.enabled && settings.sms.to.length > 0 && settings.privmx.rules.some((r) => r.actions.includes('sms'))) {
    needed.push('smsapi.token');
  }
  return needed;
}

/** When the keychain is unusable, a line that says why; a failure only when a needed secret (`secretLines`) is then missing. */
export function keychainLine(problem: string | undefined, secretLines: readonly CheckLine[], t: Translator = ENGLISH): CheckLine | undefined {
  if (problem === undefined) return undefined;
  const text = checkTextFor(t);
  const missing = secretLines.some((l) => !l.ok);
  return { name: text.keychainName, ok: !missing, detail: text.keychainUnusable(problem) };
}


/**
 * Every check, in order: settings, their warnings, then for each restaurant its secrets and each applicable probe.
 * With several restaurants each of their lines is prefixed `[id]` and carries `restaurant`; with one, the lines read
 * as they always did. Each step has a deadline held by a referenced timer, so a probe whose promise never settles
 * ends as a FAIL line instead of letting the process drain and exit without printing.
 */
export async function runChecks(
  settings: Settings,
  locate: (ref: SecretRef) => Promise<{ location: string; value?: string }>,
  probes: readonly ConnectionProbe[],
  options: CheckOptions = {},
): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  const emit = (line: CheckLine): void => {
    lines.push(line);
    options.onLine?.(line);
  };
  const text = checkTextFor(options.translator ?? ENGLISH);
  const probeMs = options.probeDeadlineMs ?? 45_000;
  const secretMs = options.secretDeadlineMs ?? 10_000;
  const boundedLocate = (ref: SecretRef) =>
    withTimeout(locate(ref), secretMs, () => new Error(text.secretTimeout(ref.name, secretMs)), heldClock);

  emit(options.settingsLine ?? text.settingsValid);
  const several = settings.restaurants.length > 1;
  const about = (restaurant: RestaurantSettings, line: CheckLine): CheckLine =>
    several ? { ...line, name: `[${restaurant.id}] ${line.name}`, restaurant: restaurant.id } : line;
  for (const warning of settingsWarnings(settings)) emit({ name: `${text.settingsName} ${warning.path}`, ok: true, warning: true, detail: warning.message });

  const secretLines: Array<{ restaurant: RestaurantSettings; line: CheckLine }> = [];
  for (const restaurant of settings.restaurants) {
    for (const name of requiredSecrets(restaurant)) {
      try {
        const { location } = await boundedLocate({ restaurant: restaurant.id, name });
        const detail = location === 'missing' ? text.secretMissing(`servicebell credentials set${several ? ` ${name} --restaurant ${restaurant.id}` : ''}`) : text.secretFound(location);
        secretLines.push({ restaurant, line: { name: text.secretName(name), ok: location !== 'missing', detail } });
      } catch (err) {
        secretLines.push({ restaurant, line: { name: text.secretName(name), ok: false, detail: err instanceof Error ? err.message : String(err) } });
      }
    }
  }
  const keychain = keychainLine(options.keychainProblem, secretLines.map((s) => s.line), options.translator);
  if (keychain) emit(keychain);

  for (const restaurant of settings.restaurants) {
    for (const s of secretLines) if (s.restaurant === restaurant) emit(about(restaurant, s.line));
    const getSecret: SecretGetter = async (name) => (await boundedLocate({ restaurant: restaurant.id, name })).value;
    for (const probe of probes) {
      if (!probe.applies(restaurant)) continue;
      try {
        const probeLines = await withTimeout(probe.run(restaurant, getSecret), probeMs, () => new Error(text.probeTimeout(probeMs)), heldClock);
        for (const line of probeLines) emit(about(restaurant, line));
      } catch (err) {
        emit(about(restaurant, { name: probe.name, ok: false, detail: err instanceof Error ? err.message : String(err) }));
      }
    }
  }
  return lines;
}
