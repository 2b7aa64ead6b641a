// Notifications in the staff's language (#16), over the real private D-Bus notification server: what Servicebell
// itself writes (a support request's title and body, the refused-link line, Join Meeting, Mute, a summary and its
// Show in History), in Polish and German, and a switch of `ui.language` (Settings, or the watched settings file
// headless) applying to the next notification.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environmentLanguages } from '../../common/i18n/languages.js';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { defaultSettings, type Settings } from '../../main/core/settings/schema.js';
import { watchSettingsFile, type SettingsWatcher } from '../../main/core/settings/settingsWatcher.js';
import { parsePushPayload } from '../../main/core/sources/push/pushPayload.js';
import { pushAlert } from '../../main/core/sources/push/pushAlert.js';
import type { NotificationFrame } from '../../main/core/sources/privmx/bridgeFrames.js';
import { EventHandler } from '../../main/core/sources/privmx/eventHandler.js';
import { formatTime } from '../../main/core/sources/privmx/eventView.js';
import { privmxRuleSchema } from '../../main/core/sources/privmx/ruleSchema.js';
import { ThreadCursors } from '../../main/core/sources/privmx/threadCursors.js';
import { mapEventToAlert } from '../../main/core/sources/vonage/eventMapper.js';
import { MemoryCursors } from '../privmx/sourceHarness.js';
import { ManualClock } from '../harness/manualClock.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { waitUntil } from '../harness/wait.js';
import { handSource } from '../harness/handSource.js';

let desktop: PrivateDesktop | undefined;
let watcher: SettingsWatcher | undefined;
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await desktop?.stop();
  desktop = undefined;
});


function settingsIn(language: 'auto' | 'en' | 'pl' | 'de'): Settings {
  const settings = defaultSettings();
  return { ...settings, ui: { ...settings.ui, language } };
}

