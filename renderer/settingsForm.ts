// Maps the settings form to the settings object and back. Validation is the core's schema, in main; this only
// turns form values into JSON and finds the field a returned "path: message" belongs to. The form shows one
// restaurant at a time (RESTAURANT_FIELDS, paths inside that restaurant) and the settings of all (GLOBAL_FIELDS).
// The PrivMX rules have their own editor (settings/rulesEditor.ts), the Sound selects theirs (settings/soundControls.ts).
import { typedTime } from './settings/typedTime.js';

/**
 * `minutes`: a number of seconds in the settings, shown and typed in minutes. `time`: a 24-hour "HH:MM" typed as text
 * (a time input would show the browser's locale, 12-hour on an en-US desktop, whatever language the window speaks).
 */
export type FieldKind = 'bool' | 'text' | 'number' | 'minutes' | 'time' | 'comma-list' | 'line-list' | 'channels';

export interface FieldSpec {
  id: string;
  path: string;
  kind: FieldKind;
}

/** Paths inside one entry of `restaurants[]`. MQTT and ntfy get their fieldsets here when the page shows them. */
export const RESTAURANT_FIELDS: readonly FieldSpec[] = [
  { id: 'restaurant-name', path: 'name', kind: 'text' },
  { id: 'restaurant-id', path: 'id', kind: 'text' },
  { id: 'restaurant-muted', path: 'muted', kind: 'bool' },
  { id: 'vonage-enabled', path: 'vonage.enabled', kind: 'bool' },
  { id: 'vonage-backendUrl', path: 'vonage.backendUrl', kind: 'text' },
  { id: 'vonage-username', path: 'vonage.username', kind: 'text' },
  { id: 'vonage-eventTypes', path: 'vonage.eventTypes', kind: 'comma-list' },
  { id: 'vonage-sdkUrl', path: 'vonage.sdk.url', kind: 'text' },
  { id: 'vonage-sdkApiUrl', path: 'vonage.sdk.apiUrl', kind: 'text' },
  { id: 'privmx-enabled', path: 'privmx.enabled', kind: 'bool' },
  { id: 'privmx-bridgeUrl', path: 'privmx.bridgeUrl', kind: 'text' },
  { id: 'privmx-apiKeyId', path: 'privmx.apiKeyId', kind: 'text' },
  { id: 'privmx-solution', path: 'privmx.solution', kind: 'text' },
  { id: 'privmx-channels', path: 'privmx.channels', kind: 'channels' },
  { id: 'sms-to', path: 'sms.to', kind: 'line-list' },
  { id: 'sms-from', path: 'sms.from', kind: 'text' },
  { id: 'sms-apiUrl', path: 'sms.apiUrl', kind: 'text' },
  { id: 'sms-maxPerHour', path: 'sms.maxPerHour', kind: 'number' },
  { id: 'links-allowedHosts', path: 'links.allowedHosts', kind: 'line-list' },
];

/** Paths at the top of the settings: the same for every restaurant. */
export const GLOBAL_FIELDS: readonly FieldSpec[] = [
  { id: 'quiet-enabled', path: 'notifications.quietHours.enabled', kind: 'bool' },
  { id: 'quiet-start', path: 'notifications.quietHours.start', kind: 'time' },
  { id: 'quiet-end', path: 'notifications.quietHours.end', kind: 'time' },
  { id: 'ui-launchAtLogin', path: 'ui.launchAtLogin', kind: 'bool' },
  { id: 'ui-language', path: 'ui.language', kind: 'text' },
  { id: 'reminders-minutes', path: 'notifications.supportReminders.afterSeconds', kind: 'minutes' },
  { id: 'reminders-times', path: 'notifications.supportReminders.times', kind: 'number' },
  { id: 'support-burst-limit', path: 'notifications.supportBurstLimit', kind: 'number' },
  { id: 'updates-enabled', path: 'updates.enabled', kind: 'bool' },
  { id: 'updates-allowPrerelease', path: 'updates.allowPrerelease', kind: 'bool' },
  { id: 'updates-feedUrl', path: 'updates.feedUrl', kind: 'text' },
];

type Json = Record<string, unknown>;

export function getPath(obj: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), obj);
}

export function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = obj;
  for (const k of keys) {
    const next = node[k];
    node = next && typeof next === 'object' ? (next as Json) : (node[k] = {});
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function channelBoxes(form: HTMLFormElement): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[name="privmx-channel"]')];
}

export function fillForm(form: HTMLFormElement, fields: readonly FieldSpec[], settings: Json): void {
  for (const field of fields) {
    const value = getPath(settings, field.path);
    if (field.kind === 'channels') {
      const on = Array.isArray(value) ? value : [];
      for (const box of channelBoxes(form)) box.checked = on.includes(box.value);
      continue;
    }
    const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${field.id}`);
    if (!input) continue;
    if (field.kind === 'bool' && input instanceof HTMLInputElement) input.checked = value === true;
    else if (field.kind === 'comma-list') input.value = Array.isArray(value) ? value.join(', ') : '';
    else if (field.kind === 'line-list') input.value = Array.isArray(value) ? value.join('\n') : '';
    else if (field.kind === 'minutes') input.value = typeof value === 'number' ? String(Math.round((value / 60) * 100) / 100) : '';
    else input.value = value === undefined ? '' : String(value);
  }
}

/** The settings as the form's `fields` say, on top of `base` (so sections the form does not show are kept). */
export function readForm(form: HTMLFormElement, fields: readonly FieldSpec[], base: Json): Json {
  const settings = structuredClone(base);
  const split = (text: string, sep: RegExp): string[] => text.split(sep).map((s) => s.trim()).filter(Boolean);
  for (const field of fields) {
    if (field.kind === 'channels') {
      setPath(settings, field.path, channelBoxes(form).filter((b) => b.checked).map((b) => b.value));
      continue;
    }
    const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${field.id}`);
    if (!input) continue;
    const text = input.value.trim();
    if (field.kind === 'bool' && input instanceof HTMLInputElement) setPath(settings, field.path, input.checked);
    else if (field.kind === 'comma-list') setPath(settings, field.path, split(text, /,/));
    else if (field.kind === 'line-list') setPath(settings, field.path, split(text, /\n/));
    else if (field.kind === 'number') setPath(settings, field.path, text === '' ? undefined : Number(text));
    else if (field.kind === 'minutes') setPath(settings, field.path, text === '' ? undefined : Math.round(Number(text) * 60));
    else if (field.kind === 'time') setPath(settings, field.path, text === '' ? undefined : typedTime(text));
    else setPath(settings, field.path, text === '' ? undefined : text);
  }
  return settings;
}

/** The field of `fields` a "path: message" problem belongs to: the longest field path that prefixes it. */
export function fieldForProblem(fields: readonly FieldSpec[], problem: string): FieldSpec | undefined {
  const path = problem.slice(0, problem.indexOf(':'));
  const matches = fields.filter((f) => path === f.path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}
