// Support requests on Windows and macOS: a toast that stays, with sound and a working Join Meeting; the sound option
// macOS reads. The Notification double reads options per platform, as Electron 45 does (see FakeNotification).
import { beforeEach, describe, expect, it } from 'vitest';
import { ElectronNotifier, MAC_BUNDLED_SOUND } from '../../main/electron/electronNotifier.js';
import { createElectronOpener } from '../../main/electron/electronOpener.js';
import { ToastTokens, toastXml } from '../../main/electron/toastActivation.js';
import { readToast } from './fakeElectron/toastXml.mjs';
import { FakeNotification, FakeShell, openCore } from './fakes.js';
import { waitUntil } from '../harness/wait.js';

const GOOD = 'https://meet.vonage.com/room/42';
const NASTY = `<&>"'`;
const support = (id: string, link: string | undefined, kind = 'support_request') => ({
  id, source: 'vonage' as const, kind, title: `Table ${id} ${NASTY}`, body: `guest wrote ${NASTY}</text><action/>`, link, receivedAt: 1_700_000_000_000,
});
const joinUrlOf = (n: FakeNotification | undefined): string => n?.toast?.buttons.find((b) => b.activationType === 'protocol')?.arguments ?? '';

beforeEach(() => {
  FakeNotification.created = [];
  FakeNotification.supported = true;
  FakeNotification.autoShow = true;
  FakeNotification.failNext = 0;
});

describe('Windows: a support request is a reminder toast that stays, rings, and keeps Join Meeting', () => {
  beforeEach(() => {
    FakeNotification.platform = 'win32';
  });

  it('stays with Join Meeting and Dismiss, rings the reminder sound, and shows the guest’s text as text', async () => {
    const shell = new FakeShell();
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(undefined) });
    const core = await openCore({ notifier, opener: createElectronOpener(shell) });
    await core.pipeline.ingest(support('1', GOOD));
    const toast = FakeNotification.created[0]?.toast;
    expect(toast).toMatchObject({ scenario: 'reminder', stays: true, sound: 'Notification.Reminder' });
    expect(toast?.texts).toEqual([`Table 1 ${NASTY}`, `guest wrote ${NASTY}</text><action/>`]);
    expect(toast?.buttons.map((b) => [b.content, b.activationType])).toEqual([['Join Meeting', 'protocol'], ['', 'system']]);
    const xml = FakeNotification.created[0]?.options.toastXml ?? '';
    expect(xml).toContain('Table 1 &lt;&amp;&gt;&quot;&apos;');
    expect(xml).not.toContain(GOOD);
    expect(await notifier.handleActivationUrl(joinUrlOf(FakeNotification.created[0]))).toBe(true);
    await waitUntil(() => shell.opened.length === 1, 2000, 'openExternal');
    expect(shell.opened).toEqual([GOOD]);
    expect(core.history.find({ restaurant: 'default', source: 'vonage', id: '1' })?.handled).toBe('joined');
    // Sent to stay until handled: now it is, so the toast is taken away (Action Center too).
    await waitUntil(() => FakeNotification.created[0]?.closed === true, 2000, 'toast closed');
    await core.stop();
  });

  it('stays without a link too (Dismiss is its button); other kinds are normal toasts, silent by default', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(undefined) });
    const core = await openCore({ notifier, settings: { notifications: { sounds: { message: 'system' } } } });
    await core.pipeline.ingest(support('2', undefined));
    await core.pipeline.ingest(support('3', undefined, 'order'));
    await core.pipeline.ingest(support('4', undefined, 'message'));
    const [request, order, message] = FakeNotification.created.map((n) => n.toast);
    expect(request).toMatchObject({ scenario: 'reminder', stays: true, sound: 'Notification.Reminder' });
    // An order's one button is Mute (it has no meeting); it is a normal toast all the same.
    expect(order).toMatchObject({ scenario: 'default', stays: false, sound: null, buttons: [expect.objectContaining({ content: 'Mute orders for 1 hour' })] });
    expect(message).toMatchObject({ stays: false, sound: 'Notification.Reminder' });
    await core.stop();
  });

  it('sound off is a silent toast that still stays; bundled and system both ring Windows’ reminder sound', async () => {
    const tokens = { body: '0'.repeat(32) };
    expect(readToast(toastXml({ key: 'k', title: 't', body: 'b', persistent: true, sound: 'off' }, tokens))).toMatchObject({ stays: true, sound: null });
    expect(readToast(toastXml({ key: 'k', title: 't', body: 'b', persistent: true, sound: 'bundled' }, tokens)).sound).toBe('Notification.Reminder');
    expect(readToast(toastXml({ key: 'k', title: 't', body: 'b', persistent: true, sound: 'system' }, tokens)).sound).toBe('Notification.Reminder');
  });

  it('a reminder takes the place of the toast before it', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(undefined) });
    await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'help', joinUrl: GOOD, persistent: true, sound: 'bundled' });
    await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'Still waiting after 2 min.\nhelp', joinUrl: GOOD, persistent: true, sound: 'bundled', replaces: true });
    const [first, second] = FakeNotification.created;
    expect(first?.closed).toBe(true);
    expect(second?.toast).toMatchObject({ stays: true, texts: ['Table 1', 'Still waiting after 2 min.\nhelp'] });
    expect(notifier.live.get('vonage/1')).toBe(second);
  });

  it('the double refuses what Windows refuses: an unescaped toast fails, and a reminder with no button does not stay', async () => {
    const broken = new FakeNotification({ toastXml: `<toast><visual><binding template="ToastGeneric"><text>${NASTY}</text></binding></visual></toast>` });
    const failures: string[] = [];
    broken.on('failed', (_event: unknown, error: string) => failures.push(error));
    broken.show();
    await waitUntil(() => failures.length === 1, 1000, 'failed');
    expect(failures[0]).toMatch(/^the toast XML was refused: /);
    expect(() => readToast('<toast scenario="loud"><visual><binding template="ToastGeneric"><text>a</text></binding></visual></toast>')).toThrow(/scenario/);
    expect(readToast('<toast scenario="reminder"><visual><binding template="ToastGeneric"><text>a</text></binding></visual></toast>').stays).toBe(false);
  });
});

describe('macOS: an alert (Info.plist) with the sound the kind asks for', () => {
  beforeEach(() => {
    FakeNotification.platform = 'darwin';
  });

  it('bundled: the bell by name, with Join Meeting; system: the default sound; off: silent', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined) });
    const core = await openCore({ notifier, settings: { notifications: { burst: { count: 10 }, sounds: { message: 'system' } } } });
    await core.pipeline.ingest(support('1', GOOD));
    await core.pipeline.ingest(support('2', undefined, 'message'));
    await core.pipeline.ingest(support('3', undefined, 'order'));
    const [request, message, order] = FakeNotification.created;
    expect(request?.options).toMatchObject({ sound: MAC_BUNDLED_SOUND, actions: [{ type: 'button', text: 'Join Meeting' }] });
    expect(request?.options.toastXml).toBeUndefined();
    expect([request?.heard(), message?.heard(), order?.heard()]).toEqual(['servicebell-bell', 'default', null]);
    expect(order?.options.silent).toBe(true);
    await core.stop();
  });
});
