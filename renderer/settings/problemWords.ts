// The core's settings problems ("restaurants[0] ("Bistro").vonage.backendUrl: must be an http(s) URL") in words a
// manager understands ("The Vonage backend address must start with https://"), in the window's language. The
// technical text stays available (a tooltip, for IT) and stays English. Pure: no DOM and no core import; a problem
// it does not know is shown as the core words it.
import type { MessageKey } from '../../common/i18n/catalogues/en.js';
import { t } from '../i18n.js';
import { splitProblem } from './restaurantDrafts.js';

export interface ProblemWords {
  /** What to show a person. */
  words: string;
  /** The core's own line, path included: for IT. */
  technical: string;
}

/** What each setting is called, by path with list positions written `[]` (those subjects take the position, {n}). */
const SUBJECTS: Record<string, MessageKey> = {
  name: 'problem.subject.name',
  id: 'problem.subject.id',
  'vonage.backendUrl': 'problem.subject.vonageBackendUrl',
  'vonage.username': 'problem.subject.vonageUsername',
  'vonage.eventTypes': 'problem.subject.vonageEventTypes',
  'vonage.eventTypes[]': 'problem.subject.vonageEventType',
  'vonage.sdk.url': 'problem.subject.vonageSdkUrl',
  'vonage.sdk.apiUrl': 'problem.subject.vonageSdkApiUrl',
  'privmx.bridgeUrl': 'problem.subject.privmxBridgeUrl',
  'privmx.apiKeyId': 'problem.subject.privmxApiKeyId',
  'privmx.solution': 'problem.subject.privmxSolution',
  'privmx.channels': 'problem.subject.privmxChannels',
  'mqtt.url': 'problem.subject.mqttUrl',
  'mqtt.topic': 'problem.subject.mqttTopic',
  'mqtt.username': 'problem.subject.mqttUsername',
  'mqtt.clientId': 'problem.subject.mqttClientId',
  'ntfy.baseUrl': 'problem.subject.ntfyBaseUrl',
  'ntfy.topics[]': 'problem.subject.ntfyTopic',
  'ntfy.username': 'problem.subject.ntfyUsername',
  'sms.to[]': 'problem.subject.smsTo',
  'sms.from': 'problem.subject.smsFrom',
  'sms.apiUrl': 'problem.subject.smsApiUrl',
  'sms.maxPerHour': 'problem.subject.smsMaxPerHour',
  'links.allowedHosts[]': 'problem.subject.allowedHost',
  'notifications.quietHours.start': 'problem.subject.quietStart',
  'notifications.quietHours.end': 'problem.subject.quietEnd',
  'notifications.supportReminders.afterSeconds': 'problem.subject.reminderInterval',
  'notifications.supportReminders.times': 'problem.subject.reminderTimes',
  'notifications.supportBurstLimit': 'problem.subject.burstLimit',
  'notifications.sounds.support_request': 'problem.subject.soundSupport',
  'notifications.sounds': 'problem.subject.sounds',
  'updates.feedUrl': 'problem.subject.feedUrl',
  restaurants: 'problem.subject.restaurants',
};

/** Addresses that carry a password or token: https, or http only to this computer. */
const SECRET_URLS = new Set(['vonage.backendUrl', 'vonage.sdk.url', 'vonage.sdk.apiUrl', 'privmx.bridgeUrl', 'sms.apiUrl']);

/** Settings held in seconds but shown in minutes: their limits are said in minutes too. */
const IN_MINUTES = new Set(['notifications.supportReminders.afterSeconds']);
const amount = (text: string | undefined, path: string): string => {
  const n = Number(text);
  if (!IN_MINUTES.has(path)) return String(n);
  return n % 60 === 0 ? t('problem.amount.minutes', { count: n / 60 }) : t('problem.amount.minutesSeconds', { minutes: n / 60, seconds: n });
};

