// Feeds the tray from the core: status changes, history changes, and a slow tick for pauses and quiet hours ending.
import type { ServicebellCore } from '../core/app/servicebellCore.js';
import { UNMUTABLE_KINDS } from '../core/alerts/mutes.js';
import type { HistoryEntry } from '../core/alerts/history.js';
import { SUMMARY_KIND } from '../core/alerts/summaryRecord.js';
import { checkLink } from '../core/links/linkPolicy.js';
import { RECENT_LIMIT, type TrayState } from './trayMenu.js';

export interface TrayBindingDeps {
  core: ServicebellCore;
  render(state: TrayState): void;
  launchAtLogin(): boolean;
  updateReady(): boolean;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => { unref?(): void };
  clearInterval?: (handle: unknown) => void;
}

export function collectTrayState(core: ServicebellCore, extras: { launchAtLogin: boolean; updateReady: boolean; now: number }): TrayState {
  return {
    statuses: core.statusList(),
    dnd: core.dnd.state(extras.now),
    unread: core.history.unreadCount(),
    recent: recentAlerts(core.history.list())
      .map((e) => ({
        restaurant: e.alert.restaurant,
        source: e.alert.source,
        id: e.alert.id,
        title: e.alert.title,
        receivedAt: e.alert.receivedAt,
        canJoin: checkLink(e.alert.link, core.allowedHosts(e.alert.restaurant)).allowed,
      })),
    launchAtLogin: extras.launchAtLogin,
    updateReady: extras.updateReady,
    storage: core.storageProblems(),
    restaurants: core.settings.restaurants.map((r) => ({ id: r.id, name: r.name, muted: r.muted })),
    mutes: core.mutes.active(extras.now),
    muteKinds: recentKinds(core, extras.now),
    translator: core.language.translator,
  };
}

/** Kinds of the last alerts (at most MUTE_KINDS of them, newest first) that can be muted, and those muted now. */
function recentKinds(core: ServicebellCore, now: number): string[] {
  const kinds = new Set<string>();
  for (const entry of core.history.list().slice(0, 200)) {
    if (kinds.size >= MUTE_KINDS) break;
    if (!UNMUTABLE_KINDS.has(entry.alert.kind) && entry.alert.kind !== SUMMARY_KIND) kinds.add(entry.alert.kind);
  }
  for (const m of core.mutes.active(now)) if (m.scope === 'kind') kinds.add(m.id);
  return [...kinds];
}
const MUTE_KINDS = 4;

/** The newest alerts, without the summaries' own entries (they are not alerts; their click is the notification's). */
function recentAlerts(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const recent: HistoryEntry[] = [];
  for (const entry of entries) {
    if (recent.length === RECENT_LIMIT) break;
    if (entry.alert.kind !== SUMMARY_KIND) recent.push(entry);
  }
  return recent;
}

/** Renders now and on every change (coalesced to one render per tick); returns refresh and stop. */
export function bindTrayToCore(deps: TrayBindingDeps): { refresh(): void; stop(): void } {
  const now = deps.now ?? Date.now;
  let queued = false;
  const render = (): void => {
    queued = false;
    deps.render(collectTrayState(deps.core, { launchAtLogin: deps.launchAtLogin(), updateReady: deps.updateReady(), now: now() }));
  };
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(render);
  };
  const offStatus = deps.core.onStatus(schedule);
  const offHistory = deps.core.history.onChange(schedule);
  const offStorage = deps.core.onStorage(schedule);
  const offMutes = deps.core.mutes.onChange(schedule);
  // A new ui.language: the menu, tooltip and times switch at once.
  const offLanguage = deps.core.language.onChange(schedule);
  const tick = (deps.setInterval ?? setInterval)(schedule, 30_000);
  tick.unref?.();
  render();
  return {
    refresh: schedule,
    stop() {
      offStatus();
      offHistory();
      offStorage();
      offMutes();
      offLanguage();
      (deps.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout)))(tick);
    },
  };
}
