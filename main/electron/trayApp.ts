// Puts the tray together: icon, menu actions, the binding to the core, and the hook the updater (issue 7) uses.
import type { MenuItemConstructorOptions } from 'electron';
import type { ServicebellCore } from '../core/app/servicebellCore.js';
import type { HistoryRequest } from '../core/alerts/pipeline.js';
import type { Logger } from '../core/log/logger.js';
import type { TraySnapshot } from './e2eHooks.js';
import type { DiagnosticsActions } from './diagnosticsActions.js';
import { createTrayActions } from './trayActions.js';
import { TrayController, panelShade, trayIconFile, type PanelTheme, type TrayLike } from './trayController.js';
import { buildTrayMenuTemplate, tooltip, trayIconState, trayTimeFormat, type TrayState } from './trayMenu.js';
import { bindTrayToCore } from './trayState.js';

/** `M` is Electron's Menu in the app (see TrayController). */
export interface TrayAppDeps<M> {
  core: ServicebellCore;
  logger: Logger;
  createTray(image: string): TrayLike<M>;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  nativeTheme: PanelTheme & { on(event: 'updated', listener: () => void): unknown };
  iconDir: string;
  platform: NodeJS.Platform;
  openWindow(page: 'settings' | 'history'): void;
  /** A click on a summary notification: History, filtered to what it held. Absent: History opens unfiltered. */
  openHistory?(request: HistoryRequest): void;
  launchAtLogin(): boolean;
  /** Turns the login item on or off and records the choice in the settings. */
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  /** Persists "mute this restaurant" in the settings and applies it. */
  setMuted?(restaurant: string, muted: boolean): Promise<void>;
  onRender(state: TrayState): void;
  diagnostics?: DiagnosticsActions;
  /** "About Servicebell" (see aboutDialog.ts). */
  about?(): Promise<void>;
  quit(): void;
  /** The clock and the time format of the menu (tests pin both). */
  now?: () => number;
  formatTime?: (ms: number) => string;
}

export interface TrayApp {
  snapshot(): TraySnapshot | undefined;
  /** For the updater: shows "Restart to update", which calls `restart`. */
  setUpdateReady(restart: () => void): void;
}

export function startTrayApp<M>(deps: TrayAppDeps<M>): TrayApp {
  let snapshot: TraySnapshot | undefined;
  let restart: (() => void) | undefined;
  const binding: { refresh(): void } = { refresh: () => {} };
  const actions = createTrayActions({
    core: deps.core,
    logger: deps.logger,
    openWindow: deps.openWindow,
    setLaunchAtLogin: deps.setLaunchAtLogin,
    setMuted: deps.setMuted,
    refresh: () => binding.refresh(),
    quit: deps.quit,
    restartToUpdate: () => restart?.(),
    diagnostics: deps.diagnostics,
    about: deps.about,
    now: deps.now,
  });
  const panel = (): ReturnType<typeof panelShade> => panelShade(deps.platform, deps.nativeTheme);
  const tray = deps.createTray(trayIconFile(deps.iconDir, deps.platform, 'offline', 0, panel()));
  const controller = new TrayController({
    tray,
    buildMenu: deps.buildMenu,
    actions,
    iconDir: deps.iconDir,
    platform: deps.platform,
    panel,
    formatTime: deps.formatTime,
    now: deps.now,
  });
  const render = (state: TrayState): void => {
    controller.update(state);
    const labels = buildTrayMenuTemplate(state, actions, trayTimeFormat(state, deps.formatTime), (deps.now ?? Date.now)()).map((i) => i.label ?? '-');
    snapshot = { icon: trayIconState(state.statuses, state.dnd), tooltip: tooltip(state), labels };
    deps.onRender(state);
  };
  Object.assign(binding, bindTrayToCore({ core: deps.core, render, launchAtLogin: deps.launchAtLogin, updateReady: () => restart !== undefined, now: deps.now }));
  deps.nativeTheme.on('updated', () => controller.refresh());
  // A click on a summary notification ("8 new alerts", "Missed while offline … (see History)").
  deps.core.pipeline.onOpenHistory((request) => (deps.openHistory ? deps.openHistory(request) : deps.openWindow('history')));
  return {
    snapshot: () => snapshot,
    setUpdateReady(next) {
      restart = next;
      binding.refresh();
    },
  };
}
