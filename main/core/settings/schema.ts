import { z } from 'zod';
import { ALERT_SOUNDS, ANY_OTHER_KIND, type AlertSound } from '../../../common/alertSounds.js';
import { LANGUAGE_CODES } from '../../../common/i18n/languages.js';
import { DEFAULT_ALLOWED_HOSTS, isValidHostPattern } from '../links/linkPolicy.js';
import { isMqttTopicFilter } from '../sources/mqtt/topicFilter.js';
import { privmxChannelSchema, privmxRuleSchema } from '../sources/privmx/ruleSchema.js';

export const SETTINGS_VERSION = 2;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

/** Loopback only: http: there never leaves the machine (tests, the demo, a local tunnel). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function httpsOrLoopback(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol !== 'http:' || isLoopbackHost(u.hostname);
  } catch {
    return true; // the URL check itself reports it
  }
}

/** A URL that carries a secret: https, or http: to this machine only. */
const secretUrl = (what: string) =>
  httpUrl.refine(httpsOrLoopback, `must be an https URL (http: only to this machine: localhost, 127.x.x.x or ::1); http would send ${what} in clear`);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number like +48500100200');

export const vonageSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** The restaurant backend that mints client JWTs: POST {backendUrl}/jwt. */
  backendUrl: secretUrl('the staff token').optional(),
  username: z.string().min(1).max(200).optional(),
  /** Custom event types without the `custom:` prefix. */
  eventTypes: z.array(z.string().regex(/^[A-Za-z0-9_.:-]+$/)).min(1).default(['support_request']),
  sdk: z
    .strictObject({
      /** socket.io origin (no path): the SDK's `url`. */
      url: secretUrl('the client JWT').optional(),
      /** REST base: the SDK's `nexmo_api_url`. */
      apiUrl: secretUrl('the client JWT').optional(),
    })
    .default({}),
});

export const privmxSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Base URL of the Bridge; the client uses {bridgeUrl}/api over HTTP and its ws(s) twin. */
  bridgeUrl: secretUrl('the API key secret').optional(),
  apiKeyId: z.string().min(1).optional(),
  channels: z.array(privmxChannelSchema).min(1).default(['thread', 'store', 'inbox']),
  rules: z.array(privmxRuleSchema).default([]),
  /** Which solution's events to receive: `*` (all the key may see) or one solution id. Asked for as `solution:<value>`. */
  solution: z.string().min(1).max(128).default('*'),
});

/** No user name or password inside a URL: the user name has its own field, the secret lives in the keychain. */
function withoutUserInfo(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
const noUserInfo = 'must not contain a user name or password (use the username field and the keychain)';

export const mqttSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Broker URL: mqtt:, mqtts:, ws: or wss:. */
  url: z.url({ protocol: /^(mqtts?|wss?)$/, error: 'must be an mqtt:, mqtts:, ws: or wss: URL' }).refine(withoutUserInfo, noUserInfo).optional(),
  /** Topic filter to subscribe to (QoS 1); + and # wildcards allowed where MQTT allows them. */
  topic: z.string().min(1).max(512).refine(isMqttTopicFilter, 'must be an MQTT topic filter (+ for one level, # only at the end)').optional(),
  /** Optional: a broker on a private network may allow anonymous clients. The password is the secret `mqtt.password`. */
  username: z.string().min(1).max(256).optional(),
  /** Stable per PC, so the broker keeps this PC's session; default `servicebell-<restaurant>-<host>`. */
  clientId: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'must be 1–128 letters, digits or . _ -').optional(),
  /** 4 (MQTT 3.1.1, what NATS's listener speaks) or 5. */
  protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
  /** PEM file of a private CA for mqtts:/wss:. */
  ca: z.string().min(1).max(4096).optional(),
});

export const ntfySettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** The ntfy server, e.g. https://ntfy.example.com (a path prefix is kept). */
  baseUrl: httpUrl.refine(withoutUserInfo, noUserInfo).optional(),
  /** One or more topic names; each is subscribed on its own stream with its own `since` cursor. */
  topics: z.array(z.string().regex(/^[-_A-Za-z0-9]{1,64}$/, 'must be an ntfy topic name (1–64 letters, digits, - or _)')).max(20).default([]),
  /** With a user name the secret `ntfy.token` is that user's password (Basic auth); without one it is an access token (tk_…). */
  username: z.string().min(1).max(256).optional(),
});

export const smsSettingsSchema = z.strictObject({
  to: z.array(e164).default([]),
  from: z.string().min(1).max(11).optional(),
  apiUrl: secretUrl('the SMSAPI token').optional(),
  maxPerHour: z.number().int().min(1).max(1000).default(20),
});

export const linksSettingsSchema = z.strictObject({
  allowedHosts: z
    .array(z.string().toLowerCase().refine(isValidHostPattern, 'must be a host name or *.domain pattern'))
    .default([...DEFAULT_ALLOWED_HOSTS]),
});

/** What a notification of one alert kind sounds like: nothing, the bell shipped with the app, or the system's own sound. */
export const alertSoundSchema = z.enum(ALERT_SOUNDS);
export type { AlertSound };
/**
 * Kinds not listed sound as `"*"` (ANY_OTHER_KIND) says, else are silent; support requests ring with the bundled bell
 * unless listed themselves.
 */
export const DEFAULT_SOUNDS: Readonly<Record<string, AlertSound>> = { support_request: 'bundled' };

export const supportRemindersSchema = z.strictObject({
  /** An unanswered support request is shown again this long after it arrived, and after each reminder. */
  afterSeconds: z.number().int().min(30).max(3600).default(120),
  /** At most this many reminders per request; 0 turns reminders off. */
  times: z.number().int().min(0).max(10).default(3),
});

