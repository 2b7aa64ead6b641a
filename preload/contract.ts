// The one IPC contract between the windows and the main process. Main validates every request with these schemas;
// the preload and the renderer use the types. A channel missing from `contract` is a compile error (see `satisfies`).
import { z } from 'zod';
import { LANGUAGE_CODES } from '../common/i18n/languages.js';

export const Channels = {
  settingsGet: 'settings:get',
  settingsSave: 'settings:save',
  secretsStatus: 'secrets:status',
  secretDelete: 'secrets:delete',
  notifyTest: 'notify:test',
  checkRun: 'check:run',
  diagnosticsCopy: 'diagnostics:copy',
  diagnosticsSave: 'diagnostics:save',
  historyList: 'history:list',
  historySetRead: 'history:set-read',
  historyMarkAllRead: 'history:mark-all-read',
  historyClear: 'history:clear',
  historyJoin: 'history:join',
  historyDismiss: 'history:dismiss',
  historyTakeFilter: 'history:take-filter',
  uiLanguage: 'ui:language',
  statusList: 'status:list',
} as const;
export type Channel = (typeof Channels)[keyof typeof Channels];

/** Main → window pushes. */
export const Events = {
  historyChanged: 'history:changed',
  historyFilter: 'history:filter',
  languageChanged: 'language:changed',
} as const;
export type EventChannel = (typeof Events)[keyof typeof Events];

export const secretNameSchema = z.enum(['vonage.backendToken', 'privmx.apiKeySecret', 'smsapi.token', 'mqtt.password', 'ntfy.token']);
export const secretLocationSchema = z.enum(['environment', 'keychain', 'encrypted store', 'memory', 'missing']);
/** Where each secret lives; values are never sent to a window. */
const secretStatusSchema = z.record(secretNameSchema, secretLocationSchema);
/** A restaurant's settings id (the core's schema checks the slug form when settings are saved). */
const restaurantIdSchema = z.string().min(1).max(64);
/** Per restaurant id: where each of its secrets lives. */
const restaurantSecretStatusSchema = z.record(restaurantIdSchema, secretStatusSchema);
const typedSecretsSchema = z.partialRecord(secretNameSchema, z.string().min(1).max(4096));
const none = z.strictObject({});
const languageSchema = z.enum(LANGUAGE_CODES);
/** An alert in history: restaurant + source + id (restaurant absent: `default`, the one restaurant of a version-1 install). */
const alertKeySchema = z.strictObject({
  restaurant: restaurantIdSchema.default('default'),
  source: z.string().min(1).max(64),
  id: z.string().min(1).max(512),
});

/** One connection of one restaurant, as the tray shows it. */
const connectionStatusSchema = z.strictObject({
  restaurant: z.string(),
  /** The restaurant's name now (its id when it is no longer configured). */
  restaurantName: z.string(),
  source: z.string(),
  state: z.enum(['connecting', 'connected', 'reconnecting', 'auth_failed', 'offline', 'disabled']),
  detail: z.string().optional(),
  at: z.number(),
});

/** A restaurant as a window lists it: its settings id and the name people see. */
const restaurantRefSchema = z.strictObject({ id: z.string(), name: z.string() });

const historyItemSchema = z.strictObject({
  /** The restaurant's settings id. */
  restaurant: z.string(),
  /** Its name now, for the restaurant column (its id when it is no longer configured). */
  restaurantName: z.string(),
  source: z.string(),
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  receivedAt: z.number(),
  read: z.boolean(),
  shown: z.boolean(),
  reason: z.string().optional(),
  /** True when the link passes the link policy now; the URL itself stays in main. */
  canJoin: z.boolean(),
  /** Someone joined the meeting or dismissed the alert; an unhandled support request keeps being re-notified. */
  handled: z.boolean(),
});

/**
 * What History shows when a window is opened for a purpose (a click on a summary notification: the alerts it
 * held). Every field narrows; `label` says in words what is shown ("8 alerts from 19:02").
 */
export const historyFilterSchema = z.strictObject({
  keys: z.array(alertKeySchema).max(1000).optional(),
  restaurant: restaurantIdSchema.optional(),
  kind: z.string().min(1).max(64).optional(),
  unread: z.boolean().optional(),
  text: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
});

