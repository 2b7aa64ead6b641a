import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { SourceStatus } from '../../main/core/sources/source.js';
import { TrayController, panelShade, trayIconFile, type PanelTheme } from '../../main/electron/trayController.js';
import { REPO } from '../packaging/packStage.js';
import { nextMorning } from '../../main/core/alerts/pauseUntil.js';
import { buildTrayMenuTemplate, trayIconState, type TrayActions, type TrayState } from '../../main/electron/trayMenu.js';
import { bindTrayToCore, collectTrayState } from '../../main/electron/trayState.js';
import { startTrayApp } from '../../main/electron/trayApp.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { FakeTray, openCore } from './fakes.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { waitUntil } from '../harness/wait.js';

const at = 1_700_000_000_000;
const status = (source: SourceStatus['source'], state: SourceStatus['state'], detail?: string): SourceStatus => ({ source, restaurant: 'default', state, detail, at });
const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
/** Wall-clock HH:MM in the machine's zone, as a 24-hour locale shows it. */
const localHhmm = (ms: number): string => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

function actions(): TrayActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    join: (k) => calls.push(`join ${k.source}/${k.id}`),
    pause: (c) => calls.push(`pause ${c}`),
    resume: () => calls.push('resume'),
    openHistory: () => calls.push('history'),
    openSettings: () => calls.push('settings'),
    setLaunchAtLogin: (on) => calls.push(`login ${on}`),
    restartToUpdate: () => calls.push('restart'),
    quit: () => calls.push('quit'),
  };
}

function baseState(overrides: Partial<TrayState> = {}): TrayState {
  return {
    statuses: [status('vonage', 'connected'), status('privmx', 'connected')],
    dnd: { active: false },
    unread: 0,
    recent: [],
    launchAtLogin: false,
    updateReady: false,
    ...overrides,
  };
}

const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((i) => (i.type === 'separator' ? '---' : (i.label ?? '')));
const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}" in ${labels(items).join(' | ')}`);
  return item;
};
const click = (item: MenuItemConstructorOptions): void => (item.click as unknown as (i: MenuItemConstructorOptions) => void)(item);

describe('tray icon state', () => {
  it('is connected, degraded, offline or dnd', () => {
    expect(trayIconState([status('vonage', 'connected'), status('privmx', 'disabled')], { active: false })).toBe('connected');
    expect(trayIconState([status('vonage', 'connected'), status('privmx', 'reconnecting')], { active: false })).toBe('degraded');
    expect(trayIconState([status('vonage', 'auth_failed')], { active: false })).toBe('degraded');
    expect(trayIconState([status('vonage', 'offline'), status('privmx', 'connecting')], { active: false })).toBe('offline');
    expect(trayIconState([status('vonage', 'disabled')], { active: false })).toBe('offline');
    expect(trayIconState([status('vonage', 'connected')], { active: true, reason: 'paused', until: null })).toBe('dnd');
  });
});

