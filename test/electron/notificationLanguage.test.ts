// The tray app's notifications in the staff's language (#16), with the Electron double: the Join Meeting and Mute
// buttons on macOS and Windows, a switch of `ui.language` applying to the next notification, and the test
// notification (Settings' "Send test notification") in the running language.
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/core/log/logger.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { ElectronNotifier } from '../../main/electron/electronNotifier.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { registerIpcHandlers } from '../../main/electron/ipcHandlers.js';
import { ToastTokens } from '../../main/electron/toastActivation.js';
import { Channels } from '../../preload/contract.js';
import { FakeIpcMain, FakeNotification, openCore, tempDir } from './fakes.js';

const settings = (language: string) => ({ links: { allowedHosts: ['*.vonage.com'] }, ui: { language } });
const order = (id: string) => ({ id, source: 'mqtt' as const, kind: 'order', title: `Zamówienie ${id}`, body: 'dwie pizze', receivedAt: Date.now() });
const support = (id: string) => ({ id, source: 'vonage' as const, kind: 'support_request', title: 'Support request', body: 'needs help', link: 'https://meet.vonage.com/room/42', receivedAt: Date.now() });

beforeEach(() => {
  FakeNotification.created = [];
  FakeNotification.autoShow = true;
});
afterEach(() => {
  FakeNotification.platform = 'darwin';
});

describe('notification buttons in the running language (Electron double)', () => {
  it('macOS: Polish Join Meeting and Mute; after a switch to German the next one is German', async () => {
    FakeNotification.platform = 'darwin';
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined) });
    const core = await openCore({ notifier, settings: settings('pl') });
    await core.pipeline.ingest(order('o1'));
    await core.pipeline.ingest(support('s1'));
    const [orderNote, supportNote] = FakeNotification.created;
    expect(orderNote?.buttons).toEqual(['Wycisz zamówienia na 1 godzinę']);
    expect(supportNote?.buttons).toEqual(['Dołącz do spotkania']);

    const next = parseSettings(settings('de'));
    if (!next.ok) throw new Error(next.problems.join('; '));
    await core.applySettings(next.settings);
    await core.pipeline.ingest(support('s2'));
    expect(FakeNotification.created[2]?.buttons).toEqual(['Meeting beitreten']);
    await core.stop();
  });

  it('Windows: the toast’s Join Meeting in German, next to Windows’ own Dismiss', async () => {
    FakeNotification.platform = 'win32';
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(tempDir()) });
    const core = await openCore({ notifier, settings: settings('de') });
    await core.pipeline.ingest(support('s1'));
    await core.pipeline.ingest(order('o1'));
    const [supportNote, orderNote] = FakeNotification.created;
    expect(supportNote?.buttons).toEqual(['Meeting beitreten', 'Dismiss']);
    expect(orderNote?.buttons).toEqual(['Bestellungen für 1 Stunde stummschalten']);
    await core.stop();
  });

  it('the test notification is written in the running language, and stored so', async () => {
    const core = await openCore({ settings: settings('de') });
    const ipcMain = new FakeIpcMain();
    const diagnostics = createDiagnosticsActions({
      clipboard: { writeText: async () => {} },
      dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
      defaultDir: os.tmpdir(),
      collect: async () => '',
    });
    const secrets = new SecretResolver({ env: { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' }, keychainUsable: false, logger: silentLogger() });
    const handlers = createIpcApi({ core, secrets, saveSettings: async () => {}, setLaunchAtLogin: async () => {}, probes: [], diagnostics });
    registerIpcHandlers({ ipcMain, handlers, trustedOrigin: 'app://servicebell', onRejected: () => {} });
    expect(await ipcMain.invoke(Channels.notifyTest, {})).toEqual({ shown: true });
    expect(core.history.list()[0]?.alert).toMatchObject({ title: 'Servicebell-Testbenachrichtigung', body: 'Wenn Sie das lesen können, funktionieren die Benachrichtigungen.' });
    await core.stop();
  });
});
