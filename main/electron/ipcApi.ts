// What each IPC channel does, on the real core. Electron-free, so the Chromium page tests drive the very same code.
import type { Handlers, HistoryItem, SecretStatus } from '../../preload/contract.js';
import type { ServicebellCore } from '../core/app/servicebellCore.js';
import { runChecks, type ConnectionProbe } from '../core/check/connectionCheck.js';
import { formatWarning, settingsWarnings } from '../core/settings/settingsWarnings.js';
import { checkLink } from '../core/links/linkPolicy.js';
import type { HistoryEntry } from '../core/alerts/history.js';
import { SECRET_NAMES, type SecretName } from '../core/secrets/secretNames.js';
import type { SecretResolver } from '../core/secrets/secretResolver.js';
import { parseSettings } from '../core/settings/settingsFile.js';
import type { Settings } from '../core/settings/schema.js';
import { safeErrorMessage } from '../core/log/redact.js';

export interface IpcApiDeps {
  core: ServicebellCore;
  secrets: SecretResolver;
  saveSettings(settings: Settings): Promise<void>;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  probes: readonly ConnectionProbe[];
  /** Shown once in the settings window, e.g. "config.json was unreadable and was moved aside". */
  notice?: string;
  now?: () => number;
}

export function createIpcApi(deps: IpcApiDeps): Handlers {
  const now = deps.now ?? Date.now;
  const { core, secrets } = deps;
  const secretStatus = async (): Promise<SecretStatus> => {
    const entries = await Promise.all(SECRET_NAMES.map(async (name) => [name, (await secrets.locate(name)).location] as const));
    return Object.fromEntries(entries) as SecretStatus;
  };
  const toItem = (e: HistoryEntry): HistoryItem => ({
    source: e.alert.source,
    id: e.alert.id,
    kind: e.alert.kind,
    title: e.alert.title,
    body: e.alert.body,
    receivedAt: e.alert.receivedAt,
    read: e.read,
    shown: e.shown,
    reason: e.reason,
    canJoin: checkLink(e.alert.link, core.settings.links.allowedHosts).allowed,
  });

  return {
    'settings:get': async () => ({
      settings: core.settings,
      secrets: await secretStatus(),
      keychainUsable: secrets.keychainUsable,
      keychainProblem: secrets.keychainProblem,
      notice: deps.notice,
    }),
    'settings:save': async ({ settings: raw, secrets: typed }) => {
      const parsed = parseSettings(raw);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      const changed: SecretName[] = [];
      try {
        for (const [name, value] of Object.entries(typed) as Array<[SecretName, string | undefined]>) {
          if (value === undefined) continue;
          await secrets.set(name, value);
          changed.push(name);
        }
      } catch (err) {
        return { ok: false, problems: [`secrets: could not store in the OS keychain (${safeErrorMessage(err)})`] };
      }
      const previous = core.settings;
      await deps.saveSettings(parsed.settings);
      if (previous.ui.launchAtLogin !== parsed.settings.ui.launchAtLogin) await deps.setLaunchAtLogin(parsed.settings.ui.launchAtLogin);
      await core.applySettings(parsed.settings, changed);
      return { ok: true, secrets: await secretStatus(), warnings: settingsWarnings(parsed.settings).map(formatWarning) };
    },
    'secrets:status': secretStatus,
    'secrets:delete': async ({ name }) => {
      await secrets.delete(name);
      await core.applySettings(core.settings, [name]);
      return secretStatus();
    },
    'notify:test': async () => {
      const at = now();
      const result = await core.pipeline.ingest({
        id: `test-${at}`,
        source: 'servicebell',
        kind: 'test',
        title: 'Servicebell test notification',
        body: 'If you can read this, notifications work.',
        receivedAt: at,
      });
      if (result.status !== 'accepted') return { shown: false, reason: result.status };
      return { shown: result.outcome.shown, reason: result.outcome.reason };
    },
    'check:run': async () => {
      return runChecks(core.settings, (name) => secrets.locate(name), deps.probes, { keychainProblem: secrets.keychainProblem });
    },
    'history:list': async () => ({ items: core.history.list().map(toItem), unread: core.history.unreadCount() }),
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
    'history:join': async ({ source, id }) => ({ opened: await core.pipeline.join(source, id) }),
  };
}
