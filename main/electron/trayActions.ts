// What the tray menu's items do, wired to the core, the windows and the login item.
import type { ServicebellCore } from '../core/app/servicebellCore.js';
import type { Logger } from '../core/log/logger.js';
import { safeErrorMessage } from '../core/log/redact.js';
import type { DiagnosticsActions } from './diagnosticsActions.js';
import { nextMorning } from '../core/alerts/pauseUntil.js';
import type { PauseChoice, TrayActions } from './trayMenu.js';
import type { MuteChoice } from './trayMutes.js';

export interface TrayActionDeps {
  core: ServicebellCore;
  logger: Logger;
  openWindow(page: 'settings' | 'history'): void;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  /** Persists "mute this restaurant" in the settings and applies it. */
  setMuted?(restaurant: string, muted: boolean): Promise<void>;
  refresh(): void;
  quit(): void;
  restartToUpdate?(): void;
  diagnostics?: DiagnosticsActions;
  /** Shows "About Servicebell" and runs the button chosen. */
  about?(): Promise<void>;
  now?: () => number;
}

export function createTrayActions(deps: TrayActionDeps): TrayActions {
  const now = deps.now ?? Date.now;
  const about = deps.about;
  const run = (what: string, task: () => Promise<unknown>): void => {
    task().then(
      () => deps.refresh(),
      (err: unknown) => deps.logger.error({ error: safeErrorMessage(err) }, `tray: ${what} failed`),
    );
  };
  const muteUntil = (choice: MuteChoice): number => (choice === 'morning' ? nextMorning(now()) : now() + choice * 60_000);
  const untilFor = (choice: PauseChoice): number => (choice === 'morning' ? nextMorning(now()) : now() + choice * 60_000);
  return {
    join: (key) => run('join', () => deps.core.pipeline.join(key)),
    pause: (choice) => run('pause', () => deps.core.dnd.pause(untilFor(choice))),
    resume: () => run('resume', () => deps.core.dnd.resume()),
    openHistory: () => deps.openWindow('history'),
    openSettings: () => deps.openWindow('settings'),
    setLaunchAtLogin: (enabled) => run('launch at login', () => deps.setLaunchAtLogin(enabled)),
    setMuted: (restaurant, muted) => {
      const set = deps.setMuted;
      if (set) run('mute restaurant', () => set(restaurant, muted));
    },
    mute: (target, choice) => run('mute', () => deps.core.mutes.mute(target, muteUntil(choice), now())),
    unmute: (target) => run('unmute', () => deps.core.mutes.unmute(target, now())),
    restartToUpdate: deps.restartToUpdate,
    markAllRead: () => run('mark all read', () => deps.core.history.markAllRead()),
    ...(about ? { about: () => run('about', about) } : {}),
    ...(deps.diagnostics ? { copyDiagnostics: () => run('copy diagnostics', () => deps.diagnostics!.copy()), saveDiagnostics: () => run('save diagnostics', () => deps.diagnostics!.save()) } : {}),
    quit: deps.quit,
  };
}
