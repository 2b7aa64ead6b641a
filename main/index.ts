// Electron composition root: wiring only. Every piece lives in main/electron (adapters) or main/core (logic).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, Menu, Notification, Tray, ipcMain, nativeTheme, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { ServicebellCore } from './core/app/servicebellCore.js';
import { connectionProbes } from './core/check/probes.js';
import { heldClock, systemClock } from './core/connection/clock.js';
import { withTimeout } from './core/connection/timeout.js';
import { buildCliProgram } from './core/headless/cliProgram.js';
import { collectDiagnostics } from './core/diagnostics/collectDiagnostics.js';
import { createLogger } from './core/log/logger.js';
import { safeErrorMessage } from './core/log/redact.js';
import { watchLogindWake } from './core/connection/logindWake.js';
import { StartupQueue, later } from './core/app/startupQueue.js';
import type { Handlers } from '../preload/contract.js';
import { createOsDoNotDisturb } from './core/notify/osDoNotDisturb.js';
import { sourceFactories } from './core/sources/registry.js';
import { withMuted } from './core/settings/restaurantEdits.js';
import { createAppSecretResolver } from './electron/appSecrets.js';
import { runAppCommand } from './electron/appCommand.js';
import { createDiagnosticsActions } from './electron/diagnosticsActions.js';
import { AutoUpdate, linuxPackageType, type UpdateState } from './electron/autoUpdate.js';
import { showAbout } from './electron/aboutDialog.js';
import { connectionText } from './core/text/connectionText.js';
import { connectionName } from './electron/trayMenu.js';
import { cliArguments } from './electron/cliArguments.js';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './electron/appProtocol.js';
import { installE2eHooks } from './electron/e2eHooks.js';
import { createElectronNotifier } from './electron/electronNotifier.js';
import { createElectronOpener } from './electron/electronOpener.js';
import { HistoryFilterHandoff, openHistoryWith } from './electron/historyFilterHandoff.js';
import { openSettingsStore } from './electron/electronSettingsStore.js';
import { createIpcApi } from './electron/ipcApi.js';
import { deferredHandlers } from './electron/deferredHandlers.js';
import { registerIpcHandlers } from './electron/ipcHandlers.js';
import type { OpenKeyValueFile } from './electron/keyValueFile.js';
import { createLoginItem } from './electron/loginItem.js';
import { watchPowerEvents } from './electron/powerEvents.js';
import { claimSingleInstance } from './electron/singleInstance.js';
import { PROTOCOL_SCHEME, ToastTokens } from './electron/toastActivation.js';
import { startTrayApp } from './electron/trayApp.js';
import { WindowFactory, hardenSession } from './electron/windows.js';

const APP_ID = 'com.servicebell.app';
const QUIT_DEADLINE_MS = 15_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const cliArgs = cliArguments(process.argv, Boolean(process.defaultApp));
// The tray app logs to a rotating file in the platform's log folder too; a CLI command through this binary does not.
const logDir = process.env.SERVICEBELL_LOG_DIR ?? app.getPath('logs');
const logger = createLogger(cliArgs ? {} : { file: { dir: logDir, name: 'servicebell' } });
const activationUrl = (argv: readonly string[]): string | undefined => argv.find((a) => a.startsWith(`${PROTOCOL_SCHEME}://`));

registerAppScheme(protocol);
const windows = new WindowFactory({
  BrowserWindow,
  preloadPath: path.join(here, '../preload/index.cjs'),
  onLoadFailed: (page, reason) => logger.warn({ page, reason }, 'a window failed to load its page and was closed'),
});
// What the OS hands over while start() still awaits waits for the part it needs: windows need app:// and IPC
// (registered right after whenReady), a toast activation needs the core.
const reportQueued = (err: unknown): void => logger.warn({ err }, 'start-up work failed');
const windowsUp = new StartupQueue(reportQueued);
const coreUp = new StartupQueue<{ handleActivationUrl(url: string): void }>(reportQueued);
const openSettings = (): void => windowsUp.run(() => windows.show('settings'));
const launchUrl = activationUrl(process.argv);
if (launchUrl) coreUp.run((c) => c.handleActivationUrl(launchUrl));

if (cliArgs) void runCommand(cliArgs);
else if (claimSingleInstance({
  app,
  onSecondInstance: (argv) => {
    const url = activationUrl(argv);
    if (url) coreUp.run((c) => c.handleActivationUrl(url));
    else openSettings();
  },
})) {
  // macOS: a relaunch from Finder, Spotlight or the Dock emits `activate`, not `second-instance`.
  app.on('activate', openSettings);
  start().catch((err: unknown) => {
    process.stderr.write(`servicebell: could not start: ${safeErrorMessage(err)}\n`);
    app.exit(1);
  });
}