/** The sentence about the setting: a catalogue message with {subject} and the values it names. */
type Said = [MessageKey, Record<string, string | number>?];
type Predicate = (m: RegExpExecArray, path: string) => Said;
/** The core's messages (schema.ts, zod's own) and what they mean. */
const MESSAGES: ReadonlyArray<[RegExp, Predicate]> = [
  [/^must be an https URL \(http: only to this machine/, () => ['problem.httpsOnly']],
  [/^must be an http\(s\) URL$/, (_m, path) => [SECRET_URLS.has(path) ? 'problem.httpsOnly' : 'problem.webAddress']],
  [/^must be an https URL$/, () => ['problem.https']],
  [/^must be an mqtt:, mqtts:, ws: or wss: URL$/, () => ['problem.mqttUrl']],
  [/^must be an E\.164 phone number/, () => ['problem.phone']],
  [/^must be HH:MM/, () => ['problem.time']],
  [/^must be a host name or \*\.domain pattern$/, () => ['problem.host']],
  [/^must be a slug/, () => ['problem.slug']],
  [/^must not contain a user name or password/, () => ['problem.credentialsInUrl']],
  [/^must be an MQTT topic filter/, () => ['problem.mqttTopic']],
  [/^must be an ntfy topic name/, () => ['problem.ntfyTopic']],
  [/^must be 1–128 letters, digits or \. _ -$/, () => ['problem.clientId']],
  [/^duplicate id "[^"]*" \(also restaurants\[(\d+)\]\)$/, (m) => ['problem.duplicateId', { n: Number(m[1]) + 1 }]],
  [/^must not be empty$|^Too small: expected string to have >=1 characters?$/, () => ['problem.empty']],
  [/^must list at least one restaurant$/, () => ['problem.noRestaurant']],
  [/^Too small: expected array to have >=1 items?$/, () => ['problem.noEntry']],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => ['problem.tooLong', { max: m[1] ?? '' }]],
  [/^Too small: expected number to be >=(\d+)$/, (m, path) => ['problem.atLeast', { amount: amount(m[1], path) }]],
  [/^Too big: expected number to be <=(\d+)$/, (m, path) => ['problem.atMost', { amount: amount(m[1], path) }]],
  [/^Invalid input: expected number/, () => ['problem.number']],
  [/^Invalid input: expected int/, () => ['problem.wholeNumber']],
  [/^Invalid option: expected one of/, (_m, path) => [path.startsWith('notifications.sounds') ? 'problem.soundChoice' : 'problem.notAChoice']],
  [/^Invalid string: must match pattern/, () => ['problem.badCharacters']],
  [/^unknown key "([^"]*)"$/, (m) => ['problem.unknownKey', { key: m[1] ?? '' }]],
];

/** `sms.to[1]` → the subject "Phone number 2"; undefined when the setting has no name here. */
function subjectOf(path: string): { key: string; subject: string } | undefined {
  const last = /\[(\d+)\]$/.exec(path);
  const key = path.replace(/\[\d+\]/g, '[]');
  const subject = Object.hasOwn(SUBJECTS, key) ? SUBJECTS[key] : undefined;
  if (subject === undefined) return undefined;
  return { key: key.replace(/\[\]$/, ''), subject: t(subject, { n: last ? Number(last[1]) + 1 : '' }) };
}

/** The problem in plain words; the raw text when its setting or its message is not one this module knows. */
export function problemWords(problem: string): ProblemWords {
  const { local } = splitProblem(problem);
  const colon = local.indexOf(': ');
  const fallback = { words: problem, technical: problem };
  if (colon < 0) return fallback;
  const path = local.slice(0, colon);
  const message = local.slice(colon + 2);
  const subject = subjectOf(path);
  if (!subject) return fallback;
  for (const [pattern, predicate] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) {
      const [key, values] = predicate(m, subject.key);
      return { words: t(key, { ...values, subject: subject.subject }), technical: problem };
    }
  }
  return fallback;
}