export const contract = {
  [Channels.settingsGet]: {
    request: none,
    // The settings are validated by the core's schema when saved; here they travel as a plain JSON object.
    response: z.strictObject({
      settings: z.record(z.string(), z.unknown()),
      /** The first restaurant's secrets (what the single-restaurant page shows); every restaurant's in `restaurantSecrets`. */
      secrets: secretStatusSchema,
      restaurantSecrets: restaurantSecretStatusSchema,
      /** What a restaurant added in the window starts from: the schema's defaults, every connection off. */
      newRestaurant: z.record(z.string(), z.unknown()),
      keychainUsable: z.boolean(),
      keychainProblem: z.string().optional(),
      /** Set while notifications fail (macOS/Windows not permitting them); what to change and where. */
      notificationProblem: z.string().optional(),
      notice: z.string().optional(),
    }),
  },
  [Channels.settingsSave]: {
    request: z.strictObject({
      settings: z.record(z.string(), z.unknown()),
      /** Only secrets the person typed, for the first restaurant; each goes straight to the keychain and is never read back. */
      secrets: typedSecretsSchema.default({}),
      /** Typed secrets per restaurant id (a restaurant the saved settings do not list is refused). */
      restaurantSecrets: z.record(restaurantIdSchema, typedSecretsSchema).default({}),
    }),
    response: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), secrets: secretStatusSchema, restaurantSecrets: restaurantSecretStatusSchema, warnings: z.array(z.string()).default([]) }),
      z.strictObject({ ok: z.literal(false), problems: z.array(z.string()) }),
    ]),
  },
  /** Every restaurant's secret locations. */
  [Channels.secretsStatus]: { request: none, response: restaurantSecretStatusSchema },
  /** Deletes one restaurant's secret (absent: the first restaurant's); answers with that restaurant's locations. */
  [Channels.secretDelete]: { request: z.strictObject({ name: secretNameSchema, restaurant: restaurantIdSchema.optional() }), response: secretStatusSchema },
  [Channels.notifyTest]: {
    request: none,
    response: z.strictObject({ shown: z.boolean(), reason: z.string().optional() }),
  },
  [Channels.checkRun]: {
    request: none,
    response: z.array(z.strictObject({ name: z.string(), ok: z.boolean(), detail: z.string(), warning: z.boolean().optional(), restaurant: z.string().optional() })),
  },
  [Channels.diagnosticsCopy]: { request: none, response: z.strictObject({ copied: z.literal(true) }) },
  [Channels.diagnosticsSave]: { request: none, response: z.strictObject({ saved: z.boolean(), path: z.string().optional() }) },
  [Channels.historyList]: {
    request: none,
    response: z.strictObject({
      items: z.array(historyItemSchema),
      unread: z.number().int(),
      /** The configured restaurants in settings order, for the window's filter (entries may also name removed ones). */
      restaurants: z.array(restaurantRefSchema),
    }),
  },
  [Channels.historySetRead]: {
    request: z.strictObject({ keys: z.array(alertKeySchema).min(1).max(1000), read: z.boolean() }),
    response: none,
  },
  [Channels.historyMarkAllRead]: { request: none, response: none },
  [Channels.historyClear]: { request: none, response: none },
  [Channels.historyJoin]: { request: alertKeySchema, response: z.strictObject({ opened: z.boolean() }) },
  /** Dismissed by a person: handled (no more reminders) and read. */
  [Channels.historyDismiss]: { request: z.strictObject({ keys: z.array(alertKeySchema).min(1).max(1000) }), response: none },
  /** The filter History was opened with, once (null: none waiting); later ones arrive as `history:filter` events. */
  [Channels.historyTakeFilter]: { request: none, response: historyFilterSchema.nullable() },
  /** The language the windows speak now (`ui.language` resolved); changes arrive as `language:changed`. */
  [Channels.uiLanguage]: { request: none, response: z.strictObject({ language: languageSchema }) },
  /** One line per restaurant and connection, in settings order. */
  [Channels.statusList]: { request: none, response: z.array(connectionStatusSchema) },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  [Events.historyChanged]: z.strictObject({ unread: z.number().int() }),
  [Events.historyFilter]: historyFilterSchema,
  [Events.languageChanged]: z.strictObject({ language: languageSchema }),
} as const satisfies Record<EventChannel, z.ZodType>;

export type Request<C extends Channel> = z.input<(typeof contract)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof contract)[C]['response']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;
export type HistoryItem = z.output<typeof historyItemSchema>;
export type HistoryFilter = z.output<typeof historyFilterSchema>;
export type RestaurantRef = z.output<typeof restaurantRefSchema>;
export type SecretStatus = z.output<typeof secretStatusSchema>;
export type RestaurantSecretStatus = z.output<typeof restaurantSecretStatusSchema>;
export type ConnectionStatus = z.output<typeof connectionStatusSchema>;
export type SecretNameValue = z.output<typeof secretNameSchema>;

/** What main implements for each channel. */
export type Handlers = { [C in Channel]: (request: ParsedRequest<C>) => Promise<Response<C>> };

/** The named API the preload exposes as `window.servicebell` (never ipcRenderer or a pass-through). */
export interface ServicebellApi {
  getSettings(): Promise<Response<'settings:get'>>;
  saveSettings(request: Request<'settings:save'>): Promise<Response<'settings:save'>>;
  secretsStatus(): Promise<Response<'secrets:status'>>;
  deleteSecret(name: SecretNameValue, restaurant?: string): Promise<Response<'secrets:delete'>>;
  sendTestNotification(): Promise<Response<'notify:test'>>;
  checkConnections(): Promise<Response<'check:run'>>;
  copyDiagnostics(): Promise<Response<'diagnostics:copy'>>;
  saveDiagnostics(): Promise<Response<'diagnostics:save'>>;
  listHistory(): Promise<Response<'history:list'>>;
  setRead(keys: Request<'history:set-read'>['keys'], read: boolean): Promise<void>;
  markAllRead(): Promise<void>;
  clearHistory(): Promise<void>;
  join(source: string, id: string, restaurant?: string): Promise<boolean>;
  dismiss(keys: Request<'history:dismiss'>['keys']): Promise<void>;
  takeHistoryFilter(): Promise<Response<'history:take-filter'>>;
  language(): Promise<Response<'ui:language'>>;
  statusList(): Promise<Response<'status:list'>>;
  /** Returns the unsubscribe function. */
  onHistoryChanged(listener: (payload: EventPayload<'history:changed'>) => void): () => void;
  /** History asked to show a filter while open (a summary notification clicked). Returns the unsubscribe function. */
  onHistoryFilter(listener: (payload: EventPayload<'history:filter'>) => void): () => void;
  /** The language changed (Settings saved with another `ui.language`). Returns the unsubscribe function. */
  onLanguageChanged(listener: (payload: EventPayload<'language:changed'>) => void): () => void;
}
