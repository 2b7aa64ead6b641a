import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock, TimerHandle } from '../core/connection/clock.js';
import type { UpdatesSettings } from '../core/settings/schema.js';

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

/** What electron-updater's logger option accepts; pino's logger fits too. */
export interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The part of electron-updater's `autoUpdater` this module drives. The real `AppUpdater` is assignable to it
 * (checked in the test), so the composition root passes `autoUpdater` as is and tests pass a plain object.
 */
export interface UpdaterPort {
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdateLog | null;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface AutoUpdateDeps {
  updater: UpdaterPort;
  clock: Clock;
  settings: UpdatesSettings;
  logger: UpdateLog;
  intervalMs?: number;
  /** `resources/package-type` as electron-builder writes it for deb/rpm/pacman builds (see `linuxPackageType`). */
  packageType?: string;
}

export type AutoUpdateStart = 'checking' | 'disabled' | 'refused-feed' | 'package-manager';

/** What "About Servicebell" says of updates (`development`: an unpackaged build, where the updater never runs). */
export type UpdateState =
  | { kind: 'off'; why: Exclude<AutoUpdateStart, 'checking'> | 'development' }
  | { kind: 'checking'; lastCheck?: { at: number; ok: boolean } }
  | { kind: 'ready'; version: string };

/** Linux packages whose electron-updater backend installs with `pkexec`/`sudo` (DebUpdater, RpmUpdater, PacmanUpdater). */
const SYSTEM_PACKAGES = new Set(['deb', 'rpm', 'pacman']);

/**
 * What electron-updater itself reads to pick its Linux backend: `<resources>/package-type` ("deb", "rpm",
 * "pacman"), written by electron-builder into those packages; absent for an AppImage and on macOS/Windows.
 */
export function linuxPackageType(resourcesPath: string | undefined, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string | undefined {
  if (!resourcesPath) return undefined;
  try {
    return read(path.join(resourcesPath, 'package-type')).trim() || undefined;
  } catch {
    return undefined;
  }
}
export interface UpdateReady {
  version: string;
}

/**
 * Checks for updates at start and then daily, downloads in the background, and tells the tray when a
 * downloaded update is ready so it can offer "Restart to update". Never downgrades.
 */
export class AutoUpdate {
  private readonly updater: UpdaterPort;
  private readonly clock: Clock;
  private readonly settings: UpdatesSettings;
  private readonly logger: UpdateLog;
  private readonly intervalMs: number;
  private readonly listeners = new Set<(ready: UpdateReady) => void>();
  private timer: TimerHandle | undefined;
  private checking = false;
  private started = false;
  private ready: UpdateReady | undefined;
  private startResult: AutoUpdateStart | undefined;
  private lastCheck: { at: number; ok: boolean } | undefined;

  constructor(private readonly deps: AutoUpdateDeps) {
    this.updater = deps.updater;
    this.clock = deps.clock;
    this.settings = deps.settings;
    this.logger = deps.logger;
    this.intervalMs = deps.intervalMs ?? UPDATE_CHECK_INTERVAL_MS;
  }

  start(): AutoUpdateStart {
    this.startResult = this.begin();
    return this.startResult;
  }

  /** For "About Servicebell": off (and why), checking (and how the last check went), or an update ready. */
  state(): UpdateState {
    if (this.ready) return { kind: 'ready', version: this.ready.version };
    const started = this.startResult;
    if (started === undefined || started === 'checking') return this.lastCheck ? { kind: 'checking', lastCheck: this.lastCheck } : { kind: 'checking' };
    return { kind: 'off', why: started };
  }

  private begin(): AutoUpdateStart {
    if (this.started) return 'checking';
    if (!this.settings.enabled) {
      // Administrators turn this off when the fleet is updated by their own tooling: touch nothing at all.
      this.logger.info('updates: disabled by the administrator setting updates.enabled = false');
      return 'disabled';
    }
    const packageType = this.deps.packageType;
    if (packageType !== undefined && SYSTEM_PACKAGES.has(packageType)) {
      // electron-updater's DebUpdater installs with pkexec / sudo dpkg -i from the quit handler: an admin password at
      // every quit, which front-of-house accounts do not have. A system package is updated by the system: apt (an
      // apt repository) or the fleet's tooling. Nothing is downloaded, nothing installs on quit.
      this.updater.autoDownload = false;
      this.updater.autoInstallOnAppQuit = false;
      this.logger.info(`updates: installed as a ${packageType} package; updated through the system package manager (apt repository or fleet tooling), not by the app`);
      return 'package-manager';
    }
    const feedUrl = this.settings.feedUrl;
    if (feedUrl !== undefined && !isHttpsUrl(feedUrl)) {
      // The schema already demands https; this guards settings that reached us without it.
      this.logger.warn('updates: the configured feed is not an https URL; not checking for updates');
      return 'refused-feed';
    }
    this.started = true;
    this.updater.logger = this.logger;
    this.updater.autoDownload = true;
    this.updater.autoInstallOnAppQuit = true;
    this.updater.allowPrerelease = this.settings.allowPrerelease;
    // Without a configured feed, electron-updater reads app-update.yml written at build time from `publish`.
    if (feedUrl !== undefined) this.updater.setFeedURL({ provider: 'generic', url: feedUrl });
    // Last, because electron-updater turns downgrades on as a side effect of setting a channel.
    this.updater.allowDowngrade = false;
    this.updater.on('update-downloaded', (info) => this.markReady(info.version));
    this.updater.on('error', (error) => this.logger.warn(`updates: ${error.message}`));
    this.runCheck();
    return 'checking';
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.started = false;
  }

  /** Called at once if an update is already waiting; returns an unsubscribe function. */
  onUpdateReady(cb: (ready: UpdateReady) => void): () => void {
    this.listeners.add(cb);
    if (this.ready) cb(this.ready);
    return () => this.listeners.delete(cb);
  }

  get updateReady(): UpdateReady | undefined {
    return this.ready;
  }

  /** Quits and installs the downloaded update, then starts the new version; false when nothing is waiting. */
  restartToUpdate(): boolean {
    if (!this.ready) return false;
    // Silent: the per-user NSIS installer needs no questions answered; run after so the tray comes back.
    this.updater.quitAndInstall(true, true);
    return true;
  }

  private markReady(version: string): void {
    this.ready = { version };
    this.logger.info(`updates: version ${version} downloaded; ready to install on restart`);
    for (const cb of this.listeners) cb(this.ready);
  }

  private runCheck(): void {
    this.timer = this.clock.setTimeout(() => this.runCheck(), this.intervalMs);
    if (this.checking) return;
    this.checking = true;
    this.updater
      .checkForUpdates()
      .then(() => {
        this.lastCheck = { at: this.clock.now(), ok: true };
      })
      .catch((err: unknown) => {
        this.lastCheck = { at: this.clock.now(), ok: false };
        // Offline restaurants are normal: log and try again at the next interval.
        this.logger.warn(`updates: check failed: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        this.checking = false;
      });
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
