import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { ElectronNotifier, createElectronNotifier } from '../../main/electron/electronNotifier.js';
import { createElectronOpener } from '../../main/electron/electronOpener.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { ToastTokens, activationToken } from '../../main/electron/toastActivation.js';
import { startPrivateDesktop } from '../harness/privateBus.js';
import { waitUntil } from '../harness/wait.js';
import { FakeNotification, FakeShell, openCore, tempDir } from './fakes.js';
import { withRestaurant } from '../harness/settings.js';

const GOOD = 'https://meet.vonage.com/room/42';
const alert = (id: string, link?: string) => ({ id, source: 'vonage' as const, kind: 'support_request', title: `Table ${id}`, body: 'needs help', link, receivedAt: 1_700_000_000_000 });

beforeEach(() => {
  FakeNotification.created = [];
  FakeNotification.supported = true;
  FakeNotification.autoShow = true;
  FakeNotification.failNext = 0;
  FakeNotification.platform = 'darwin';
});

async function macSetup() {
  const shell = new FakeShell();
  const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined) });
  const core = await openCore({ notifier, opener: createElectronOpener(shell), settings: { links: { allowedHosts: ['*.vonage.com'] } } });
  return { shell, notifier, core };
}

describe('macOS notifications (Electron Notification with a Join Meeting action)', () => {
  it('shows with the action, keeps it referenced until closed, and a click on Join goes through the link policy to openExternal', async () => {
    const { shell, notifier, core } = await macSetup();
    const result = await core.pipeline.ingest(alert('1', GOOD));
    expect(result).toMatchObject({ status: 'accepted', outcome: { shown: true } });
    const n = FakeNotification.created[0];
    expect(n?.options).toMatchObject({ title: 'Table 1', body: 'needs help', actions: [{ type: 'button', text: 'Join Meeting' }] });
    expect(notifier.live.size).toBe(1);
    n?.emit('action', { actionIndex: 0 }, 0);
    await waitUntil(() => shell.opened.length === 1, 2000, 'openExternal');
    expect(shell.opened).toEqual([GOOD]);
    n?.close();
    expect(notifier.live.size).toBe(0);
    await core.stop();
  });

  it('refuses a link that is not on the allow-list: no action button, and a body click opens nothing', async () => {
    const { shell, core } = await macSetup();
    await core.pipeline.ingest(alert('2', 'https://evil.example.com/phish'));
    const n = FakeNotification.created[0];
    expect(n?.options.actions).toEqual([]);
    n?.emit('click', {});
    n?.emit('action', { actionIndex: 0 }, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(shell.opened).toEqual([]);
    expect(core.history.list()[0]?.reason).toBe('link_not_allowed');
    await core.stop();
  });

  it('re-checks the allow-list at click time', async () => {
    const { shell, core } = await macSetup();
    await core.pipeline.ingest(alert('3', GOOD));
    await core.applySettings(withRestaurant(core.settings, { links: { allowedHosts: ['only.example.org'] } }));
    FakeNotification.created[0]?.emit('action', { actionIndex: 0 }, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(shell.opened).toEqual([]);
    await core.stop();
  });

  it('reports failed and unsupported to history', async () => {
    const { core } = await macSetup();
    FakeNotification.autoShow = false;
    const pending = core.pipeline.ingest(alert('4'));
    await waitUntil(() => FakeNotification.created.length === 1, 1000, 'notification');
    FakeNotification.created[0]?.emit('failed', {}, 'toast activator missing');
    expect(await pending).toMatchObject({ outcome: { shown: false, reason: 'failed' } });
    FakeNotification.supported = false;
    expect(await core.pipeline.ingest(alert('5'))).toMatchObject({ outcome: { shown: false, reason: 'failed' } });
    await core.stop();
  });

  it('reports os_dnd when the OS says do not disturb', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined), osDoNotDisturb: () => true });
    expect(await notifier.show({ key: 'vonage/9', title: 't', body: 'b' })).toEqual({ status: 'os_dnd' });
    expect(FakeNotification.created).toHaveLength(0);
  });
});

describe('macOS first run (the permission prompt is open when the first notification fails)', () => {
  it('retries the first failed notification once, then shows it; later failures are not retried', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined), retryFirstFailure: { delayMs: 1 } });
    FakeNotification.failNext = 1;
    expect(await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'help', joinUrl: GOOD })).toEqual({ status: 'shown' });
    expect(FakeNotification.created).toHaveLength(2);
    expect(notifier.notificationProblem()).toBeUndefined();
    FakeNotification.failNext = 1;
    expect((await notifier.show({ key: 'vonage/2', title: 'Table 2', body: 'help' })).status).toBe('failed');
    expect(FakeNotification.created).toHaveLength(3);
  });

  it('without the first-run flag a failure is not retried', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined) });
    FakeNotification.failNext = 1;
    expect((await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'help' })).status).toBe('failed');
    expect(FakeNotification.created).toHaveLength(1);
  });

  it('when notifications stay refused the Settings window is told what to change, until one is shown again', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined), retryFirstFailure: { delayMs: 1 } });
    const core = await openCore({ notifier });
    const api = createIpcApi({
      core,
      secrets: new SecretResolver({ env: {}, keychainUsable: false, logger: silentLogger() }),
      saveSettings: async () => {},
      setLaunchAtLogin: async () => {},
      // Not under test here: what Electron's clipboard and a cancelled save dialog would do.
      diagnostics: createDiagnosticsActions({
        clipboard: { writeText: async () => {} },
        dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
        defaultDir: os.tmpdir(),
        collect: async () => '',
      }),
      probes: [],
      notificationProblem: () => notifier.notificationProblem(),
    });
    FakeNotification.failNext = 2;
    expect((await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'help' })).status).toBe('failed');
    expect((await api['settings:get'](undefined as never)).notificationProblem).toBe(
      'Notifications are not permitted or could not be shown (Notification was not delivered: not authorized). System Settings › Notifications › Servicebell: turn on Allow notifications and choose Alerts.',
    );
    expect((await notifier.show({ key: 'vonage/2', title: 'Table 2', body: 'help' })).status).toBe('shown');
    expect((await api['settings:get'](undefined as never)).notificationProblem).toBeUndefined();
    await core.stop();
  });
});

