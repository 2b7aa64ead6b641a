// A click on a summary notification (macOS: Electron's `click`; Windows: the toast's protocol launch) opens History
// filtered to what the summary held: taken once by the page as it loads, or pushed to a History window already open.
import os from 'node:os';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { Channels } from '../../preload/contract.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { ElectronNotifier } from '../../main/electron/electronNotifier.js';
import { HistoryFilterHandoff, openHistoryWith } from '../../main/electron/historyFilterHandoff.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { registerIpcHandlers } from '../../main/electron/ipcHandlers.js';
import { ToastTokens } from '../../main/electron/toastActivation.js';
import { startTrayApp } from '../../main/electron/trayApp.js';
import { WindowFactory } from '../../main/electron/windows.js';
import { waitUntil } from '../harness/wait.js';
import { FakeBrowserWindow, FakeIpcMain, FakeNotification, FakeTray, openCore } from './fakes.js';

const HISTORY_PAGE = 'app://servicebell/history.html';

beforeEach(() => {
  FakeNotification.created = [];
  FakeNotification.supported = true;
  FakeNotification.autoShow = true;
  FakeNotification.failNext = 0;
  FakeBrowserWindow.created = [];
});

/** The tray app's wiring of main/index.ts: notifier → core → tray → History window, and IPC for the page. */
async function app(platform: 'darwin' | 'win32') {
  const notifier = new ElectronNotifier({ Notification: FakeNotification, platform, tokens: await ToastTokens.open(undefined) });
  // Orders, 3 in 1 s: the fourth is held for a summary a second later.
  const core = await openCore({ notifier, settings: { notifications: { burst: { count: 3, windowSeconds: 1 } } } });
  const windows = new WindowFactory({ BrowserWindow: FakeBrowserWindow, preloadPath: 'p' });
  const handoff = new HistoryFilterHandoff();
  const ipcMain = new FakeIpcMain();
  const diagnostics = createDiagnosticsActions({
    clipboard: { writeText: async () => {} },
    dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
    defaultDir: os.tmpdir(),
    collect: async () => '',
  });
  const secrets = new SecretResolver({ env: {}, keychainUsable: false, logger: silentLogger() });
  const handlers = createIpcApi({ core, secrets, saveSettings: async () => {}, setLaunchAtLogin: async () => {}, probes: [], diagnostics, takeHistoryFilter: () => handoff.take() });
  registerIpcHandlers({ ipcMain, handlers, trustedOrigin: 'app://servicebell' });
  startTrayApp({
    core,
    logger: silentLogger(),
    createTray: () => new FakeTray(),
    buildMenu: (t: MenuItemConstructorOptions[]) => t,
    nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
    iconDir: '/icons',
    platform,
    openWindow: (page) => windows.show(page),
    openHistory: (request) => openHistoryWith({ handoff, windows }, request),
    launchAtLogin: () => false,
    setLaunchAtLogin: async () => {},
    onRender: () => {},
    quit: () => {},
  });
  let n = 0;
  /** Four orders at once: three shown, one summarised; resolves with the summary's notification. */
  const burst = async (): Promise<{ notification: FakeNotification; held: string }> => {
    const before = FakeNotification.created.length;
    const ids = [0, 1, 2, 3].map(() => `o${n++}`);
    for (const id of ids) await core.pipeline.ingest({ id, source: 'mqtt', kind: 'order', title: 'New order', body: id, receivedAt: Date.now() });
    await waitUntil(() => FakeNotification.created.length === before + 4, 5_000, 'the summary');
    const notification = FakeNotification.created.at(-1);
    if (!notification) throw new Error('no summary');
    return { notification, held: ids[3] ?? '' };
  };
  const take = (): Promise<unknown> => ipcMain.invoke(Channels.historyTakeFilter, {}, HISTORY_PAGE);
  return { core, notifier, burst, take };
}

describe('a click on a summary opens History filtered to it (fake Electron)', () => {
  it('macOS: the click opens History; the page takes the filter once; a later click reaches the open window as an event', async () => {
    const { core, burst, take } = await app('darwin');
    const first = await burst();
    expect(first.notification.options).toMatchObject({ title: '1 new order', body: '1 order' });
    expect(FakeBrowserWindow.created).toHaveLength(0);
    first.notification.emit('click', {});
    await waitUntil(() => FakeBrowserWindow.created.length === 1, 2_000, 'the History window');
    const win = FakeBrowserWindow.created[0];
    expect(win?.url).toBe(HISTORY_PAGE);
    const filter = await take();
    expect(filter).toEqual({ keys: [{ restaurant: 'default', source: 'mqtt', id: first.held }], label: expect.stringMatching(/^1 order from \d\d:\d\d$/) });
    expect(await take()).toBeNull();
    expect(win?.webContents.sent).toEqual([]);

    // History is open now: the next summary's click focuses it and pushes the filter.
    await new Promise((r) => setTimeout(r, 1_100)); // the burst window passes
    const second = await burst();
    second.notification.emit('click', {});
    await waitUntil(() => (win?.webContents.sent.length ?? 0) === 1, 2_000, 'the history:filter event');
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(win?.focused).toBe(1);
    const secondFilter = { keys: [{ restaurant: 'default', source: 'mqtt', id: second.held }], label: expect.stringMatching(/^1 order from /) };
    expect(win?.webContents.sent[0]).toEqual({ channel: 'history:filter', payload: secondFilter });
    // A page still loading (it missed the event) takes it instead; once only.
    expect(await take()).toEqual(secondFilter);
    expect(await take()).toBeNull();

    // A loaded page never asks again: what waits is dropped with its window, so History… opens unfiltered later.
    await new Promise((r) => setTimeout(r, 1_100));
    const third = await burst();
    third.notification.emit('click', {});
    await waitUntil(() => (win?.webContents.sent.length ?? 0) === 2, 2_000, 'the second history:filter event');
    win?.destroy();
    expect(await take()).toBeNull();
    await core.stop();
  });

  it('Windows: the toast body’s protocol launch of a summary opens History with its filter', async () => {
    const { core, notifier, burst, take } = await app('win32');
    const { notification, held } = await burst();
    const launch = /<toast launch="([^"]+)"/.exec(notification.options.toastXml ?? '')?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(await notifier.handleActivationUrl(launch)).toBe(true);
    await waitUntil(() => FakeBrowserWindow.created.length === 1, 2_000, 'the History window');
    expect(await take()).toMatchObject({ keys: [{ restaurant: 'default', source: 'mqtt', id: held }] });
    await core.stop();
  });
});

describe('openHistoryWith', () => {
  it('a filter that fails the contract is not handed over: History opens unfiltered', () => {
    const windows = new WindowFactory({ BrowserWindow: FakeBrowserWindow, preloadPath: 'p' });
    const handoff = new HistoryFilterHandoff();
    openHistoryWith({ handoff, windows }, { keys: [{ restaurant: 'default', source: 'mqtt', id: 'x' }], label: 'x'.repeat(201) });
    expect(FakeBrowserWindow.created.map((w) => w.url)).toEqual([HISTORY_PAGE]);
    expect(handoff.take()).toBeNull();
    openHistoryWith({ handoff, windows }, { keys: [{ restaurant: 'default', source: 'mqtt', id: '' }], label: 'ok' });
    expect(FakeBrowserWindow.created[0]?.webContents.sent).toEqual([]);
    expect(handoff.take()).toBeNull();
  });
});