export const notificationSettingsSchema = z.strictObject({
  burst: z
    .strictObject({
      count: z.number().int().min(1).max(100).default(3),
      windowSeconds: z.number().min(1).max(3600).default(10),
    })
    .default({ count: 3, windowSeconds: 10 }),
  /** Support requests within the burst window shown one by one (their own lane; never fewer than `burst.count`). */
  supportBurstLimit: z.number().int().min(1).max(100).default(10),
  quietHours: z
    .strictObject({
      enabled: z.boolean().default(false),
      start: hhmm.default('23:00'),
      end: hhmm.default('07:00'),
    })
    .default({ enabled: false, start: '23:00', end: '07:00' }),
  historyLimit: z.number().int().min(10).max(100_000).default(1000),
  /** By alert kind (`support_request`, `order`, …); `"*"`: every kind not listed (support requests excepted). */
  sounds: z.record(z.string().min(1).max(128), alertSoundSchema).default({ ...DEFAULT_SOUNDS }),
  supportReminders: supportRemindersSchema.default({ afterSeconds: 120, times: 3 }),
});

export const uiSettingsSchema = z.strictObject({
  launchAtLogin: z.boolean().default(false),
  /** The language Servicebell speaks: "auto" follows the system (the desktop's languages, or the POSIX locale headless). */
  language: z.union([z.literal('auto'), z.enum(LANGUAGE_CODES)]).default('auto'),
});

export const updatesSettingsSchema = z.strictObject({
  /** An administrator sets `false` to stop all update checks, downloads and installs (the fleet updates by other means). */
  enabled: z.boolean().default(true),
  /** Generic-provider feed: the folder holding `latest.yml`. https only, so no one on the path can offer a build. Absent: the URL built into the app. */
  feedUrl: httpsUrl.optional(),
  allowPrerelease: z.boolean().default(false),
});

/** A restaurant's id: a stable slug (it names keychain accounts and cursor keys, so renaming keeps it). */
export const RESTAURANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** The id a version-1 file migrates to: it keeps today's keychain accounts, cursor keys and history ids. */
export const DEFAULT_RESTAURANT_ID = 'default';
export const DEFAULT_RESTAURANT_NAME = 'Restaurant';

export const restaurantSchema = z.strictObject({
  id: z.string().regex(RESTAURANT_ID, 'must be a slug: lower-case letters, digits and - (1–64, e.g. "bistro-mokotow")'),
  /** What people see (notification titles, tray, history). */
  name: z.string().trim().min(1, 'must not be empty').max(100),
  /** Alerts of a muted restaurant go to history (reason `muted`), not to the screen; SMS rules still send. */
  muted: z.boolean().default(false),
  vonage: vonageSettingsSchema.default({ enabled: false, eventTypes: ['support_request'], sdk: {} }),
  privmx: privmxSettingsSchema.default({ enabled: false, channels: ['thread', 'store', 'inbox'], rules: [], solution: '*' }),
  mqtt: mqttSettingsSchema.default({ enabled: false, protocolVersion: 4 }),
  ntfy: ntfySettingsSchema.default({ enabled: false, topics: [] }),
  sms: smsSettingsSchema.default({ to: [], maxPerHour: 20 }),
  links: linksSettingsSchema.default({ allowedHosts: [...DEFAULT_ALLOWED_HOSTS] }),
});

const restaurantListSchema = z
  .array(restaurantSchema)
  .min(1, 'must list at least one restaurant')
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((r, i) => {
      const first = seen.get(r.id);
      if (first === undefined) seen.set(r.id, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${r.id}" (also restaurants[${first}])` });
    });
  });

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  restaurants: restaurantListSchema.default(() => [restaurantDefaults()]),
  notifications: notificationSettingsSchema.default({
    burst: { count: 3, windowSeconds: 10 },
    supportBurstLimit: 10,
    quietHours: { enabled: false, start: '23:00', end: '07:00' },
    historyLimit: 1000,
    sounds: { ...DEFAULT_SOUNDS },
    supportReminders: { afterSeconds: 120, times: 3 },
  }),
  ui: uiSettingsSchema.default({ launchAtLogin: false, language: 'auto' }),
  updates: updatesSettingsSchema.default({ enabled: true, allowPrerelease: false }),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type RestaurantSettings = z.output<typeof restaurantSchema>;
export type RestaurantInput = z.input<typeof restaurantSchema>;
export type VonageSettings = RestaurantSettings['vonage'];
export type PrivmxSettings = RestaurantSettings['privmx'];
export type MqttSettings = RestaurantSettings['mqtt'];
export type NtfySettings = RestaurantSettings['ntfy'];
export type SmsSettings = RestaurantSettings['sms'];
export type LinksSettings = RestaurantSettings['links'];
export type NotificationSettings = Settings['notifications'];
export type UpdatesSettings = Settings['updates'];

/** The sound of an alert kind under these settings. */
export function soundFor(notifications: Pick<NotificationSettings, 'sounds'>, kind: string): AlertSound {
  return notifications.sounds[kind] ?? DEFAULT_SOUNDS[kind] ?? notifications.sounds[ANY_OTHER_KIND] ?? 'off';
}

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** A restaurant with every connection off (for a new entry, and for tests). */
export function restaurantDefaults(id: string = DEFAULT_RESTAURANT_ID, name: string = DEFAULT_RESTAURANT_NAME): RestaurantSettings {
  return restaurantSchema.parse({ id, name });
}
