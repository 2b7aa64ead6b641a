// Keeps the tray icon, tooltip, unread count and context menu in step with the app state.
import path from 'node:path';
import type { MenuItemConstructorOptions, Tray } from 'electron';
import { buildTrayMenuTemplate, tooltip, trayIconState, type TrayActions, type TrayIconState, type TrayState } from './trayMenu.js';

/** `M` is Electron's Menu in the app; tests use the template itself. */
export type TrayLike<M> = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'> & {
  setContextMenu(menu: M): void;
  on(event: 'click', listener: () => void): unknown;
};

/**
 * macOS: a template image (the system tints it) and the unread count as the title. Windows and Linux: a coloured
 * variant for the panel's brightness, with a red dot when something is unread (the tray has no badge API there).
 */
export function trayIconFile(iconDir: string, platform: NodeJS.Platform, state: TrayIconState, unread: number, darkPanel: boolean): string {
  if (platform === 'darwin') return path.join(iconDir, `tray-${state}Template.png`);
  const dot = unread > 0 ? '-unread' : '';
  return path.join(iconDir, `tray-${state}${dot}-${darkPanel ? 'dark' : 'light'}.png`);
}

export interface TrayControllerDeps<M> {
  tray: TrayLike<M>;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  actions: TrayActions;
  iconDir: string;
  platform: NodeJS.Platform;
  darkPanel(): boolean;
  formatTime?(ms: number): string;
}

export class TrayController<M> {
  private last: TrayState | undefined;
  private lastIcon = '';

  constructor(private readonly deps: TrayControllerDeps<M>) {
    // The context menu is always set (a Linux tray may never deliver clicks); a click is a shortcut to the history.
    deps.tray.on('click', () => deps.actions.openHistory());
  }

  update(state: TrayState): void {
    this.last = state;
    const { tray, platform } = this.deps;
    const icon = trayIconFile(this.deps.iconDir, platform, trayIconState(state.statuses, state.dnd), state.unread, this.deps.darkPanel());
    if (icon !== this.lastIcon) {
      tray.setImage(icon);
      this.lastIcon = icon;
    }
    tray.setToolTip(tooltip(state));
    if (platform === 'darwin') tray.setTitle(state.unread > 0 ? String(state.unread) : '');
    const format = this.deps.formatTime ?? defaultTimeFormat;
    tray.setContextMenu(this.deps.buildMenu(buildTrayMenuTemplate(state, this.deps.actions, format)));
  }

  /** Re-renders with the last state (e.g. the panel switched between light and dark). */
  refresh(): void {
    if (this.last) this.update(this.last);
  }
}

function defaultTimeFormat(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