describe('tray menu template', () => {
  it('all connected: status lines, pause submenu, history, settings, launch at login, quit', () => {
    const items = buildTrayMenuTemplate(baseState(), actions(), localHhmm, new Date(2026, 4, 12, 0, 30).getTime());
    expect(labels(items)).toEqual([
      'Servicebell: All connected', 'Vonage: connected', 'PrivMX: connected', '---',
      'Pause notifications', 'Resume notifications', '---', 'History…', 'Settings…', 'Launch at login', '---', 'Quit Servicebell',
    ]);
    expect(find(items, 'Vonage: connected').enabled).toBe(false);
    expect(find(items, 'Resume notifications').enabled).toBe(false);
    expect(labels(find(items, 'Pause notifications').submenu as MenuItemConstructorOptions[])).toEqual(['For 30 minutes', 'For 1 hour', 'Until 06:00']);
  });

  it('degraded: shows each source with its last error', () => {
    const state = baseState({ statuses: [status('vonage', 'auth_failed', 'backend refused the token (401)'), status('privmx', 'connected')] });
    const items = labels(buildTrayMenuTemplate(state, actions(), hhmm));
    expect(items[0]).toBe('Servicebell: Some connections need attention');
    expect(items).toContain('Vonage: the server refused the sign-in: check its key or password in Settings');
  });

  it('each problem is a plain sentence with the technical detail in a submenu behind it', () => {
    const state = baseState({ statuses: [status('mqtt', 'reconnecting', 'connect ECONNREFUSED 127.0.0.1:8443; retrying in 4 s'), status('privmx', 'connected', 'subscribed to thread')] });
    const items = buildTrayMenuTemplate(state, actions(), hhmm);
    const line = find(items, "MQTT: can't reach the server — retrying");
    expect(labels(line.submenu as MenuItemConstructorOptions[])).toEqual(['Details: connect ECONNREFUSED 127.0.0.1:8443; retrying in 4 s']);
    expect((line.submenu as MenuItemConstructorOptions[])[0]?.enabled).toBe(false);
    // A connected line has nothing behind it and cannot be clicked.
    expect(find(items, 'PrivMX: connected')).toEqual({ label: 'PrivMX: connected', enabled: false });
    const long = status('vonage', 'offline', `x${'y'.repeat(200)}`);
    const detail = find(buildTrayMenuTemplate(baseState({ statuses: [long] }), actions(), hhmm), 'Vonage: not connected').submenu as MenuItemConstructorOptions[];
    expect(detail.map((d) => String(d.label).length)).toEqual([80, 80, 50]);
  });

  it('the MQTT and ntfy sources by their names', () => {
    const state = baseState({ statuses: [status('mqtt', 'reconnecting', 'connection lost: keepalive timeout'), status('ntfy', 'auth_failed', 'not allowed to read topic r2-alerts (403)')] });
    const items = labels(buildTrayMenuTemplate(state, actions(), hhmm));
    expect(items.slice(1, 3)).toEqual([
      "MQTT: can't reach the server — retrying", 'ntfy: the server refused the sign-in: check its key or password in Settings',
    ]);
  });

  it('offline with reconnecting sources', () => {
    const state = baseState({ statuses: [status('vonage', 'reconnecting', 'socket closed'), status('privmx', 'offline', 'ECONNREFUSED')] });
    const items = labels(buildTrayMenuTemplate(state, actions(), hhmm));
    expect(items.slice(0, 3)).toEqual(['Servicebell: Offline', "Vonage: can't reach the server — retrying", "PrivMX: can't reach the server"]);
  });

  it('paused: says until when, and Resume is enabled and resumes', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(baseState({ dnd: { active: true, reason: 'paused', until: Date.UTC(2024, 0, 1, 14, 30) } }), a, hhmm);
    expect(labels(items)).toContain('Notifications paused until 14:30');
    expect(labels(items)[0]).toBe('Servicebell: Notifications paused');
    const resume = find(items, 'Resume notifications');
    expect(resume.enabled).toBe(true);
    click(resume);
    for (const item of find(items, 'Pause notifications').submenu as MenuItemConstructorOptions[]) click(item);
    expect(a.calls).toEqual(['resume', 'pause 30', 'pause 60', 'pause morning']);
  });

  it('quiet hours are shown but are not resumable from the menu', () => {
    const items = buildTrayMenuTemplate(baseState({ dnd: { active: true, reason: 'quiet_hours', until: Date.UTC(2024, 0, 2, 7, 0) } }), actions(), hhmm);
    expect(labels(items)).toContain('Quiet hours until 07:00');
    expect(find(items, 'Resume notifications').enabled).toBe(false);
  });

  it('lists the last five alerts; one with an allowed link joins, others open the history', () => {
    const a = actions();
    const recent = Array.from({ length: 7 }, (_, i) => ({ restaurant: 'default', source: 'vonage', id: `a${i}`, title: `Table ${i} needs help`, receivedAt: Date.UTC(2024, 0, 1, 12, i), canJoin: i === 0 }));
    const items = buildTrayMenuTemplate(baseState({ recent, unread: 3 }), a, hhmm);
    const shown = labels(items).filter((l) => l.includes('Table'));
    expect(shown).toEqual(['12:00  Table 0 needs help  (Join)', '12:01  Table 1 needs help', '12:02  Table 2 needs help', '12:03  Table 3 needs help', '12:04  Table 4 needs help']);
    click(find(items, '12:00  Table 0 needs help  (Join)'));
    click(find(items, '12:01  Table 1 needs help'));
    click(find(items, 'History… (3 unread)'));
    click(find(items, 'Settings…'));
    expect(a.calls).toEqual(['join vonage/a0', 'history', 'history', 'settings']);
  });

  it('launch at login is a checkbox; Quit calls quit; Restart to update appears only when an update is ready', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(baseState({ launchAtLogin: true }), a, hhmm);
    const login = find(items, 'Launch at login');
    expect(login).toMatchObject({ type: 'checkbox', checked: true });
    click({ ...login, checked: false });
    click(find(items, 'Quit Servicebell'));
    expect(labels(items)).not.toContain('Restart to update');
    const ready = buildTrayMenuTemplate(baseState({ updateReady: true }), a, hhmm);
    click(find(ready, 'Restart to update'));
    const { restartToUpdate: _none, ...withoutUpdater } = a;
    expect(labels(buildTrayMenuTemplate(baseState({ updateReady: true }), withoutUpdater, hhmm))).not.toContain('Restart to update');
    expect(a.calls).toEqual(['login false', 'quit', 'restart']);
  });

  it('"Until 06:00" names the next morning by its time, in the evening and after midnight alike', () => {
    for (const now of [new Date(2024, 4, 10, 22, 15).getTime(), new Date(2024, 4, 11, 0, 30).getTime()]) {
      const pause = find(buildTrayMenuTemplate(baseState(), actions(), localHhmm, now), 'Pause notifications');
      expect(labels(pause.submenu as MenuItemConstructorOptions[])[2]).toBe('Until 06:00');
    }
  });
});

