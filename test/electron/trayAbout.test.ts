// Tray: "Mark all read" and "About Servicebell" (#15), on the real core with the tray and dialog doubles, and on the real
// composition root with the fake electron.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/core/log/logger.js';
import { aboutText } from '../../main/core/text/aboutText.js';
import { showAbout } from '../../main/electron/aboutDialog.js';
import { AutoUpdate, type UpdaterPort } from '../../main/electron/autoUpdate.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { startTrayApp, type TrayAppDeps } from '../../main/electron/trayApp.js';
import { ManualClock } from '../harness/manualClock.js';
import { waitUntil } from '../harness/wait.js';
import { startFakeApp } from './fakeApp.js';
import { FakeDialog, FakeTray, openCore } from './fakes.js';

const labels = (items: readonly MenuItemConstructorOptions[]): string[] => items.map((i) => (i.type === 'separator' ? '---' : (i.label ?? '')));
const item = (items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no "${label}" in ${labels(items).join(' | ')}`);
  return found;
};
const click = (i: MenuItemConstructorOptions): void => (i.click as unknown as (x: MenuItemConstructorOptions) => void)(i);
const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

function trayDeps(core: TrayAppDeps<MenuItemConstructorOptions[]>['core'], tray: FakeTray, extra: Partial<TrayAppDeps<MenuItemConstructorOptions[]>> = {}): TrayAppDeps<MenuItemConstructorOptions[]> {
  return {
    core, logger: silentLogger(), createTray: () => tray, buildMenu: (t) => t,
    nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
    iconDir: '/icons', platform: 'linux', openWindow: () => {}, launchAtLogin: () => false, setLaunchAtLogin: async () => {},
    onRender: () => {}, quit: () => {}, formatTime: hhmm, ...extra,
  };
}

describe('tray › Mark all read', () => {
  it('is disabled with nothing unread, enabled with unread alerts, and marks them all read in history', async () => {
    const core = await openCore({});
    const tray = new FakeTray();
    startTrayApp(trayDeps(core, tray));
    expect(item(tray.menu, 'Mark all read').enabled).toBe(false);
    for (const id of ['a', 'b', 'c']) await core.pipeline.ingest({ id, source: 'privmx', kind: 'threadNewMessage', title: `Kitchen ${id}`, body: 'x', receivedAt: Date.now() });
    await waitUntil(() => labels(tray.menu).includes('History… (3 unread)'), 2_000, 'three unread');
    expect(item(tray.menu, 'Mark all read').enabled).toBe(true);
    click(item(tray.menu, 'Mark all read'));
    await waitUntil(() => labels(tray.menu).includes('History…'), 2_000, 'nothing unread');
    expect(core.history.unreadCount()).toBe(0);
    expect(core.history.list().every((e) => e.read)).toBe(true);
    expect(item(tray.menu, 'Mark all read').enabled).toBe(false);
    await core.stop();
  });
});

describe('tray › About Servicebell', () => {
  it('shows the version and update state as text; "Copy diagnostics" there copies the bundle, Close does nothing', async () => {
    const core = await openCore({});
    const tray = new FakeTray();
    const dialog = new FakeDialog('Copy diagnostics');
    const copied: string[] = [];
    const diagnostics = createDiagnosticsActions({
      clipboard: { writeText: async (text: string) => void copied.push(text) },
      dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
      collect: async () => 'version: 1.4.0 (tray app)',
      defaultDir: '/tmp',
    });
    startTrayApp(trayDeps(core, tray, {
      diagnostics,
      about: () => showAbout({ dialog, version: '1.4.0', updateState: () => ({ kind: 'ready', version: '1.5.0' }), diagnostics, formatTime: hhmm }),
    }));
    expect(labels(tray.menu).slice(-3)).toEqual(['About Servicebell', '---', 'Quit Servicebell']);
    click(item(tray.menu, 'About Servicebell'));
    await waitUntil(() => copied.length === 1, 2_000, 'the copied bundle');
    expect(dialog.boxes[0]).toMatchObject({
      type: 'info', title: 'About Servicebell', message: 'Servicebell 1.4.0',
      buttons: ['Copy diagnostics', 'Save diagnostics…', 'Close'], defaultId: 2, cancelId: 2, noLink: true,
    });
    expect(dialog.boxes[0]?.detail).toBe(
      'Updates: version 1.5.0 is downloaded. Choose "Restart to update" in the tray menu to install it.\n\n' +
        'If something does not work, copy or save the diagnostics and send them to your IT contact. They contain no passwords or keys.',
    );
    expect(copied).toEqual(['version: 1.4.0 (tray app)']);

    dialog.pick = 'Close';
    click(item(tray.menu, 'About Servicebell'));
    await waitUntil(() => dialog.boxes.length === 2, 2_000, 'the second box');
    await new Promise((r) => setTimeout(r, 20));
    expect(copied).toHaveLength(1);
    await core.stop();
  });

  it('names every update state in plain words, from the updater itself', async () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 3, 9, 15));
    const listeners = new Map<string, (arg: never) => void>();
    let checks: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
    const updater: UpdaterPort = {
      allowDowngrade: false, allowPrerelease: false, autoDownload: false, autoInstallOnAppQuit: false, logger: null,
      setFeedURL: () => {}, quitAndInstall: () => {},
      checkForUpdates: () => new Promise<unknown>((resolve, reject) => void checks.push({ resolve: () => resolve(undefined), reject })),
      on: (event: string, listener: (arg: never) => void) => listeners.set(event, listener),
    };
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const text = (u: AutoUpdate): string => aboutText.update(u.state(), hhmm);

    const off = new AutoUpdate({ updater, clock, logger: log, settings: { enabled: false, allowPrerelease: false } });
    off.start();
    expect(text(off)).toBe('Updates: turned off by your administrator.');
    const deb = new AutoUpdate({ updater, clock, logger: log, settings: { enabled: true, allowPrerelease: false }, packageType: 'deb' });
    deb.start();
    expect(text(deb)).toMatch(/^Updates: installed as a system package/);
    expect(aboutText.update({ kind: 'off', why: 'development' }, hhmm)).toBe('Updates: this is a development build; it does not update itself.');

    const on = new AutoUpdate({ updater, clock, logger: log, settings: { enabled: true, allowPrerelease: false } });
    on.start();
    expect(text(on)).toBe('Updates: on; checking for a new version.');
    checks[0]?.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await waitUntil(() => 'lastCheck' in on.state(), 2_000, 'the failed check');
    expect(text(on)).toBe('Updates: on; the last check at 09:15 could not reach the update server. It tries again daily.');
    checks = [];
    clock.advance(24 * 3600_000);
    checks[0]?.resolve();
    await waitUntil(() => text(on).includes('last checked'), 2_000, 'the good check');
    expect(text(on)).toBe('Updates: on; last checked at 09:15, checked again daily.');
    (listeners.get('update-downloaded') as unknown as (info: { version: string }) => void)({ version: '1.5.0' });
    expect(text(on)).toMatch(/^Updates: version 1\.5\.0 is downloaded/);
    on.stop();
  });

  it('on the real composition root: the tray has About Servicebell; its box is a real-shaped message box and Copy diagnostics copies', async () => {
    const app = startFakeApp([], { SB_FAKE_MESSAGE_BOX_BUTTON: 'Copy diagnostics' });
    try {
      await app.waitFor((l) => l.kind === 'menu' && (l.labels as string[]).includes('About Servicebell'), 'the About item');
      app.send('menu About Servicebell');
      const box = await app.waitFor((l) => l.kind === 'messageBox', 'the message box');
      expect(box).toMatchObject({ type: 'info', title: 'About Servicebell', message: 'Servicebell 0.0.0-test', buttons: ['Copy diagnostics', 'Save diagnostics…', 'Close'] });
      expect(String(box.detail)).toMatch(/^Updates: this is a development build; it does not update itself\./);
      const clip = await app.waitFor((l) => l.kind === 'clipboard', 'the clipboard write');
      expect(String(clip.text)).toContain('version: 0.0.0-test (tray app)');
      // The connections as the tray words them, with their state and detail (#15.4).
      expect(String(clip.text)).toMatch(/== connections now \(what the tray says \[state: technical detail\]\) ==\n(Vonage|PrivMX|MQTT|ntfy): .* \[[a-z_]+(: .*)?\]\n/);
    } finally {
      await app.kill();
    }
  });
});
