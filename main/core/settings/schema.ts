import { z } from 'zod';
import { DEFAULT_ALLOWED_HOSTS, isValidHostPattern } from '../links/linkPolicy.js';
import { privmxChannelSchema, privmxRuleSchema } from '../sources/privmx/ruleSchema.js';

export const SETTINGS_VERSION = 1;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number like +48500100200');

export const vonageSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** The restaurant backend that mints client JWTs: POST {backendUrl}/jwt. */
  backendUrl: httpUrl.optional(),
  username: z.string().min(1).max(200).optional(),
  /** Custom event types without the `custom:` prefix. */
  eventTypes: z.array(z.string().regex(/^[A-Za-z0-9_.:-]+$/)).min(1).default(['support_request']),
  sdk: z
    .strictObject({
      /** socket.io origin (no path): the SDK's `url`. */
      url: httpUrl.optional(),
      /** REST base: the SDK's `nexmo_api_url`. */
      apiUrl: httpUrl.optional(),
    })
    .default({}),
});

export const privmxSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Base URL of the Bridge; the client uses {bridgeUrl}/api over HTTP and its ws(s) twin. */
  bridgeUrl: httpUrl.optional(),
  apiKeyId: z.string().min(1).optional(),
  channels: z.array(privmxChannelSchema).min(1).default(['thread', 'store', 'inbox']),
  rules: z.array(privmxRuleSchema).default([]),
  /** Which solution's events to receive: `*` (all the key may see) or one solution id. Asked for as `solution:<value>`. */
  solution: z.string().min(1).max(128).default('*'),
});

export const smsSettingsSchema = z.strictObject({
  to: z.array(e164).default([]),
  from: z.string().min(1).max(11).optional(),
  apiUrl: httpUrl.optional(),
  maxPerHour: z.number().int().min(1).max(1000).default(20),
});

export const linksSettingsSchema = z.strictObject({
  allowedHosts: z
    .array(z.string().toLowerCase().refine(isValidHostPattern, 'must be a host name or *.domain pattern'))
    .default([...DEFAULT_ALLOWED_HOSTS]),
});

export const notificationSettingsSchema = z.strictObject({
  burst: z
    .strictObject({
      count: z.number().int().min(1).max(100).default(3),
      windowSeconds: z.number().min(1).max(3600).default(10),
    })
    .default({ count: 3, windowSeconds: 10 }),
  quietHours: z
    .strictObject({
      enabled: z.boolean().default(false),
      start: hhmm.default('23:00'),
      end: hhmm.default('07:00'),
    })
    .default({ enabled: false, start: '23:00', end: '07:00' }),
  historyLimit: z.number().int().min(10).max(100_000).default(1000),
});

export const uiSettingsSchema = z.strictObject({
  launchAtLogin: z.boolean().default(false),
});

export const updatesSettingsSchema = z.strictObject({
  /** An administrator sets `false` to stop all update checks, downloads and installs (the fleet updates by other means). */
  enabled: z.boolean().default(true),
  /** Generic-provider feed: the folder holding `latest.yml`. https only, so no one on the path can offer a build. Absent: the URL built into the app. */
  feedUrl: httpsUrl.optional(),
  allowPrerelease: z.boolean().default(false),
});

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  vonage: vonageSettingsSchema.default({ enabled: false, eventTypes: ['support_request'], sdk: {} }),
  privmx: privmxSettingsSchema.default({ enabled: false, channels: ['thread', 'store', 'inbox'], rules: [], solution: '*' }),
  sms: smsSettingsSchema.default({ to: [], maxPerHour: 20 }),
  links: linksSettingsSchema.default({ allowedHosts: [...DEFAULT_ALLOWED_HOSTS] }),
  notifications: notificationSettingsSchema.default({
    burst: { count: 3, windowSeconds: 10 },
    quietHours: { enabled: false, start: '23:00', end: '07:00' },
    historyLimit: 1000,
  }),
  ui: uiSettingsSchema.default({ launchAtLogin: false }),
  updates: updatesSettingsSchema.default({ enabled: true, allowPrerelease: false }),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type VonageSettings = Settings['vonage'];
export type PrivmxSettings = Settings['privmx'];
export type SmsSettings = Settings['sms'];
export type NotificationSettings = Settings['notifications'];
export type UpdatesSettings = Settings['updates'];

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