describe('TrayController', () => {
  it('sets icon variant, tooltip and menu; macOS gets a template image and the unread count as title', () => {
    const tray = new FakeTray();
    const a = actions();
    const build = vi.fn((t: MenuItemConstructorOptions[]) => t);
    const windows = new TrayController({ tray, buildMenu: build, actions: a, iconDir: '/icons', platform: 'win32', panel: () => 'dark', formatTime: hhmm });
    windows.update(baseState({ unread: 2 }));
    expect(tray.image).toBe(path.join('/icons', 'tray-connected-unread-dark.png'));
    expect(tray.tooltip).toBe('Servicebell: All connected (2 unread)');
    expect(tray.title).toBe('');
    expect(labels(tray.menu)).toContain('History… (2 unread)');
    tray.emit('click');
    expect(a.calls).toEqual(['history']);

    const macTray = new FakeTray();
    const mac = new TrayController({ tray: macTray, buildMenu: build, actions: a, iconDir: '/icons', platform: 'darwin', panel: () => 'light' });
    mac.update(baseState({ unread: 4, dnd: { active: true, reason: 'paused', until: null } }));
    expect(macTray.image).toBe(path.join('/icons', 'tray-dndTemplate.png'));
    expect(macTray.title).toBe('4');
    expect(trayIconFile('/icons', 'win32', 'offline', 0, 'light')).toBe(path.join('/icons', 'tray-offline-light.png'));
  });

  it('macOS: a click opens the menu there, so it does not also open History; Windows and Linux: a click opens History', () => {
    const a = actions();
    const build = (t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => t;
    const macTray = new FakeTray();
    new TrayController({ tray: macTray, buildMenu: build, actions: a, iconDir: '/icons', platform: 'darwin', panel: () => 'light' }).update(baseState());
    macTray.emit('click');
    expect(a.calls).toEqual([]);
    for (const platform of ['win32', 'linux'] as const) {
      const tray = new FakeTray();
      new TrayController({ tray, buildMenu: build, actions: a, iconDir: '/icons', platform, panel: () => 'any' }).update(baseState());
      tray.emit('click');
    }
    expect(a.calls).toEqual(['history', 'history']);
  });

  it('the glyph follows the panel each platform has: Windows the system colours, Linux one glyph for both, macOS a template', () => {
    const theme = (app: boolean, system: boolean): PanelTheme => ({ shouldUseDarkColors: app, shouldUseDarkColorsForSystemIntegratedUI: system });
    // Windows with a light app theme and a dark taskbar (the default in Windows 11's "custom" mode): a light glyph.
    expect(panelShade('win32', theme(false, true))).toBe('dark');
    expect(panelShade('win32', theme(true, false))).toBe('light');
    // GNOME's top bar is dark in light mode: no signal to follow, so a glyph that reads on both.
    expect(panelShade('linux', theme(false, false))).toBe('any');
    expect(panelShade('linux', theme(true, true))).toBe('any');
    expect(trayIconFile('/icons', 'linux', 'degraded', 3, 'any')).toBe(path.join('/icons', 'tray-degraded-unread-any.png'));
    // Every variant the app can ask for is shipped.
    const iconDir = path.join(REPO, 'assets/tray');
    for (const state of ['connected', 'degraded', 'offline', 'dnd'] as const) {
      for (const panel of ['light', 'dark', 'any'] as const) {
        for (const unread of [0, 1]) expect(existsSync(trayIconFile(iconDir, 'win32', state, unread, panel)), `${state} ${panel} ${unread}`).toBe(true);
      }
      expect(existsSync(trayIconFile(iconDir, 'darwin', state, 0, 'any'))).toBe(true);
    }
  });

  it('startTrayApp on Windows picks the glyph by the taskbar signal and re-renders when it changes', async () => {
    const core = await openCore({});
    const tray = new FakeTray();
    const theme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true });
    startTrayApp({
      core,
      logger: silentLogger(),
      createTray: (image) => ((tray.image = image), tray),
      buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: theme,
      iconDir: '/icons',
      platform: 'win32',
      openWindow: () => {},
      launchAtLogin: () => false,
      setLaunchAtLogin: async () => {},
      onRender: () => {},
      quit: () => {},
    });
    expect(tray.image).toBe(path.join('/icons', 'tray-offline-dark.png'));
    theme.shouldUseDarkColorsForSystemIntegratedUI = false;
    theme.emit('updated');
    expect(tray.image).toBe(path.join('/icons', 'tray-offline-light.png'));
    await core.stop();
  });

  it('is rebuilt from the real core when history and status change', async () => {
    const core = await openCore({});
    const renders: TrayState[] = [];
    const binding = bindTrayToCore({ core, render: (s) => renders.push(s), launchAtLogin: () => false, updateReady: () => true, setInterval: () => ({}), clearInterval: () => {} });
    expect(renders).toHaveLength(1);
    await core.pipeline.ingest({ id: 'x1', source: 'vonage', kind: 'support', title: 'Table 4', body: 'help', link: 'https://meet.vonage.com/r/1', receivedAt: at });
    await new Promise((r) => setTimeout(r, 10));
    const last = renders.at(-1);
    expect(last?.unread).toBe(1);
    expect(last?.recent[0]).toMatchObject({ id: 'x1', canJoin: true });
    expect(last?.updateReady).toBe(true);
    binding.stop();
    await core.stop();
  });

  it('shows every data file that was moved aside (a corrupt state.json) in the status part of the menu', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-tray-state-'));
    writeFileSync(path.join(dataDir, 'state.json'), 'not json');
    const core = await openCore({ dataDir });
    const tray = new FakeTray();
    startTrayApp({
      core,
      logger: silentLogger(),
      createTray: (image) => ((tray.image = image), tray),
      buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons',
      platform: 'linux',
      openWindow: () => {},
      launchAtLogin: () => false,
      setLaunchAtLogin: async () => {},
      onRender: () => {},
      quit: () => {},
    });
    const line = labels(tray.menu).find((l) => l.includes('state.json'));
    expect(line).toMatch(/^Data: state\.json was unreadable; moved aside/);
    const statusPart = labels(tray.menu).slice(0, labels(tray.menu).indexOf('---'));
    expect(statusPart).toContain(line);
    expect(core.storageProblems()).toEqual([expect.objectContaining({ file: 'state.json', state: 'moved_aside' })]);
    await core.stop();
  });

  it('a click on the caught-up backlog summary opens the History window', async () => {
    const notifier = new RecordingNotifier();
    const core = await openCore({ notifier });
    const opened: string[] = [];
    startTrayApp({
      core,
      logger: silentLogger(),
      createTray: () => new FakeTray(),
      buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons',
      platform: 'linux',
      openWindow: (page) => opened.push(page),
      launchAtLogin: () => false,
      setLaunchAtLogin: async () => {},
      onRender: () => {},
      quit: () => {},
    });
    const missed = Array.from({ length: 4 }, (_, i) => ({ id: `old-${i}`, source: 'vonage' as const, kind: 'support_request', title: 'Support request', body: `guest ${i}`, receivedAt: at }));
    await core.pipeline.ingestBacklog(missed);
    await waitUntil(() => notifier.shown.length === 1, 2_000, 'the backlog summary');
    expect(notifier.shown[0]?.body).toBe('Missed while offline: 4 support requests (see History)');
    // The 4 alerts and the summary's own entry (read: the 4 are the unread ones).
    expect(core.history.size).toBe(5);
    expect(core.history.unreadCount()).toBe(4);
    // The tray's recent alerts are the alerts, not the summary's own entry.
    expect(collectTrayState(core, { launchAtLogin: false, updateReady: false, now: Date.now() }).recent.map((r) => r.id).sort()).toEqual(['old-0', 'old-1', 'old-2', 'old-3']);
    notifier.activate({ key: notifier.shown[0]?.key ?? '', action: 'default' });
    expect(opened).toEqual(['history']);
    await core.stop();
  });

  it('Pause › Until 06:00 at 00:30 pauses the real core until 06:00 that morning (5.5 h), not the next day', async () => {
    const core = await openCore({});
    const tray = new FakeTray();
    const now = new Date(2026, 4, 12, 0, 30).getTime();
    startTrayApp({
      core,
      logger: silentLogger(),
      createTray: () => tray,
      buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons',
      platform: 'linux',
      openWindow: () => {},
      launchAtLogin: () => false,
      setLaunchAtLogin: async () => {},
      onRender: () => {},
      quit: () => {},
      now: () => now,
      formatTime: localHhmm,
    });
    click(find(find(tray.menu, 'Pause notifications').submenu as MenuItemConstructorOptions[], 'Until 06:00'));
    await waitUntil(() => core.dnd.state(now).active, 2_000, 'the pause');
    expect(core.dnd.state(now)).toEqual({ active: true, reason: 'paused', until: nextMorning(now) });
    expect(nextMorning(now) - now).toBe(5.5 * 3600_000);
    await waitUntil(() => labels(tray.menu).includes('Notifications paused until 06:00'), 2_000, 'the paused line');
    await core.stop();
  });

  it('startTrayApp: renders from the core and offers "Restart to update" once the updater says so', async () => {
    const core = await openCore({});
    const tray = new FakeTray();
    let restarted = 0;
    const app = startTrayApp({
      core,
      logger: silentLogger(),
      createTray: (image) => ((tray.image = image), tray),
      buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons',
      platform: 'linux',
      openWindow: () => {},
      launchAtLogin: () => false,
      setLaunchAtLogin: async () => {},
      onRender: () => {},
      quit: () => {},
    });
    expect(app.snapshot()?.icon).toBe('offline');
    expect(labels(tray.menu)).not.toContain('Restart to update');
    app.setUpdateReady(() => restarted++);
    await new Promise((r) => setTimeout(r, 10));
    click(find(tray.menu, 'Restart to update'));
    expect(restarted).toBe(1);
    await core.stop();
  });
});
