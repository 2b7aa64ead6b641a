// Real Debian Chromium (playwright-core) showing the real pages, wired to a real core: settings file via the
// electron-store code path (conf), secrets in the test session's keychain via keytar, history on disk.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { createKeychain } from '../../main/core/secrets/keychain.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { openSettingsStore, type SettingsStore } from '../../main/electron/electronSettingsStore.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { collectDiagnostics } from '../../main/core/diagnostics/collectDiagnostics.js';
import { dispatch, isTrustedSenderUrl } from '../../main/electron/ipcHandlers.js';
import { eventContract, type Channel, type HistoryFilter } from '../../preload/contract.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { buildBundles } from '../../scripts/buildBundles.mjs';
import { startPageServer, type PageServer } from './pageServer.js';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const noEnv = { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' };

export const tempDir = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), prefix));

export interface Browser {
  context: BrowserContext;
  server: PageServer;
  shim: string;
  close(): Promise<void>;
}

/** `timezoneId`: the pages' local time zone (default UTC). */
export async function startBrowser(options: { timezoneId?: string } = {}): Promise<Browser> {
  const out = tempDir('sb-bundles-');
  await buildBundles(out, { preload: false });
  const shimBuild = await build({ entryPoints: ['test/renderer/bridgeShim.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' });
  const shim = shimBuild.outputFiles[0]?.text ?? '';
  const server = await startPageServer([path.join(out, 'renderer/static'), 'renderer/static'], 'test/renderer/fixtures');
  const context = await chromium.launchPersistentContext(tempDir('sb-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: 'en-GB',
    timezoneId: options.timezoneId ?? 'UTC',
    viewport: { width: 760, height: 900 },
  });
  return { context, server, shim, close: async () => (await context.close(), await server.close()) };
}

export interface AppUnderTest {
  core: ServicebellCore;
  store: SettingsStore;
  secrets: SecretResolver;
  opened: string[];
  /** What "Copy diagnostics" put on the clipboard (Electron's clipboard.writeText stands in as a recorder). */
  clipboard: string[];
  dataDir: string;
  stop(): Promise<void>;
}

export async function startApp(): Promise<AppUnderTest> {
  const dataDir = tempDir('sb-app-');
  const store = await openSettingsStore({ dataDir, openFile: ({ name, cwd, configFileMode }) => new Conf<Record<string, unknown>>({ configName: name, cwd, configFileMode }) });
  const secrets = new SecretResolver({ env: noEnv, keychain: createKeychain(), keychainUsable: true, logger: silentLogger() });
  const opened: string[] = [];
  const core = await ServicebellCore.open({
    settings: store.settings,
    dataDir,
    notifier: new RecordingNotifier(),
    opener: { open: async (url) => void opened.push(url) },
    getSecret: (name) => secrets.get(name),
    logger: silentLogger(),
    sources: [],
  });
  return { core, store, secrets, opened, clipboard: [], dataDir, stop: () => core.stop() };
}

export interface PageOptions {
  dark?: boolean;
  probe?: boolean;
  /** The page's clock stands still at this time (Date.now and new Date; timers still run). */
  now?: number;
  /** The page runs on a fake clock from this time, moved on by the test (`page.clock.fastForward`). */
  fakeClockFrom?: number;
  /** The filter History was opened with (what main hands over once, as after a click on a summary). */
  historyFilter?: HistoryFilter;
  /** Viewport size (the context's default is 760×900). */
  viewport?: { width: number; height: number };
}

/** Opens a page with the bridge installed; requests are validated and sender-checked exactly as in main. */
export async function openPage(browser: Browser, app: AppUnderTest, name: 'settings' | 'history', options: PageOptions = {}): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
  if (options.viewport) await page.setViewportSize(options.viewport);
  if (options.now !== undefined) await page.clock.setFixedTime(options.now);
  if (options.fakeClockFrom !== undefined) await page.clock.install({ time: options.fakeClockFrom });
  let handoff: HistoryFilter | null = options.historyFilter ?? null;
  const handlers = createIpcApi({
    core: app.core,
    secrets: app.secrets,
    saveSettings: (s) => app.store.save(s),
    setLaunchAtLogin: async () => {},
    probes: [],
    diagnostics: createDiagnosticsActions({
      clipboard: { writeText: async (text) => void app.clipboard.push(text) },
      dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
      defaultDir: app.dataDir,
      collect: () =>
        collectDiagnostics({
          version: '0.0.0-test',
          mode: 'tray app',
          settingsFile: app.store.file,
          settings: app.core.settings,
          settingsLine: { name: 'settings', ok: true, detail: 'valid' },
          secrets: app.secrets,
          probes: [],
          logDir: path.join(app.dataDir, 'logs'),
        }),
    }),
    takeHistoryFilter: () => {
      const taken = handoff;
      handoff = null;
      return taken;
    },
  });
  await page.exposeBinding('__servicebellInvoke', async (source, channel: Channel, payload: unknown) => {
    if (!isTrustedSenderUrl(source.frame.url(), browser.server.origin)) throw new Error('foreign sender');
    return dispatch(handlers, channel, payload);
  });
  await page.addInitScript({ content: browser.shim });
  const off = app.core.history.onChange(() => {
    const unread = app.core.history.unreadCount();
    page.evaluate((u) => (window as unknown as { __servicebellEmit(c: string, p: unknown): void }).__servicebellEmit('history:changed', { unread: u }), unread).catch(() => {});
  });
  // Main tells every window when the language changes (Settings saved with another ui.language).
  const offLanguage = app.core.language.onChange((t) => {
    page.evaluate((language) => (window as unknown as { __servicebellEmit(c: string, p: unknown): void }).__servicebellEmit('language:changed', { language }), t.language).catch(() => {});
  });
  page.on('close', () => {
    off();
    offLanguage();
  });
  await page.goto(`${browser.server.origin}/${name}.html${options.probe ? '?probe=1' : ''}`);
  return page;
}

/** Main pushing a filter to an open History window (a summary clicked while it is open), validated as the event is. */
export async function pushHistoryFilter(page: Page, filter: HistoryFilter): Promise<void> {
  const payload = eventContract['history:filter'].parse(filter);
  await page.evaluate((p) => (window as unknown as { __servicebellEmit(c: string, p: unknown): void }).__servicebellEmit('history:filter', p), payload);
}

/** Presses Tab until `selector` has focus (keyboard-only navigation), failing after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Shows a section of the settings window by clicking its tab. */
export async function section(page: Page, name: 'Notifications' | 'Restaurants and connections' | 'Rules' | 'Advanced'): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}
