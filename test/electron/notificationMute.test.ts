// The notification's "Mute … for 1 hour" button on macOS (Electron actions) and Windows (a toast action activated
// through the protocol), on the real core; support requests keep Join Meeting alone (#15).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ElectronNotifier } from '../../main/electron/electronNotifier.js';
import { createElectronOpener } from '../../main/electron/electronOpener.js';
import { ToastTokens } from '../../main/electron/toastActivation.js';
import { waitUntil } from '../harness/wait.js';
import { FakeNotification, FakeShell, openCore, tempDir } from './fakes.js';

const GOOD = 'https://meet.vonage.com/room/42';
const settings = { links: { allowedHosts: ['*.vonage.com'] } };
const order = (id: string) => ({ id, source: 'mqtt' as const, kind: 'order', title: `Order ${id}`, body: 'two pizzas', receivedAt: Date.now() });
const support = (id: string) => ({ id, source: 'vonage' as const, kind: 'support_request', title: 'Support request', body: 'needs help', link: GOOD, receivedAt: Date.now() });

beforeEach(() => {
  FakeNotification.created = [];
  FakeNotification.autoShow = true;
});
afterEach(() => {
  FakeNotification.platform = 'darwin';
});

describe('Mute from a notification', () => {
  it('macOS: an order has "Mute orders for 1 hour" as its button; clicking it mutes orders; a support request has only Join Meeting', async () => {
    FakeNotification.platform = 'darwin';
    const shell = new FakeShell();
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'darwin', tokens: await ToastTokens.open(undefined) });
    const core = await openCore({ notifier, opener: createElectronOpener(shell), settings });
    await core.pipeline.ingest(order('o1'));
    await core.pipeline.ingest(support('s1'));
    const [orderNote, supportNote] = FakeNotification.created;
    expect(orderNote?.buttons).toEqual(['Mute orders for 1 hour']);
    expect(supportNote?.buttons).toEqual(['Join Meeting']);

    orderNote?.emit('action', { actionIndex: 0 }, 0);
    await waitUntil(() => core.mutes.active(Date.now()).length === 1, 2_000, 'the mute');
    expect(core.mutes.active(Date.now())[0]).toMatchObject({ scope: 'kind', id: 'order' });
    expect(shell.opened).toEqual([]);
    expect(await core.pipeline.ingest(order('o2'))).toMatchObject({ outcome: { shown: false, reason: 'muted' } });
    expect(FakeNotification.created).toHaveLength(2);

    supportNote?.emit('action', { actionIndex: 0 }, 0);
    await waitUntil(() => shell.opened.length === 1, 2_000, 'Join Meeting');
    await core.stop();
  });

  it('Windows: the toast carries the Mute action with its own one-time token; its activation mutes the kind, Join still joins', async () => {
    FakeNotification.platform = 'win32';
    const shell = new FakeShell();
    const notifier = new ElectronNotifier({ Notification: FakeNotification, platform: 'win32', tokens: await ToastTokens.open(tempDir()) });
    const core = await openCore({ notifier, opener: createElectronOpener(shell), settings });
    await core.pipeline.ingest(order('o1'));
    await core.pipeline.ingest(support('s1'));
    const [orderNote, supportNote] = FakeNotification.created;
    expect(orderNote?.buttons).toEqual(['Mute orders for 1 hour']);
    // A support request's reminder toast: Join Meeting and Windows' own Dismiss, never Mute.
    expect(supportNote?.buttons).toEqual(['Join Meeting', 'Dismiss']);
    const argumentsOf = (xml: string | undefined): string[] => [...(xml ?? '').matchAll(/<action [^>]*arguments="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

    const [muteUrl] = argumentsOf(orderNote?.options.toastXml);
    expect(await notifier.handleActivationUrl(muteUrl ?? '')).toBe(true);
    await waitUntil(() => core.mutes.active(Date.now()).length === 1, 2_000, 'the mute');
    expect(core.mutes.active(Date.now())[0]).toMatchObject({ scope: 'kind', id: 'order' });
    expect(await notifier.handleActivationUrl(muteUrl ?? '')).toBe(false);

    const [joinUrl] = argumentsOf(supportNote?.options.toastXml);
    expect(await notifier.handleActivationUrl(joinUrl ?? '')).toBe(true);
    await waitUntil(() => shell.opened.length === 1, 2_000, 'Join Meeting');
    expect(shell.opened).toEqual([GOOD]);
    await core.stop();
  });

  it('the fake refuses actions next to toastXml, as Electron ignores them', () => {
    expect(() => new FakeNotification({ toastXml: '<toast/>', actions: [{ type: 'button', text: 'x' }] })).toThrow(/ignored when toastXml/);
  });
});