describe('Windows toasts (protocol activation with a one-time token)', () => {
  beforeEach(() => {
    FakeNotification.platform = 'win32';
  });

  it('a Join click arriving as servicebell://activate opens the link once; a replayed or forged token does nothing', async () => {
    const dataDir = tempDir();
    const shell = new FakeShell();
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(dataDir) });
    const core = await openCore({ notifier, opener: createElectronOpener(shell), dataDir });
    await core.pipeline.ingest(alert('7', GOOD));
    const xml = FakeNotification.created[0]?.options.toastXml ?? '';
    expect(xml).toContain('activationType="protocol"');
    expect(xml).toContain('content="Join Meeting"');
    expect(xml).not.toContain('meet.vonage.com');
    const joinUrl = /arguments="([^"]+)"/.exec(xml)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(activationToken(joinUrl)).toMatch(/^[0-9a-f]{32}$/);

    // The app was closed: a fresh notifier on the same folder still knows the token.
    const restarted = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(dataDir) });
    await core.stop();
    const core2 = await openCore({ notifier: restarted, opener: createElectronOpener(shell), dataDir });
    expect(await restarted.handleActivationUrl(joinUrl)).toBe(true);
    await waitUntil(() => shell.opened.length === 1, 2000, 'openExternal');
    expect(await restarted.handleActivationUrl(joinUrl)).toBe(false);
    expect(await restarted.handleActivationUrl('servicebell://activate?token=00000000000000000000000000000000')).toBe(false);
    expect(await restarted.handleActivationUrl('https://meet.vonage.com/room/42')).toBe(false);
    expect(shell.opened).toEqual([GOOD]);
    await core2.stop();
  });

  it('a click Windows reports twice (in-process `click` and the protocol launch) activates once, in either order', async () => {
    let clock = 1_000;
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(undefined), now: () => clock });
    const activations: string[] = [];
    notifier.onActivated((a) => activations.push(`${a.key} ${a.action}`));
    const joinUrlOf = (n: FakeNotification | undefined): string =>
      /<action [^>]*arguments="([^"]+)"/.exec(n?.options.toastXml ?? '')?.[1]?.replace(/&amp;/g, '&') ?? '';

    await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'help', joinUrl: GOOD });
    const first = FakeNotification.created.at(-1);
    first?.emit('click'); // Electron: the Activated event, arguments are our URI (not "type=action&…")
    expect(await notifier.handleActivationUrl(joinUrlOf(first))).toBe(true); // Windows: the protocol launch
    expect(activations).toEqual(['vonage/1 default']);

    await notifier.show({ key: 'vonage/2', title: 'Table 2', body: 'help', joinUrl: GOOD });
    const second = FakeNotification.created.at(-1);
    expect(await notifier.handleActivationUrl(joinUrlOf(second))).toBe(true);
    second?.emit('click');
    expect(activations).toEqual(['vonage/1 default', 'vonage/2 join']);

    // Past the window, a new alert with the same key activates again.
    clock += 10_000;
    await notifier.show({ key: 'vonage/1', title: 'Table 1', body: 'again', joinUrl: GOOD });
    FakeNotification.created.at(-1)?.emit('click');
    expect(activations).toEqual(['vonage/1 default', 'vonage/2 join', 'vonage/1 default']);
  });

  it('escapes the toast XML', async () => {
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(undefined) });
    await notifier.show({ key: 'k/1', title: 'a <b> & "c"', body: '</text><action/>' });
    const xml = FakeNotification.created[0]?.options.toastXml ?? '';
    expect(xml).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(xml).toContain('&lt;/text&gt;&lt;action/&gt;');
  });
});

describe('Linux notifications (the core D-Bus adapter)', () => {
  let desktop: Awaited<ReturnType<typeof startPrivateDesktop>>;
  beforeEach(async () => {
    desktop = await startPrivateDesktop();
  });
  afterEach(async () => {
    await desktop.stop();
  });

  it('uses D-Bus on Linux; clicking Join on the server opens the link through openExternal', async () => {
    const shell = new FakeShell();
    const notifier = createElectronNotifier({ Notification: FakeNotification, platform: 'linux', tokens: await ToastTokens.open(undefined), logger: silentLogger(), busAddress: desktop.busAddress });
    expect(notifier).toBeInstanceOf(DbusNotifier);
    const core = await openCore({ notifier, opener: createElectronOpener(shell) });
    await core.pipeline.ingest(alert('8', GOOD));
    const shown = await desktop.notifications.waitFor((n) => n.summary === 'Table 8');
    expect(shown.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    desktop.notifications.click(shown.id, 'join');
    await waitUntil(() => shell.opened.length === 1, 5000, 'openExternal');
    expect(shell.opened).toEqual([GOOD]);
    await core.stop();
  });
});
