// The tray's look as pure functions of the app state, so every state's menu and icon can be tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { AlertKey } from '../core/alerts/alert.js';
import type { DndState } from '../core/alerts/doNotDisturb.js';
import type { SourceStatus } from '../core/sources/source.js';
import type { StorageProblem } from '../core/storage/storageHealth.js';
import type { Translator } from '../../common/i18n/translator.js';
import { ENGLISH } from '../core/text/english.js';
import { trayTextFor, type TrayIconText, type TrayText } from '../core/text/trayText.js';
import { SOURCE_LABELS, connectionDetail, connectionSentence, connectionTextFor } from '../core/text/connectionText.js';
import { nextMorning } from '../core/alerts/pauseUntil.js';
import type { Mute, MuteTarget } from '../core/alerts/mutes.js';
import { muteMenu, mutedLine, type MuteChoice } from './trayMutes.js';
import { muteSubmenu, ofRestaurant, type TrayRestaurant } from './trayRestaurants.js';

export type TrayIconState = TrayIconText;

export interface RecentAlert {
  restaurant: string;
  source: string;
  id: string;
  title: string;
  receivedAt: number;
  canJoin: boolean;
}

export interface TrayState {
  statuses: readonly SourceStatus[];
  dnd: DndState;
  unread: number;
  /** Newest first; only the first five are shown. */
  recent: readonly RecentAlert[];
  launchAtLogin: boolean;
  /** Set by the updater (issue 7): an update was downloaded and a restart installs it. */
  updateReady: boolean;
  /** The restaurants configured, in settings order; with more than one, lines say whose they are. */
  restaurants?: readonly TrayRestaurant[];
  /** Data files moved aside at start-up or failing to save (#14.5, #14.3). */
  storage?: readonly StorageProblem[];
  /** Mutes running now (one restaurant or one kind, for a while). */
  mutes?: readonly Mute[];
  /** Kinds of alert seen lately that the Mute submenu offers (never support requests). */
  muteKinds?: readonly string[];
  /** The language the menu speaks (`core.language`); absent: English. */
  translator?: Translator;
}

/** Minutes, or 'morning': until the next 06:00 (main/core/alerts/pauseUntil.ts). */
export type PauseChoice = 30 | 60 | 'morning';

export interface TrayActions {
  join(alert: AlertKey): void;
  pause(choice: PauseChoice): void;
  resume(): void;
  openHistory(): void;
  openSettings(): void;
  setLaunchAtLogin(enabled: boolean): void;
  /** "Mute restaurant": persisted in the settings (`restaurants[].muted`). */
  setMuted?(restaurant: string, muted: boolean): void;
  /** "Mute" for a while: one restaurant or one kind of alert. */
  mute?(target: MuteTarget, choice: MuteChoice): void;
  unmute?(target: MuteTarget): void;
  restartToUpdate?(): void;
  /** Marks every alert in history read. */
  markAllRead?(): void;
  /** "About Servicebell": version, update state, diagnostics. */
  about?(): void;
  /** The redacted support bundle to the clipboard / to a file. */
  copyDiagnostics?(): void;
  saveDiagnostics?(): void;
  quit(): void;
}

export const RECENT_LIMIT = 5;
const MAX_LABEL = 60;

/** Paused beats everything; then: all enabled sources connected, none connected, or in between (or sign-in failed). */
export function trayIconState(statuses: readonly SourceStatus[], dnd: DndState): TrayIconState {
  if (dnd.active) return 'dnd';
  const enabled = statuses.filter((s) => s.state !== 'disabled');
  if (enabled.length === 0) return 'offline';
  if (enabled.every((s) => s.state === 'connected')) return 'connected';
  if (enabled.some((s) => s.state === 'connected' || s.state === 'auth_failed')) return 'degraded';
  return 'offline';
}

export function truncate(text: string, max = MAX_LABEL): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The state's language, English when it names none. */
export function trayTranslator(state: Pick<TrayState, 'translator'>): Translator {
  return state.translator ?? ENGLISH;
}

/** Times in the menu: the pinned format when given (tests), else the menu's language ("19:30"). */
export function trayTimeFormat(state: Pick<TrayState, 'translator'>, pinned?: (ms: number) => string): (ms: number) => string {
  const t = trayTranslator(state);
  return pinned ?? ((ms) => t.time(ms));
}

export function tooltip(state: TrayState): string {
  return trayTextFor(trayTranslator(state)).tooltip(trayIconState(state.statuses, state.dnd), state.unread);
}

function dndLine(dnd: DndState, formatTime: (ms: number) => string, trayText: TrayText): string | undefined {
  if (!dnd.active) return undefined;
  if (dnd.reason === 'quiet_hours') return trayText.quietHoursUntil(formatTime(dnd.until));
  return dnd.until === null ? trayText.pausedUntilResumed : trayText.pausedUntil(formatTime(dnd.until));
}

