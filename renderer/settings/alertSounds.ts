// The Sound choices of the Notifications section: one for support requests, one for every other kind of alert.
// `notifications.sounds` is a record by alert kind; the core plays `sounds[kind]`, or for a kind not listed the bell
// for support requests and `sounds["*"]` (else nothing) for any other (schema.ts, soundFor). "Other alerts" stands
// for `"*"` and for the other kinds this installation can name: those already in the record, the Vonage event types
// and PrivMX rule types of every restaurant, the PrivMX new-item events, ntfy messages and `order`. Choosing a sound
// there writes it for each of them and for `"*"`, so a kind first met later (a new MQTT event type) sounds the same.
// Pure: no DOM.
import { ANY_OTHER_KIND, isAlertSound, type AlertSound } from '../../common/alertSounds.js';
import { CHANNELS } from './channelText.js';

export { isAlertSound, type AlertSound };
/** "Other alerts" when the other kinds do not all sound the same: the file's choices are kept as they are. */
export const MIXED = 'mixed';
export type OtherChoice = AlertSound | typeof MIXED;

export const SUPPORT_KIND = 'support_request';
export const SOUND_LABELS: Readonly<Record<AlertSound, string>> = { off: 'Off', bundled: 'Servicebell bell', system: 'System sound' };
export const MIXED_LABEL = 'Different for each kind (kept as set)';
/** Kinds the app itself produces, or that are common enough to name before one arrives; `"*"` for the rest. */
const KNOWN_OTHER_KINDS: readonly string[] = [ANY_OTHER_KIND, ...CHANNELS.map((c) => c.newItem), 'ntfy_message', 'order'];

type Json = Record<string, unknown>;
type Sounds = Record<string, AlertSound>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The sounds record as the settings hold it (anything that is not a sound left out). */
export function soundsOf(settings: Json): Sounds {
  const raw = obj(obj(settings.notifications).sounds);
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, AlertSound] => isAlertSound(e[1])));
}

/** What support requests sound like: as listed, else the bundled bell (the core's default). */
export function supportSound(sounds: Sounds): AlertSound {
  return sounds[SUPPORT_KIND] ?? 'bundled';
}

/** The kinds "Other alerts" stands for, from the whole settings (restaurants included), sorted (`"*"` first). */
export function otherKinds(settings: Json): string[] {
  const kinds = new Set<string>([...Object.keys(soundsOf(settings)), ...KNOWN_OTHER_KINDS]);
  const restaurants = Array.isArray(settings.restaurants) ? settings.restaurants : [];
  for (const restaurant of restaurants.map(obj)) {
    for (const type of strings(obj(restaurant.vonage).eventTypes)) kinds.add(type);
    const rules = obj(restaurant.privmx).rules;
    for (const rule of Array.isArray(rules) ? rules.map(obj) : []) {
      const type = obj(rule.match).type;
      if (typeof type === 'string' && type !== '*') kinds.add(type);
    }
  }
  kinds.delete(SUPPORT_KIND);
  return [...kinds].sort();
}

/** What "Other alerts" shows: the sound all of `kinds` share (unlisted ones are off), or MIXED. */
export function otherSound(sounds: Sounds, kinds: readonly string[]): OtherChoice {
  const each = new Set(kinds.map((kind) => sounds[kind] ?? 'off'));
  const [only] = [...each];
  return each.size <= 1 ? (only ?? 'off') : MIXED;
}

/**
 * The record after the person's choices. A select still showing what it showed at load changes nothing, so a save
 * keeps the file's record as it was (no key added for a default); a changed one writes its kinds.
 */
export function chosenSounds(
  sounds: Sounds,
  kinds: readonly string[],
  support: { shown: AlertSound; loaded: AlertSound },
  other: { shown: OtherChoice; loaded: OtherChoice },
): Sounds {
  const next = { ...sounds };
  if (support.shown !== support.loaded) next[SUPPORT_KIND] = support.shown;
  if (other.shown !== other.loaded && other.shown !== MIXED) for (const kind of kinds) next[kind] = other.shown;
  return next;
}
