// The core's settings problems ("restaurants[0] ("Bistro").vonage.backendUrl: must be an http(s) URL") in words a
// manager understands ("The Vonage backend address must start with https://"). The technical text stays available
// (a tooltip, for IT). Pure: no DOM and no core import; a problem it does not know is shown as the core words it.
import { splitProblem } from './restaurantDrafts.js';

export interface ProblemWords {
  /** What to show a person. */
  words: string;
  /** The core's own line, path included: for IT. */
  technical: string;
}

/** What each setting is called, by path with list positions written `[]`. */
const SUBJECTS: Record<string, string> = {
  name: 'The restaurant name',
  id: 'The restaurant id',
  'vonage.backendUrl': 'The Vonage backend address',
  'vonage.username': 'The Vonage user name',
  'vonage.eventTypes': 'The list of Vonage event types',
  'vonage.eventTypes[]': 'Vonage event type #',
  'vonage.sdk.url': 'The Vonage socket address',
  'vonage.sdk.apiUrl': 'The Vonage REST API address',
  'privmx.bridgeUrl': 'The PrivMX Bridge address',
  'privmx.apiKeyId': 'The PrivMX API key id',
  'privmx.solution': 'The PrivMX solution',
  'privmx.channels': 'The list of PrivMX channels',
  'mqtt.url': 'The MQTT broker address',
  'mqtt.topic': 'The MQTT topic',
  'mqtt.username': 'The MQTT user name',
  'mqtt.clientId': 'The MQTT client id',
  'ntfy.baseUrl': 'The ntfy server address',
  'ntfy.topics[]': 'ntfy topic #',
  'ntfy.username': 'The ntfy user name',
  'sms.to[]': 'Phone number #',
  'sms.from': 'The SMS sender name',
  'sms.apiUrl': 'The SMSAPI address',
  'sms.maxPerHour': 'The number of SMS per hour',
  'links.allowedHosts[]': '"Join Meeting" host #',
  'notifications.quietHours.start': 'The start of quiet hours',
  'notifications.quietHours.end': 'The end of quiet hours',
  'notifications.supportReminders.afterSeconds': 'The time between reminders',
  'notifications.supportReminders.times': 'The number of reminders',
  'notifications.supportBurstLimit': 'The number of support requests shown one by one',
  'notifications.sounds.support_request': 'The sound for support requests',
  'notifications.sounds': 'The sound settings',
  'updates.feedUrl': 'The update feed address',
  restaurants: 'The list of restaurants',
};

/** Addresses that carry a password or token: https, or http only to this computer. */
const SECRET_URLS = new Set(['vonage.backendUrl', 'vonage.sdk.url', 'vonage.sdk.apiUrl', 'privmx.bridgeUrl', 'sms.apiUrl']);
const HTTPS_ONLY = 'must start with https:// (http:// only for an address on this computer)';

/** Settings held in seconds but shown in minutes: their limits are said in minutes too. */
const IN_MINUTES = new Set(['notifications.supportReminders.afterSeconds']);
const amount = (text: string | undefined, path: string): string => {
  const n = Number(text);
  if (!IN_MINUTES.has(path)) return String(n);
  return n % 60 === 0 ? `${n / 60} minute${n === 60 ? '' : 's'}` : `${n / 60} minutes (${n} seconds)`;
};

type Predicate = (m: RegExpExecArray, path: string) => string;
/** The core's messages (schema.ts, zod's own) and what they mean, as the end of a sentence about the setting. */
const MESSAGES: ReadonlyArray<[RegExp, Predicate]> = [
  [/^must be an https URL \(http: only to this machine/, () => HTTPS_ONLY],
  [/^must be an http\(s\) URL$/, (_m, path) => (SECRET_URLS.has(path) ? HTTPS_ONLY : 'must be a web address starting with https://')],
  [/^must be an https URL$/, () => 'must start with https://'],
  [/^must be an mqtt:, mqtts:, ws: or wss: URL$/, () => 'must start with mqtts:// or wss:// (mqtt:// or ws:// only on a trusted network)'],
  [/^must be an E\.164 phone number/, () => 'must start with + and the country code, then digits only, like +48500100200'],
  [/^must be HH:MM/, () => 'must be a time like 07:30 (24-hour clock)'],
  [/^must be a host name or \*\.domain pattern$/, () => 'must be a host name like meet.example.com, or *.example.com for all its subdomains'],
  [/^must be a slug/, () => 'may hold only lower-case letters, digits and - (like bistro-mokotow)'],
  [/^must not contain a user name or password/, () => 'must not contain a user name or password: the user name has its own field, the password its own secret field'],
  [/^must be an MQTT topic filter/, () => 'must be an MQTT topic, with + for one level and # only at the end'],
  [/^must be an ntfy topic name/, () => 'may hold only 1–64 letters, digits, - or _'],
  [/^must be 1–128 letters, digits or \. _ -$/, () => 'may hold only 1–128 letters, digits, ., _ or -'],
  [/^duplicate id "[^"]*" \(also restaurants\[(\d+)\]\)$/, (m) => `is already used by restaurant ${Number(m[1]) + 1}: each restaurant needs its own`],
  [/^must not be empty$|^Too small: expected string to have >=1 characters?$/, () => 'must not be empty'],
  [/^must list at least one restaurant$/, () => 'must hold at least one restaurant'],
  [/^Too small: expected array to have >=1 items?$/, () => 'needs at least one entry'],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => `may be at most ${m[1]} characters long`],
  [/^Too small: expected number to be >=(\d+)$/, (m, path) => `must be at least ${amount(m[1], path)}`],
  [/^Too big: expected number to be <=(\d+)$/, (m, path) => `must be at most ${amount(m[1], path)}`],
  [/^Invalid input: expected number/, () => 'must be a number'],
  [/^Invalid input: expected int/, () => 'must be a whole number'],
  [/^Invalid option: expected one of/, (_m, path) => (path.startsWith('notifications.sounds') ? 'must be Off, Servicebell bell or System sound' : 'is not one of the choices')],
  [/^Invalid string: must match pattern/, () => 'holds characters that are not allowed'],
  [/^unknown key "([^"]*)"$/, (m) => `holds a setting this version of Servicebell does not know ("${m[1]}"); ask IT`],
];

/** `sms.to[1]` → the subject "Phone number 2"; undefined when the setting has no name here. */
function subjectOf(path: string): { key: string; subject: string } | undefined {
  const last = /\[(\d+)\]$/.exec(path);
  const key = path.replace(/\[\d+\]/g, '[]');
  const subject = SUBJECTS[key];
  if (subject === undefined) return undefined;
  return { key: key.replace(/\[\]$/, ''), subject: subject.replace('#', last ? String(Number(last[1]) + 1) : '') };
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
    if (m) return { words: `${subject.subject} ${predicate(m, subject.key)}`, technical: problem };
  }
  return fallback;
}
