// Keeps the tray icon, tooltip, unread count and context menu in step with the app state.
import path from 'node:path';
import type { MenuItemConstructorOptions, NativeTheme, Tray } from 'electron';
import { buildTrayMenuTemplate, tooltip, trayIconState, trayTimeFormat, type TrayActions, type TrayIconState, type TrayState } from './trayMenu.js';

/** `M` is Electron's Menu in the app; tests use the template itself. */
export type TrayLike<M> = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'> & {
  setContextMenu(menu: M): void;
  on(event: 'click', listener: () => void): unknown;
};

/** Which glyph a panel needs: `any` is a light glyph in a dark halo, readable on both (see scripts/makeIcons.mjs). */
export type PanelShade = 'light' | 'dark' | 'any';

/** The part of Electron's nativeTheme that tells a panel's shade. */
export type PanelTheme = Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>;

/**
 * The signal each platform's panel follows. Windows: the taskbar follows the system (not the app) colour mode,
 * `shouldUseDarkColorsForSystemIntegratedUI`. Linux: no API tells the panel's shade (GNOME's top bar stays dark in
 * light mode, KDE's follows the theme), so the glyph reads on both. macOS uses a template image the system tints.
 */
export function panelShade(platform: NodeJS.Platform, theme: PanelTheme): PanelShade {
  if (platform === 'win32') return theme.shouldUseDarkColorsForSystemIntegratedUI ? 'dark' : 'light';
  if (platform === 'darwin') return theme.shouldUseDarkColors ? 'dark' : 'light';
  return 'any';
}

/**
 * macOS: a template image (the system tints it) and the unread count as the title. Windows and Linux: a coloured
 * variant for the panel, with a red dot when something is unread (the tray has no badge API there).
 */
export function trayIconFile(iconDir: string, platform: NodeJS.Platform, state: TrayIconState, unread: number, panel: PanelShade): string {
  if (platform === 'darwin') return path.join(iconDir, `tray-${state}Template.png`);
  const dot = unread > 0 ? '-unread' : '';
  return path.join(iconDir, `tray-${state}${dot}-${panel}.png`);
}

export interface TrayControllerDeps<M> {
  tray: TrayLike<M>;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  actions: TrayActions;
  iconDir: string;
  platform: NodeJS.Platform;
  panel(): PanelShade;
  formatTime?(ms: number): string;
  now?(): number;
}

export class TrayController<M> {
  private last: TrayState | undefined;
  private lastIcon = '';

  constructor(private readonly deps: TrayControllerDeps<M>) {
    // The context menu is always set (a Linux tray may never deliver clicks); where a left click does not open that
    // menu (Windows, Linux) it is a shortcut to the history. On macOS a click on a tray with a menu emits `click` and
    // then opens the menu (Electron's tray_icon_cocoa.mm), so History there is only in the menu.
    if (deps.platform !== 'darwin') deps.tray.on('click', () => deps.actions.openHistory());
  }

  update(state: TrayState): void {
    this.last = state;
    const { tray, platform } = this.deps;
    const icon = trayIconFile(this.deps.iconDir, platform, trayIconState(state.statuses, state.dnd), state.unread, this.deps.panel());
    if (icon !== this.lastIcon) {
      tray.setImage(icon);
      this.lastIcon = icon;
    }
    tray.setToolTip(tooltip(state));
    if (platform === 'darwin') tray.setTitle(state.unread > 0 ? String(state.unread) : '');
    const format = trayTimeFormat(state, this.deps.formatTime);
    tray.setContextMenu(this.deps.buildMenu(buildTrayMenuTemplate(state, this.deps.actions, format, (this.deps.now ?? Date.now)())));
  }

  /** Re-renders with the last state (e.g. the panel switched between light and dark). */
  refresh(): void {
    if (this.last) this.update(this.last);
  }
}