async function openCore(settings: Settings, options: { systemLanguages?: string[]; clock?: ManualClock } = {}) {
  desktop = await startPrivateDesktop();
  const logger = silentLogger();
  const { factory, sink } = handSource();
  const core = await ServicebellCore.open({
    settings,
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-lang-')),
    notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }),
    opener: { open: async () => {} },
    getSecret: async () => undefined,
    logger,
    sources: [factory],
    ...(options.systemLanguages ? { systemLanguages: options.systemLanguages } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await core.start();
  return { core, sink, notifications: desktop.notifications };
}

/** A Vonage support request as the real mapper makes it (its text in English, `meta.support` for the pipeline). */
const vonageRequest = (id: number, email: unknown, hostUrl = 'https://meetings.vonage.com/room/1') =>
  mapEventToAlert('CON-1', { id, type: 'support_request', body: { email, host_url: hostUrl } }, Date.now());

const order = (id: string) => ({ id, source: 'vonage' as const, kind: 'order', title: 'Bestellung 12', body: 'Tisch 4', receivedAt: Date.now() });

describe('notifications in Polish and German (D-Bus)', () => {
  it('Polish: a support request, its Join Meeting button, a refused link in words, an order with its Mute button', async () => {
    const { core, sink, notifications } = await openCore(settingsIn('pl'));
    await sink().alert(vonageRequest(1, 'anna@example.com'));
    const shown = await notifications.waitFor((n) => n.summary === 'Prośba o pomoc');
    expect(shown.body).toBe('anna@example.com prosi o pomoc');
    expect(shown.actions).toEqual(['default', 'Dołącz do spotkania', 'join', 'Dołącz do spotkania']);

    await sink().alert(vonageRequest(2, undefined, 'https://meet.elsewhere.example/room/9?pwd=abc'));
    const refused = await notifications.waitFor((n) => n.body.startsWith('Gość'));
    expect(refused.summary).toBe('Prośba o pomoc');
    expect(refused.body).toBe('Gość prosi o pomoc\nLink do spotkania (niedozwolony, nie otwarto): meet.elsewhere.example/room/9');
    // History keeps the text as it was shown.
    expect(core.history.find({ restaurant: 'default', source: 'vonage', id: 'CON-1:2' })?.alert.body).toBe(refused.body);

    await sink().alert(order('o1'));
    const orderShown = await notifications.waitFor((n) => n.summary === 'Bestellung 12');
    expect(orderShown.actions).toEqual(['mute', 'Wycisz zamówienia na 1 godzinę']);
    await core.stop();
  });

  it('German: a support request from a push payload (its own title stays as sent), Join Meeting, Mute', async () => {
    const { core, sink, notifications } = await openCore(settingsIn('de'));
    const parsed = parsePushPayload(JSON.stringify({ type: 'support_request', id: 'p1', email: 'tisch 7', host_url: 'https://meetings.vonage.com/room/2' }));
    if (!parsed.ok) throw new Error(parsed.reason);
    await sink().alert(pushAlert('mqtt', parsed.payload, Date.now(), {}));
    const shown = await notifications.waitFor((n) => n.summary === 'Hilfeanfrage');
    expect(shown.body).toBe('tisch 7 bittet um Hilfe');
    expect(shown.actions).toEqual(['default', 'Meeting beitreten', 'join', 'Meeting beitreten']);

    const titled = parsePushPayload(JSON.stringify({ type: 'support_request', id: 'p2', title: 'Terrasse: Hilfe!', email: 'gast@example.com' }));
    if (!titled.ok) throw new Error(titled.reason);
    await sink().alert(pushAlert('mqtt', titled.payload, Date.now(), {}));
    const own = await notifications.waitFor((n) => n.summary === 'Terrasse: Hilfe!');
    expect(own.body).toBe('gast@example.com bittet um Hilfe');

    // An event with no text of its own: the stand-in body in German, the event's own title as sent.
    const bare = parsePushPayload(JSON.stringify({ type: 'pizza_ready', id: 'p3' }));
    if (!bare.ok) throw new Error(bare.reason);
    await sink().alert(pushAlert('mqtt', bare.payload, Date.now(), {}));
    const standIn = await notifications.waitFor((n) => n.summary === 'pizza ready');
    expect(standIn.body).toBe('Neues Ereignis: pizza_ready');

    await sink().alert({ ...order('o2'), kind: 'table.call' });
    const call = await notifications.waitFor((n) => n.summary === 'Bestellung 12');
    expect(call.actions).toEqual(['mute', 'Meldungen „table call“ für 1 Stunde stummschalten']);
    await core.stop();
  });

  it.each([
    ['pl', 'Nowa wiadomość', 'Wiadomość od anna o {time}', 'Wiadomość o {time}', 'Nowy plik', 'Plik od kasia o {time}'],
    ['de', 'Neue Nachricht', 'anna schrieb um {time}', 'Nachricht um {time}', 'Neue Datei', 'kasia hat um {time} eine Datei hinzugefügt'],
  ])('%s: PrivMX with the default rules (no rules set) speaks the language; a rule the manager wrote keeps its words', async (language, messageTitle, messageBody, anonymousBody, fileTitle, fileBody) => {
    const { core, sink, notifications } = await openCore(settingsIn(language as 'pl' | 'de'));
    const at = Date.UTC(2026, 11, 3, 12, 5);
    // The time as the rule shows it (24-hour, the computer's time zone).
    const time = formatTime(new Date(at));
    const withTime = (text: string) => text.replace('{time}', time);
    const frame = (type: string, data: Record<string, unknown>): NotificationFrame => ({ channel: type.startsWith('store') ? 'store' : 'thread', type, data: { contextId: 'c', createDate: at, keyId: 'k', ...data }, timestamp: at });
    const events = new EventHandler({ rules: [], sink: sink(), cursors: new ThreadCursors(new MemoryCursors(), 1), trackedThreads: new Set(), logger: silentLogger() });
    await events.handle(frame('threadNewMessage', { id: '65f000000000000000000001', threadId: 't1', author: 'anna' }), 'live');
    const message = await notifications.waitFor((n) => n.summary === messageTitle);
    expect(message.body).toBe(withTime(messageBody));
    await events.handle(frame('threadNewMessage', { id: '65f000000000000000000002', threadId: 't1', author: '' }), 'live');
    expect((await notifications.waitFor((n) => n.body === withTime(anonymousBody))).summary).toBe(messageTitle);
    await events.handle(frame('storeFileCreated', { id: '65f000000000000000000003', storeId: 's1', creator: 'kasia' }), 'live');
    expect((await notifications.waitFor((n) => n.summary === fileTitle)).body).toBe(withTime(fileBody));
    await events.drain();
    // History keeps what was shown.
    expect(core.history.list().filter((e) => e.alert.source === 'privmx').map((e) => e.alert.title).sort()).toEqual([fileTitle, messageTitle, messageTitle].sort());

    const own = new EventHandler({ rules: [privmxRuleSchema.parse({ match: { channel: 'thread' }, title: 'Wiadomość na sali', body: '{author}: nowa' })], sink: sink(), cursors: new ThreadCursors(new MemoryCursors(), 1), trackedThreads: new Set(), logger: silentLogger() });
    await own.handle(frame('threadNewMessage', { id: '65f000000000000000000004', threadId: 't2', author: 'ola' }), 'live');
    await own.drain();
    // (The fourth alert in the burst window goes into a summary: History holds its words.)
    expect(core.history.list().find((e) => e.alert.title === 'Wiadomość na sali')?.alert.body).toBe('ola: nowa');
    await core.stop();
  });

  it.each([
    [1, '1 kolejna prośba o pomoc', '1 prośba o pomoc'],
    [3, '3 kolejne prośby o pomoc', '3 prośby o pomoc'],
    [5, '5 kolejnych próśb o pomoc', '5 próśb o pomoc'],
  ])('Polish summary of %i support requests beyond those shown one by one: "%s"', async (extra, headline, body) => {
    const clock = new ManualClock();
    const { core, sink, notifications } = await openCore(settingsIn('pl'), { clock });
    for (let i = 0; i < 10 + extra; i++) await sink().alert({ ...vonageRequest(100 + i, `guest${i}@example.com`), receivedAt: clock.now() });
    await notifications.waitForCount(10);
    clock.advance(10_000);
    const summary = await notifications.waitFor((n) => n.summary === headline);
    expect(summary.body).toBe(body);
    expect(summary.actions).toEqual(['default', 'Pokaż w historii']);
    await core.stop();
  });
});

describe('switching the language at runtime', () => {
  it('a Settings save (applySettings) changes the next notification, not the one already shown or stored', async () => {
    const { core, sink, notifications } = await openCore(settingsIn('auto'));
    await sink().alert(vonageRequest(1, 'anna@example.com'));
    const english = await notifications.waitFor((n) => n.summary === 'Support request');
    expect(english.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    await core.applySettings(settingsIn('de'));
    await sink().alert(vonageRequest(2, 'anna@example.com'));
    const german = await notifications.waitFor((n) => n.summary === 'Hilfeanfrage');
    expect(german.body).toBe('anna@example.com bittet um Hilfe');
    expect(german.actions).toEqual(['default', 'Meeting beitreten', 'join', 'Meeting beitreten']);
    expect(core.history.find({ restaurant: 'default', source: 'vonage', id: 'CON-1:1' })?.alert.title).toBe('Support request');
    await core.stop();
  });

  it('headless: "auto" follows LANG (Polish); `ui.language` edited in the watched settings file switches to German', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-lang-file-')), 'config.json');
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const { core, sink, notifications } = await openCore(settingsIn('auto'), { systemLanguages: environmentLanguages({ LANG: 'pl_PL.UTF-8' }) });
    // As `servicebell headless` wires it: each valid edit of the file goes to applySettings.
    watcher = watchSettingsFile({ file, current: core.settings, debounceMs: 30, onChange: (s) => void core.applySettings(s), onInvalid: () => {} });
    await sink().alert(vonageRequest(1, undefined));
    expect((await notifications.waitFor((n) => n.summary === 'Prośba o pomoc')).body).toBe('Gość prosi o pomoc');
    writeFileSync(file, JSON.stringify({ version: 1, ui: { language: 'de' } }));
    await waitUntil(() => core.language.language === 'de', 5_000, 'the language switch');
    await sink().alert(vonageRequest(2, undefined));
    expect((await notifications.waitFor((n) => n.summary === 'Hilfeanfrage')).body).toBe('Ein Gast bittet um Hilfe');
    await core.stop();
  });
});
