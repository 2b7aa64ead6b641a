// What each IPC channel does, on the real core. Electron-free, so the Chromium page tests drive the very same code.
import type { Handlers, HistoryFilter, HistoryItem, RestaurantSecretStatus, SecretStatus } from '../../preload/contract.js';
import type { ServicebellCore } from '../core/app/servicebellCore.js';
import { runChecks, type ConnectionProbe } from '../core/check/connectionCheck.js';
import { formatWarning, settingsWarnings } from '../core/settings/settingsWarnings.js';
import type { DiagnosticsActions } from './diagnosticsActions.js';
import { checkLink } from '../core/links/linkPolicy.js';
import type { HistoryEntry } from '../core/alerts/history.js';
import { SECRET_NAMES, type SecretName, type SecretRef } from '../core/secrets/secretNames.js';
import type { SecretResolver } from '../core/secrets/secretResolver.js';
import { parseSettings } from '../core/settings/settingsFile.js';
import { DEFAULT_RESTAURANT_ID, restaurantDefaults, type Settings } from '../core/settings/schema.js';
import { safeErrorMessage } from '../core/log/redact.js';

export interface IpcApiDeps {
  core: ServicebellCore;
  secrets: SecretResolver;
  saveSettings(settings: Settings): Promise<void>;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  probes: readonly ConnectionProbe[];
  /** "Copy diagnostics" / "Save diagnostics…" (the tray menu uses the same actions). */
  diagnostics: DiagnosticsActions;
  /** Shown once in the settings window, e.g. "config.json was unreadable and was moved aside". */
  notice?: string;
  /** Why notifications are failing (macOS/Windows not permitting them), while they are. */
  notificationProblem?(): string | undefined;
  now?: () => number;
  /** The filter History was opened with (a summary notification clicked), handed over once. */
  takeHistoryFilter?(): HistoryFilter | null;
}

type TypedSecrets = Partial<Record<SecretName, string>>;

export function createIpcApi(deps: IpcApiDeps): Handlers {
  const now = deps.now ?? Date.now;
  const { core, secrets } = deps;
  const firstId = (settings: Settings = core.settings): string => settings.restaurants[0]?.id ?? DEFAULT_RESTAURANT_ID;
  const statusOf = async (restaurant: string): Promise<SecretStatus> => {
    const entries = await Promise.all(SECRET_NAMES.map(async (name) => [name, (await secrets.locate({ restaurant, name })).location] as const));
    return Object.fromEntries(entries) as SecretStatus;
  };
  const everyStatus = async (): Promise<RestaurantSecretStatus> =>
    Object.fromEntries(await Promise.all(core.settings.restaurants.map(async (r) => [r.id, await statusOf(r.id)] as const)));
  const nameOf = (restaurant: string): string => core.restaurant(restaurant)?.name ?? restaurant;
  const toItem = (e: HistoryEntry): HistoryItem => ({
    restaurant: e.alert.restaurant,
    restaurantName: nameOf(e.alert.restaurant),
    source: e.alert.source,
    id: e.alert.id,
    kind: e.alert.kind,
    title: e.alert.title,
    body: e.alert.body,
    receivedAt: e.alert.receivedAt,
    read: e.read,
    shown: e.shown,
    reason: e.reason,
    canJoin: checkLink(e.alert.link, core.allowedHosts(e.alert.restaurant)).allowed,
    handled: e.handled !== undefined,
  });

  return {
    'settings:get': async () => ({
      settings: core.settings,
      secrets: await statusOf(firstId()),
      restaurantSecrets: await everyStatus(),
      newRestaurant: restaurantDefaults('new', 'New restaurant'),
      keychainUsable: secrets.keychainUsable,
      keychainProblem: secrets.keychainProblem,
      notificationProblem: deps.notificationProblem?.(),
      notice: deps.notice,
    }),
    'settings:save': async ({ settings: raw, secrets: typed, restaurantSecrets }) => {
      const parsed = parseSettings(raw);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      const ids = new Set(parsed.settings.restaurants.map((r) => r.id));
      const perRestaurant: Array<[string, TypedSecrets]> = [[firstId(parsed.settings), typed], ...Object.entries(restaurantSecrets)];
      const unknown = perRestaurant.filter(([id]) => !ids.has(id)).map(([id]) => id);
      if (unknown.length > 0) return { ok: false, problems: unknown.map((id) => `restaurantSecrets: no restaurant "${id}" in the settings`) };
      const changed: SecretRef[] = [];
      try {
        for (const [restaurant, values] of perRestaurant) {
          for (const [name, value] of Object.entries(values) as Array<[SecretName, string | undefined]>) {
            if (value === undefined) continue;
            await secrets.set({ restaurant, name }, value);
            changed.push({ restaurant, name });
          }
        }
      } catch (err) {
        return { ok: false, problems: [`secrets: could not store in the OS keychain (${safeErrorMessage(err)})`] };
      }
      const previous = core.settings;
      await deps.saveSettings(parsed.settings);
      if (previous.ui.launchAtLogin !== parsed.settings.ui.launchAtLogin) await deps.setLaunchAtLogin(parsed.settings.ui.launchAtLogin);
      await core.applySettings(parsed.settings, changed);
      return { ok: true, secrets: await statusOf(firstId()), restaurantSecrets: await everyStatus(), warnings: settingsWarnings(parsed.settings).map(formatWarning) };
    },
    'secrets:status': everyStatus,
    'secrets:delete': async ({ name, restaurant = firstId() }) => {
      await secrets.delete({ restaurant, name });
      await core.applySettings(core.settings, [{ restaurant, name }]);
      return statusOf(restaurant);
    },
    // Stored read: it shows in History as proof that notifications work, but is not an alert waiting for anyone.
    'notify:test': async () => {
      const at = now();
      // In the language spoken now, as stored: History keeps it as it was.
      const t = core.language.translator;
      const result = await core.pipeline.ingest({
        id: `test-${at}`,
        restaurant: firstId(),
        source: 'servicebell',
        kind: 'test',
        title: t.t('test.title'),
        body: t.t('test.body'),
        receivedAt: at,
      }, { read: true });
      if (result.status !== 'accepted') return { shown: false, reason: result.status };
      return { shown: result.outcome.shown, reason: result.outcome.reason };
    },
    'check:run': async () => {
      return runChecks(core.settings, (ref) => secrets.locate(ref), deps.probes, { keychainProblem: secrets.keychainProblem });
    },
    'diagnostics:copy': () => deps.diagnostics.copy(),
    'diagnostics:save': () => deps.diagnostics.save(),
    'history:list': async () => ({
      items: core.history.list().map(toItem),
      unread: core.history.unreadCount(),
      restaurants: core.settings.restaurants.map((r) => ({ id: r.id, name: r.name })),
    }),
    'history:set-read': async ({ keys, read }) => {
      await core.history.setRead(keys, read);
      return {};
    },
    'history:mark-all-read': async () => {
      await core.history.markAllRead();
      return {};
    },
    'history:clear': async () => {
      await core.history.clear();
      return {};
    },
    'history:join': async (key) => ({ opened: await core.pipeline.join(key) }),
    'history:dismiss': async ({ keys }) => {
      await core.history.markHandled(keys, 'dismissed');
      return {};
    },
    'history:take-filter': async () => deps.takeHistoryFilter?.() ?? null,
    'ui:language': async () => ({ language: core.language.language }),
    'status:list': async () => core.statusList().map((s) => ({ ...s, restaurantName: nameOf(s.restaurant) })),
  };
}