/**
 * Whether this is the first start that will show a notification (macOS asks for permission then). A marker in the
 * data folder, so a fleet's pre-seeded config.json does not hide a first run.
 */
function firstNotificationRun(dataDir: string): boolean {
  const marker = path.join(dataDir, '.notifications-asked');
  if (existsSync(marker)) return false;
  try {
    writeFileSync(marker, '');
  } catch (err) {
    logger.warn({ err }, 'could not record the first run');
  }
  return true;
}

/** The binary as the `servicebell` command (installed machines): no tray, no window; `headless` runs until signalled. */
async function runCommand(args: string[]): Promise<void> {
  app.dock?.hide();
  await runAppCommand(args, {
    program: buildCliProgram(),
    exit: (code) => app.exit(code),
    stderr: process.stderr,
    exitCode: () => (typeof process.exitCode === 'number' ? process.exitCode : undefined),
  });
}

async function start(): Promise<void> {
  app.setAppUserModelId(APP_ID);
  if (process.platform === 'win32') {
    app.setAsDefaultProtocolClient(PROTOCOL_SCHEME, process.execPath, process.defaultApp ? [path.resolve(process.argv[1] ?? '.')] : []);
  }
  app.on('window-all-closed', () => {}); // a tray app keeps running with no window open
  await app.whenReady();
  app.dock?.hide();
  // app://, the session's permission policy and IPC come first: a window opened during the rest of start-up
  // (a second launch) must find its page and its channels; IPC requests wait for the core (with a deadline).
  hardenSession(session.defaultSession);
  handleAppProtocol(protocol, path.join(here, '../renderer/static'));
  const ipcHandlers = later<Handlers>();
  registerIpcHandlers({
    ipcMain,
    trustedOrigin: APP_ORIGIN,
    handlers: deferredHandlers(ipcHandlers.promise),
    onRejected: (channel, reason) => logger.warn({ channel, reason }, 'IPC request rejected'),
  });
  windowsUp.open();
  const dataDir = app.getPath('userData');
  logger.info({ version: app.getVersion(), platform: process.platform, dataDir, logDir }, 'tray app started');
  const openFile: OpenKeyValueFile = (options) => new ElectronStore<Record<string, unknown>>(options);
  const settingsStore = await openSettingsStore({ dataDir, openFile, onWarning: (message) => logger.warn(message) });
  if (settingsStore.notice) logger.warn(settingsStore.notice);
  const secrets = await createAppSecretResolver({
    logger,
    safeStorage,
    platform: process.platform,
    dataDir,
    openFile,
    restaurantIds: () => settingsStore.settings.restaurants.map((r) => r.id),
  });
  const tokens = await ToastTokens.open(dataDir);
  const osDnd = createOsDoNotDisturb({ platform: process.platform, appUserModelId: APP_ID, logger });
  const notifier = createElectronNotifier({
    Notification,
    platform: process.platform,
    tokens,
    logger,
    osDoNotDisturb: () => osDnd.active(),
    retryFirstFailure: process.platform === 'darwin' && firstNotificationRun(dataDir) ? { delayMs: 5000 } : undefined,
  });
  const core = await ServicebellCore.open({
    settings: settingsStore.settings,
    dataDir,
    notifier,
    opener: createElectronOpener(shell),
    getSecret: (ref) => secrets.get(ref),
    logger,
    sources: sourceFactories,
    // For ui.language "auto": the desktop's languages, most preferred first (only valid once the app is ready).
    systemLanguages: app.getPreferredSystemLanguages(),
  });
  const loginItem = createLoginItem({
    platform: process.platform,
    app,
    command: process.env.APPIMAGE ? [process.env.APPIMAGE] : process.defaultApp ? [process.execPath, app.getAppPath()] : [process.execPath],
    autostartDir: path.join(app.getPath('appData'), 'autostart'),
  });
  let launchAtLogin = await loginItem.get();
  const setLaunchAtLogin = async (enabled: boolean): Promise<void> => {
    await loginItem.set(enabled);
    launchAtLogin = enabled;
  };

  const diagnostics = createDiagnosticsActions({
    clipboard,
    dialog,
    translator: () => core.language.translator,
    defaultDir: app.getPath('downloads'),
    collect: () =>
      collectDiagnostics({
        version: app.getVersion(),
        mode: 'tray app',
        runtime: `Electron ${process.versions.electron ?? 'unknown'}`,
        settingsFile: settingsStore.file,
        settings: core.settings,
        settingsLine: settingsStore.notice ? { name: 'settings', ok: true, warning: true, detail: settingsStore.notice } : { name: 'settings', ok: true, detail: 'valid' },
        secrets,
        probes: connectionProbes,
        logDir,
        connections: () => {
          const restaurants = core.settings.restaurants.map((r) => ({ id: r.id, name: r.name, muted: r.muted }));
          return core.statusList().map((s) => connectionText.diagnosticsLine(connectionName(s, restaurants), s));
        },
      }),
  });

  const historyFilter = new HistoryFilterHandoff();
  ipcHandlers.resolve(
    createIpcApi({
      core,
      secrets,
      saveSettings: (s) => settingsStore.save(s),
      setLaunchAtLogin,
      probes: connectionProbes,
      diagnostics,
      notice: settingsStore.notice,
      notificationProblem: () => notifier.notificationProblem?.(),
      takeHistoryFilter: () => historyFilter.take(),
    }),
  );

  let stopping = false;
  // Set once the power and logind watches run: a quit stops them (logind's system-bus connection included).
  let stopPowerEvents = (): void => {};
  const quit = (): void => {
    if (stopping) return;
    stopping = true;
    osDnd.stop();
    stopPowerEvents();
    // Closing connections and flushing history has a deadline: a quit must never hang on a stuck connection.
    withTimeout(core.stop(), QUIT_DEADLINE_MS, () => new Error(`shutdown did not finish within ${QUIT_DEADLINE_MS / 1000} s`), heldClock).then(
      () => app.exit(0),
      (err: unknown) => {
        logger.error({ error: err instanceof Error ? err.message : String(err) }, 'quit: shutdown failed');
        app.exit(1);
      },
    );
  };
  app.on('before-quit', (event) => {
    if (!stopping) event.preventDefault();
    quit();
  });

  // Replaced by the updater's own state in a packaged app (below); an unpackaged build never updates itself.
  let updateState = (): UpdateState => ({ kind: 'off', why: 'development' });
  const trayApp = startTrayApp({
    core,
    logger,
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    nativeTheme,
    iconDir: path.join(here, '../assets/tray'),
    platform: process.platform,
    openWindow: (page) => windows.show(page),
    openHistory: (request) => openHistoryWith({ handoff: historyFilter, windows }, request),
    launchAtLogin: () => launchAtLogin,
    setLaunchAtLogin: async (enabled) => {
      await setLaunchAtLogin(enabled);
      await settingsStore.save({ ...core.settings, ui: { ...core.settings.ui, launchAtLogin: enabled } });
      await core.applySettings(settingsStore.settings);
    },
    setMuted: async (restaurant, muted) => {
      await settingsStore.save(withMuted(core.settings, restaurant, muted));
      await core.applySettings(settingsStore.settings);
    },
    onRender: (state) => windows.broadcast('history:changed', { unread: state.unread }),
    diagnostics,
    about: () => showAbout({ dialog, version: app.getVersion(), updateState: () => updateState(), diagnostics, translator: core.language.translator }),
    quit,
  });
  // Another ui.language saved: the open windows switch at once (the tray menu re-renders on the core's change).
  core.language.onChange((t) => windows.broadcast('language:changed', { language: t.language }));
  if (app.isPackaged) {
    // Loaded only in a packaged app: electron-updater reads the app's update feed file, absent in development.
    const { default: electronUpdater } = await import('electron-updater');
    const autoUpdate = new AutoUpdate({
      updater: electronUpdater.autoUpdater,
      clock: systemClock,
      settings: core.settings.updates,
      logger,
      // An AppImage updates itself even if its resources came from the same unpacked tree as the deb.
      packageType: process.platform === 'linux' && !process.env.APPIMAGE ? linuxPackageType(process.resourcesPath) : undefined,
    });
    updateState = () => autoUpdate.state();
    autoUpdate.onUpdateReady(() => trayApp.setUpdateReady(() => void autoUpdate.restartToUpdate()));
    autoUpdate.start();
  }
  // Linux: Electron has no unlock-screen there; logind's Unlock and PrepareForSleep on the system bus stand in.
  const logindWake: Array<(wake: (reason: string) => void) => () => void> =
    process.platform === 'linux'
      ? [
          (wake) => {
            const watching = watchLogindWake({ onWake: wake, logger });
            return () => void watching.then((w) => w.stop());
          },
        ]
      : [];
  stopPowerEvents = watchPowerEvents({ powerMonitor, isOnline: () => net.isOnline(), reconnect: (reason) => core.reconnectAll(reason), wakeSources: logindWake });
  installE2eHooks(process.env, core, () => trayApp.snapshot());

  coreUp.open({ handleActivationUrl: (url) => void notifier.handleActivationUrl?.(url) });
  await core.start();
}
