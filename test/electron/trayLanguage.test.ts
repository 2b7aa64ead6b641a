// The tray speaks the staff's language (#16): Polish and German menus, tooltips, connection lines, Mute and About, times
// through the translator, and a language switch (Settings saved with another ui.language) relabels the menu at once.
import os from 'node:os';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../common/i18n/translator.js';
import { Channels } from '../../preload/contract.js';
import { nextMorning } from '../../main/core/alerts/pauseUntil.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import type { SourceStatus } from '../../main/core/sources/source.js';
import { connectionSentence } from '../../main/core/text/connectionText.js';
import { showAbout } from '../../main/electron/aboutDialog.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { registerIpcHandlers } from '../../main/electron/ipcHandlers.js';
import { startTrayApp, type TrayAppDeps } from '../../main/electron/trayApp.js';
import { buildTrayMenuTemplate, type TrayActions, type TrayState } from '../../main/electron/trayMenu.js';
import { waitUntil } from '../harness/wait.js';
import { startFakeApp } from './fakeApp.js';
import { FakeDialog, FakeIpcMain, FakeTray, openCore } from './fakes.js';

type Menu = MenuItemConstructorOptions[];
const labels = (items: readonly MenuItemConstructorOptions[]): string[] => items.map((i) => (i.type === 'separator' ? '---' : (i.label ?? '')));
const item = (items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no "${label}" in ${labels(items).join(' | ')}`);
  return found;
};
const sub = (items: readonly MenuItemConstructorOptions[], label: string): Menu => item(items, label).submenu as Menu;
const at = 1_700_000_000_000;
const status = (source: SourceStatus['source'], state: SourceStatus['state'], detail?: string): SourceStatus => ({ source, restaurant: 'default', state, detail, at });
const noActions: TrayActions = {
  join: () => {}, pause: () => {}, resume: () => {}, openHistory: () => {}, openSettings: () => {}, setLaunchAtLogin: () => {},
  restartToUpdate: () => {}, markAllRead: () => {}, about: () => {}, copyDiagnostics: () => {}, saveDiagnostics: () => {}, quit: () => {},
  mute: () => {}, unmute: () => {},
};
/** 06:00 as the language writes it, in the machine's zone (where nextMorning counts). */
const morning = (lang: 'pl' | 'de', now: number): string => createTranslator(lang).time(nextMorning(now));

function trayDeps(core: TrayAppDeps<Menu>['core'], tray: FakeTray): TrayAppDeps<Menu> {
  return {
    core, logger: silentLogger(), createTray: () => tray, buildMenu: (t) => t,
    nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
    iconDir: '/icons', platform: 'linux', openWindow: () => {}, launchAtLogin: () => false, setLaunchAtLogin: async () => {},
    onRender: () => {}, quit: () => {}, about: async () => {},
  };
}

function state(lang: 'pl' | 'de', overrides: Partial<TrayState> = {}): TrayState {
  return {
    statuses: [status('vonage', 'connected'), status('mqtt', 'reconnecting', 'connect ECONNREFUSED 127.0.0.1:1883; retrying'), status('privmx', 'auth_failed', 'HTTP 401')],
    dnd: { active: false }, unread: 2, recent: [], launchAtLogin: false, updateReady: true, translator: createTranslator(lang), ...overrides,
  };
}

describe('tray in Polish and German', () => {
  it('Polish: heading, each connection in plain words, pause items with the time in Polish form, history, diagnostics, About', () => {
    const now = new Date(2026, 4, 12, 0, 30).getTime();
    const t = createTranslator('pl');
    const menu = buildTrayMenuTemplate(state('pl'), noActions, (ms) => t.time(ms), now);
    expect(labels(menu)).toEqual([
      'Servicebell: Niektóre połączenia wymagają uwagi',
      'Vonage: połączono',
      'MQTT: nie można połączyć się z serwerem — ponawiam próbę',
      'PrivMX: serwer odrzucił logowanie: sprawdź klucz lub hasło w Ustawieniach',
      '---',
      'Wstrzymaj powiadomienia',
      'Wznów powiadomienia',
      '---',
      'Historia… (nieprzeczytane: 2)',
      'Oznacz wszystkie jako przeczytane',
      'Ustawienia…',
      'Uruchamiaj po zalogowaniu',
      '---',
      'Kopiuj diagnostykę',
      'Zapisz diagnostykę…',
      'Uruchom ponownie, aby zaktualizować',
      'O programie Servicebell',
      '---',
      'Zakończ Servicebell',
    ]);
    expect(labels(sub(menu, 'Wstrzymaj powiadomienia'))).toEqual(['Na 30 minut', 'Na 1 godzinę', 'Do 06:00']);
    expect(labels(sub(menu, 'MQTT: nie można połączyć się z serwerem — ponawiam próbę'))).toEqual(['Szczegóły: connect ECONNREFUSED 127.0.0.1:1883; retrying']);
  });

  it('German: paused and quiet-hours lines, muted line and the Mute submenu with times in German form', () => {
    const now = new Date(2026, 4, 12, 18, 0).getTime();
    const t = createTranslator('de');
    const until = new Date(2026, 4, 12, 19, 30).getTime();
    const mutes = [{ scope: 'kind' as const, id: 'threadNewMessage', until }];
    const menu = buildTrayMenuTemplate(
      state('de', { statuses: [status('vonage', 'connected')], unread: 0, updateReady: false, dnd: { active: true, reason: 'paused', until }, mutes, muteKinds: ['order', 'threadNewMessage'] }),
      noActions,
      (ms) => t.time(ms),
      now,
    );
    expect(labels(menu).slice(0, 4)).toEqual(['Servicebell: Benachrichtigungen pausiert', 'Vonage: verbunden', 'Benachrichtigungen pausiert bis 19:30', 'Stumm: Nachrichten']);
    expect(labels(sub(menu, 'Stummschalten'))).toEqual([
      'Bestellungen für 1 Stunde',
      `Bestellungen bis ${morning('de', now)}`,
      '---',
      'Stummschaltung aufheben: Nachrichten (stumm bis 19:30)',
    ]);
    expect(item(menu, 'Benachrichtigungen fortsetzen').enabled).toBe(true);
    expect(labels(menu)).toContain('Verlauf…');
    const quiet = buildTrayMenuTemplate(state('de', { dnd: { active: true, reason: 'quiet_hours', until } }), noActions, (ms) => t.time(ms), now);
    expect(labels(quiet)).toContain('Ruhezeit bis 19:30');
  });

  it('About Servicebell in Polish: title, version, update state with the time in Polish form, buttons', async () => {
    const dialog = new FakeDialog('Zamknij');
    const diagnostics = createDiagnosticsActions({
      clipboard: { writeText: async () => {} }, dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) }, collect: async () => '', defaultDir: os.tmpdir(),
    });
    const checkedAt = new Date(2026, 11, 3, 9, 5).getTime();
    await showAbout({ dialog, version: '1.4.0', updateState: () => ({ kind: 'checking', lastCheck: { at: checkedAt, ok: true } }), diagnostics, translator: createTranslator('pl') });
    expect(dialog.boxes[0]).toMatchObject({ title: 'O programie Servicebell', message: 'Servicebell 1.4.0', buttons: ['Kopiuj diagnostykę', 'Zapisz diagnostykę…', 'Zamknij'] });
    expect(dialog.boxes[0]?.detail).toMatch(/^Aktualizacje: włączone; ostatnio sprawdzono o 09:05, kolejne sprawdzenie codziennie\.\n\nJeśli coś nie działa/);
  });
});

describe('saving diagnostics in the running language', () => {
  it('the save dialog\'s title and file kind follow the language at the moment it opens', async () => {
    const opened: Array<{ title?: string; filters?: Array<{ name: string }> }> = [];
    let language: 'pl' | 'de' = 'pl';
    const diagnostics = createDiagnosticsActions({
      clipboard: { writeText: async () => {} },
      dialog: { showSaveDialog: async (options: { title?: string; filters?: Array<{ name: string }> }) => (opened.push(options), { canceled: true, filePath: '' }) } as never,
      collect: async () => '', defaultDir: os.tmpdir(), translator: () => createTranslator(language),
    });
    await diagnostics.save();
    language = 'de';
    await diagnostics.save();
    expect(opened.map((o) => [o.title, o.filters?.[0]?.name])).toEqual([['Zapisz diagnostykę Servicebell', 'Tekst'], ['Servicebell-Diagnose speichern', 'Text']]);
  });
});

describe('connection lines in every language', () => {
  it('each state and each problem has its own sentence in Polish and German, never the English one', () => {
    const cases: Array<Pick<SourceStatus, 'state' | 'detail'>> = [
      { state: 'connecting' }, { state: 'connected' }, { state: 'reconnecting' }, { state: 'offline' }, { state: 'disabled' },
      { state: 'offline', detail: 'stopped' }, { state: 'auth_failed', detail: 'vonage.backendToken is not set' }, { state: 'auth_failed', detail: 'HTTP 401' },
      { state: 'reconnecting', detail: 'self-signed certificate in chain' }, { state: 'offline', detail: 'getaddrinfo ENOTFOUND x' },
      { state: 'reconnecting', detail: 'connect ECONNREFUSED 127.0.0.1:1' }, { state: 'offline', detail: 'HTTP 503; retrying in 4 s' },
    ];
    for (const lang of ['pl', 'de'] as const) {
      const t = createTranslator(lang);
      const sentences = cases.map((c) => connectionSentence(c, t));
      cases.forEach((c, i) => expect(sentences[i], `${lang} ${c.state} ${c.detail ?? ''}`).not.toBe(connectionSentence(c)));
      expect(new Set(sentences).size, lang).toBe(cases.length);
    }
    expect(connectionSentence({ state: 'offline', detail: 'HTTP 503; retrying in 4 s' }, createTranslator('pl'))).toBe('serwer ma problem po swojej stronie — ponawiam próbę');
  });
});

describe('tray › switching language at runtime', () => {
  it('ui.language "pl" on the real core: the tray speaks Polish; Settings saved with "de" relabels menu and tooltip at once, no restart', async () => {
    const core = await openCore({ settings: { ui: { language: 'pl' } } });
    const tray = new FakeTray();
    startTrayApp(trayDeps(core, tray));
    expect(labels(tray.menu)).toContain('Wstrzymaj powiadomienia');
    expect(labels(sub(tray.menu, 'Wstrzymaj powiadomienia')).at(-1)).toBe(`Do ${morning('pl', Date.now())}`);
    await core.pipeline.ingest({ id: 'o1', source: 'privmx', kind: 'order', title: 'Stolik 4', body: 'x', receivedAt: Date.now() });
    await waitUntil(() => labels(tray.menu).includes('Historia… (nieprzeczytane: 1)'), 2_000, 'one unread, in Polish');
    expect(tray.tooltip).toBe('Servicebell: Brak połączenia (nieprzeczytane: 1)');
    expect(labels(sub(tray.menu, 'Wycisz'))[0]).toBe('Zamówienia na 1 godzinę');

    // The Settings window's save, through the real IPC handlers.
    const ipcMain = new FakeIpcMain();
    const secrets = new SecretResolver({ env: {}, keychainUsable: false, logger: silentLogger() });
    const diagnostics = createDiagnosticsActions({
      clipboard: { writeText: async () => {} }, dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) }, collect: async () => '', defaultDir: os.tmpdir(),
    });
    registerIpcHandlers({
      ipcMain, trustedOrigin: 'app://servicebell', onRejected: () => {},
      handlers: createIpcApi({ core, secrets, saveSettings: async () => {}, setLaunchAtLogin: async () => {}, probes: [], diagnostics }),
    });
    const answer = (await ipcMain.invoke(Channels.settingsSave, { settings: { ...core.settings, ui: { ...core.settings.ui, language: 'de' } } })) as { ok: boolean };
    expect(answer.ok).toBe(true);
    await waitUntil(() => labels(tray.menu).includes('Benachrichtigungen pausieren'), 2_000, 'the menu in German');
    expect(labels(tray.menu)).toContain('Verlauf… (1 ungelesen)');
    expect(labels(sub(tray.menu, 'Stummschalten'))[0]).toBe('Bestellungen für 1 Stunde');
    expect(tray.tooltip).toBe('Servicebell: Offline (1 ungelesen)');
    expect(labels(tray.menu)).not.toContain('Wstrzymaj powiadomienia');
    await core.stop();
  });

  it('on the real composition root with a Polish desktop (fake electron): the tray menu and About are Polish', async () => {
    const app = startFakeApp([], { SB_FAKE_LANGUAGES: 'pl-PL,en-US', SB_FAKE_MESSAGE_BOX_BUTTON: 'Zamknij' });
    try {
      const menu = await app.waitFor((l) => l.kind === 'menu' && (l.labels as string[]).includes('O programie Servicebell'), 'the Polish menu');
      expect(menu.labels).toEqual(expect.arrayContaining(['Wstrzymaj powiadomienia', 'Wznów powiadomienia', 'Historia…', 'Ustawienia…', 'Zakończ Servicebell']));
      app.send('menu O programie Servicebell');
      const box = await app.waitFor((l) => l.kind === 'messageBox', 'the message box');
      expect(box).toMatchObject({ title: 'O programie Servicebell', message: 'Servicebell 0.0.0-test', buttons: ['Kopiuj diagnostykę', 'Zapisz diagnostykę…', 'Zamknij'] });
      expect(String(box.detail)).toMatch(/^Aktualizacje: to wersja deweloperska; nie aktualizuje się sama\./);
    } finally {
      await app.kill();
    }
  });
});