/** Whose connection a line is: "Pizzeria Wola · MQTT" with several restaurants, "MQTT" with one. */
export function connectionName(s: SourceStatus, restaurants: TrayState['restaurants']): string {
  return ofRestaurant(restaurants, s.restaurant, SOURCE_LABELS[s.source] ?? s.source);
}

/**
 * "Pizzeria Wola · MQTT: can't reach the server — retrying": a sentence for staff; the technical detail (the error as
 * the connection reported it) in a submenu behind it, split into lines a menu can show.
 */
function statusItem(s: SourceStatus, restaurants: TrayState['restaurants'], t: Translator): MenuItemConstructorOptions {
  const label = truncate(`${connectionName(s, restaurants)}: ${connectionSentence(s, t)}`, 90);
  const detail = connectionDetail(s);
  if (!detail) return { label, enabled: false };
  const text = connectionTextFor(t).detail(detail);
  const lines = Array.from({ length: Math.min(4, Math.ceil(text.length / DETAIL_LINE)) }, (_, i) => text.slice(i * DETAIL_LINE, (i + 1) * DETAIL_LINE));
  return { label, submenu: lines.map((line) => ({ label: line, enabled: false })) };
}
const DETAIL_LINE = 80;

/** Short enough for a menu; the full message (with where the file went) is in the log. */
export function storageLine(problem: StorageProblem, trayText: TrayText = trayTextFor(ENGLISH)): string {
  return problem.state === 'moved_aside' ? trayText.storageMovedAside(problem.file) : trayText.storageProblem(problem.message);
}

export function buildTrayMenuTemplate(
  state: TrayState,
  actions: TrayActions,
  formatTime: (ms: number) => string,
  now: number = Date.now(),
): MenuItemConstructorOptions[] {
  const t = trayTranslator(state);
  const trayText = trayTextFor(t);
  const info = (label: string): MenuItemConstructorOptions => ({ label: truncate(label, 90), enabled: false });
  const items: MenuItemConstructorOptions[] = [info(trayText.heading(trayIconState(state.statuses, state.dnd)))];
  for (const s of state.statuses) items.push(statusItem(s, state.restaurants, t));
  for (const p of state.storage ?? []) items.push(info(storageLine(p, trayText)));
  const paused = dndLine(state.dnd, formatTime, trayText);
  if (paused) items.push(info(paused));
  const muted = mutedLine({ restaurants: state.restaurants, mutes: state.mutes ?? [], translator: t });
  if (muted) items.push(info(muted));

  const recent = state.recent.slice(0, RECENT_LIMIT);
  if (recent.length > 0) {
    items.push({ type: 'separator' }, info(trayText.recentAlerts));
    for (const alert of recent) {
      const label = truncate(`${formatTime(alert.receivedAt)}  ${ofRestaurant(state.restaurants, alert.restaurant, alert.title)}`);
      items.push({
        label: alert.canJoin ? trayText.joinable(label) : label,
        click: alert.canJoin ? () => actions.join({ restaurant: alert.restaurant, source: alert.source, id: alert.id }) : () => actions.openHistory(),
      });
    }
  }

  const isPaused = state.dnd.active && state.dnd.reason === 'paused';
  const { markAllRead, about } = actions;
  items.push(
    { type: 'separator' },
    {
      label: trayText.pause,
      submenu: [
        { label: trayText.pauseFor30, click: () => actions.pause(30) },
        { label: trayText.pauseFor60, click: () => actions.pause(60) },
        { label: trayText.pauseUntil(formatTime(nextMorning(now))), click: () => actions.pause('morning') },
      ],
    },
    { label: trayText.resume, enabled: isPaused, click: () => actions.resume() },
    ...muteMenu(
      { restaurants: state.restaurants, kinds: state.muteKinds ?? [], mutes: state.mutes ?? [], now, formatTime, translator: t },
      actions.mute && actions.unmute ? { mute: actions.mute, unmute: actions.unmute } : undefined,
    ),
    ...muteSubmenu(state.restaurants, actions.setMuted, trayText.muteRestaurant),
    { type: 'separator' },
    { label: trayText.history(state.unread), click: () => actions.openHistory() },
    ...(markAllRead ? [{ label: trayText.markAllRead, enabled: state.unread > 0, click: () => markAllRead() }] : []),
    { label: trayText.settings, click: () => actions.openSettings() },
    { label: trayText.launchAtLogin, type: 'checkbox', checked: state.launchAtLogin, click: (item) => actions.setLaunchAtLogin(item.checked) },
  );
  const { copyDiagnostics, saveDiagnostics } = actions;
  if (copyDiagnostics && saveDiagnostics) {
    items.push({ type: 'separator' }, { label: trayText.copyDiagnostics, click: () => copyDiagnostics() }, { label: trayText.saveDiagnostics, click: () => saveDiagnostics() });
  }
  const restart = actions.restartToUpdate;
  if (state.updateReady && restart) items.push({ label: trayText.restartToUpdate, click: () => restart() });
  if (about) items.push({ label: trayText.about, click: () => about() });
  items.push({ type: 'separator' }, { label: trayText.quit, click: () => actions.quit() });
  return items;
}
