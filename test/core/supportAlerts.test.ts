// Support requests that stay until handled, ring, and come back every 2 minutes until someone joins or dismisses
// them: over the real private D-Bus notification server, with a clock the test moves.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { createSystemOpener } from '../../main/core/links/linkOpener.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { bundledSoundPath } from '../../main/core/notify/bundledSound.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { settingsSchema, type SettingsInput } from '../../main/core/settings/schema.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { ManualClock } from '../harness/manualClock.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { installRecordingXdgOpen } from '../harness/recordingOpener.js';
import { waitUntil } from '../harness/wait.js';
import { handSource } from '../harness/handSource.js';

let desktop: PrivateDesktop;
let xdg: ReturnType<typeof installRecordingXdgOpen>;
const KEY = { restaurant: 'default', source: 'vonage', id: 'req-1' };
const LINK = 'https://meetings.vonage.com/room/1';


async function openCore(settings: SettingsInput = {}, at: { dataDir?: string; clock?: ManualClock } = {}) {
  const logger = silentLogger();
  const clock = at.clock ?? new ManualClock();
  const { factory, sink } = handSource();
  const core = await ServicebellCore.open({
    settings: settingsSchema.parse(settings),
    dataDir: at.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'sb-support-')),
    notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }),
    opener: createSystemOpener('linux'),
    getSecret: async () => undefined,
    logger,
    sources: [factory],
    clock,
  });
  await core.start();
  return { core, clock, sink };
}

const request = (id = 'req-1', kind = 'support_request') => ({
  id, source: 'vonage' as const, kind, title: 'Support request', body: `guest ${id} has requested support`, link: LINK, receivedAt: Date.now(),
});

/** Gives a reminder that is due the time to reach the server; nothing arriving is checked the same way. */
const settle = () => new Promise((r) => setTimeout(r, 300));

beforeEach(async () => {
  xdg = installRecordingXdgOpen();
  desktop = await startPrivateDesktop();
});
afterEach(async () => {
  xdg.restore();
  await desktop.stop();
});

describe('support requests stay until dismissed, and ring', () => {
  it('are critical, resident and never expire, with the bundled bell; other kinds stay as they were, silent', async () => {
    const { core, sink } = await openCore();
    await sink().alert(request());
    await sink().alert({ ...request('order-1', 'order'), title: 'New order', link: undefined });
    const [support, order] = await desktop.notifications.waitForCount(2);
    expect(support?.hints).toEqual({ urgency: 2, resident: true, 'desktop-entry': 'servicebell', 'sound-file': bundledSoundPath() });
    expect(support?.timeout).toBe(0);
    expect(support?.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    expect(order?.hints).toEqual({ urgency: 1, 'desktop-entry': 'servicebell', 'suppress-sound': true });
    expect(order?.timeout).toBe(-1);
    await core.stop();
  });

  it('sound per kind: the system’s (sound-name), off (suppress-sound), and a kind not listed is off', async () => {
    const { core, sink } = await openCore({ notifications: { burst: { count: 10 }, sounds: { support_request: 'system', order: 'bundled', message: 'off' } } });
    await sink().alert(request());
    await sink().alert({ ...request('o', 'order'), link: undefined });
    await sink().alert({ ...request('m', 'message'), link: undefined });
    await sink().alert({ ...request('x', 'stock_low'), link: undefined });
    const shown = await desktop.notifications.waitForCount(4);
    expect(shown.map((n) => n.hints['sound-name'] ?? n.hints['sound-file'] ?? (n.hints['suppress-sound'] === true ? 'off' : '?'))).toEqual([
      'message-new-instant',
      bundledSoundPath(),
      'off',
      'off',
    ]);
    expect(shown[0]?.hints).toMatchObject({ urgency: 2, resident: true });
    await core.stop();
  });

  it('a support request set to off is still resident and critical, only silent', async () => {
    const { core, sink } = await openCore({ notifications: { sounds: { support_request: 'off' } } });
    await sink().alert(request());
    const shown = await desktop.notifications.waitFor();
    expect(shown.hints).toEqual({ urgency: 2, resident: true, 'desktop-entry': 'servicebell', 'suppress-sound': true });
    expect(shown.timeout).toBe(0);
    await core.stop();
  });
});

describe('an unanswered support request is shown again', () => {
  it('after 2 minutes, in its notification’s place, with Join Meeting, at most 3 times', async () => {
    const { core, clock, sink } = await openCore();
    await sink().alert(request());
    const first = await desktop.notifications.waitFor();
    clock.advance(119_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(1);
    clock.advance(1_000);
    const [, again] = await desktop.notifications.waitForCount(2);
    expect(again).toMatchObject({ replacesId: first.id, id: first.id, summary: 'Support request', timeout: 0 });
    expect(again?.body).toBe('Still waiting after 2 min.\nguest req-1 has requested support');
    expect(again?.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    expect(again?.hints).toMatchObject({ urgency: 2, resident: true, 'sound-file': bundledSoundPath() });
    clock.advance(120_000);
    clock.advance(120_000);
    const all = await desktop.notifications.waitForCount(4);
    expect(all[3]?.body).toMatch(/^Still waiting after 6 min\./);
    clock.advance(3_600_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(4);
    expect(clock.pendingTimers).toBe(0);
    await core.stop();
  });

  it('stops once someone joins from the notification (the Join Meeting action)', async () => {
    const { core, clock, sink } = await openCore();
    await sink().alert(request());
    clock.advance(120_000);
    const [, reminder] = await desktop.notifications.waitForCount(2);
    desktop.notifications.click(reminder?.id ?? 0, 'join');
    expect(desktop.notifications.isOpen(reminder?.id ?? 0)).toBe(true); // resident: the server keeps it after the click
    await waitUntil(() => core.history.find(KEY)?.handled === 'joined', 5000, 'joined');
    await waitUntil(() => xdg.opened().length > 0, 5000, 'xdg-open');
    expect(xdg.opened()).toEqual([LINK]);
    // Handled, so Servicebell takes it away (CloseNotification).
    await waitUntil(() => !desktop.notifications.isOpen(reminder?.id ?? 0), 5000, 'the handled notification closed');
    clock.advance(600_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
    await core.stop();
  });

  it('stops once it is dismissed in History (history:dismiss)', async () => {
    const { core, clock, sink } = await openCore();
    const api = createIpcApi({
      core,
      secrets: new SecretResolver({ env: {}, keychainUsable: false, logger: silentLogger() }),
      saveSettings: async () => {},
      setLaunchAtLogin: async () => {},
      diagnostics: createDiagnosticsActions({
        clipboard: { writeText: async () => {} },
        dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
        defaultDir: os.tmpdir(),
        collect: async () => '',
      }),
      probes: [],
    });
    await sink().alert(request());
    await sink().alert(request('req-2'));
    const [one, two] = await desktop.notifications.waitForCount(2);
    await api['history:dismiss']({ keys: [KEY] });
    expect(core.history.find(KEY)?.handled).toBe('dismissed');
    await waitUntil(() => !desktop.notifications.isOpen(one?.id ?? 0), 5000, 'the dismissed request’s notification closed');
    expect(desktop.notifications.isOpen(two?.id ?? 0)).toBe(true);
    clock.advance(120_000);
    const shown = await desktop.notifications.waitForCount(3);
    await settle();
    // Only the other request is reminded of.
    expect(shown.map((n) => n.body.split('\n').at(-1))).toEqual(['guest req-1 has requested support', 'guest req-2 has requested support', 'guest req-2 has requested support']);
    expect(desktop.notifications.notifications).toHaveLength(3);
    await core.stop();
  });

  it('skips a reminder due while paused (not postponed); the next one after the pause rings', async () => {
    const { core, clock, sink } = await openCore();
    await sink().alert(request());
    await desktop.notifications.waitForCount(1);
    await core.dnd.pause(clock.now() + 150_000);
    clock.advance(120_000); // 2 min: paused, skipped
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(1);
    clock.advance(120_000); // 4 min: the pause ended at 2.5 min
    const [, second] = await desktop.notifications.waitForCount(2);
    expect(second?.body).toMatch(/^Still waiting after 4 min\./);
    clock.advance(120_000);
    await desktop.notifications.waitForCount(3);
    clock.advance(600_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(3);
    await core.stop();
  });

  it('a muted restaurant is not reminded of; times 0 turns reminders off; other kinds never are', async () => {
    const off = await openCore({ notifications: { supportReminders: { afterSeconds: 60, times: 0 } } });
    await off.sink().alert(request());
    await off.sink().alert({ ...request('o', 'order'), link: undefined });
    await desktop.notifications.waitForCount(2);
    off.clock.advance(600_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(2);
    await off.core.stop();

    desktop.notifications.clear();
    const muted = await openCore({ notifications: { supportReminders: { afterSeconds: 60, times: 2 } } });
    await muted.sink().alert(request('req-9'));
    await desktop.notifications.waitForCount(1);
    await muted.core.applySettings(settingsSchema.parse({ restaurants: [{ id: 'default', name: 'Restaurant', muted: true }], notifications: { supportReminders: { afterSeconds: 60, times: 2 } } }));
    muted.clock.advance(600_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(1);
    await muted.core.stop();
  });

  it('a restart picks up at the next reminder due, counted from when the request arrived; handled ones stay quiet', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-support-'));
    const first = await openCore({}, { dataDir });
    const arrived = first.clock.now();
    await first.sink().alert({ ...request(), receivedAt: arrived });
    await first.sink().alert({ ...request('req-2'), receivedAt: arrived });
    await desktop.notifications.waitForCount(2);
    first.clock.advance(150_000); // reminder 1 of each at 2 min
    await desktop.notifications.waitForCount(4);
    await first.core.pipeline.join({ ...KEY, id: 'req-2' });
    await first.core.stop();

    const clock = new ManualClock(arrived + 150_000);
    const second = await openCore({}, { dataDir, clock });
    clock.advance(89_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(4);
    clock.advance(1_000); // 4 min after it arrived
    const shown = await desktop.notifications.waitForCount(5);
    expect(shown[4]?.body).toBe('Still waiting after 4 min.\nguest req-1 has requested support');
    expect(shown[4]?.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    clock.advance(120_000);
    await desktop.notifications.waitForCount(6);
    clock.advance(600_000);
    await settle();
    expect(desktop.notifications.notifications).toHaveLength(6);
    await second.core.stop();
  });

  it('a reminder after the first notification was closed is a new notification, not a replacement', async () => {
    const { core, clock, sink } = await openCore();
    await sink().alert(request());
    const first = await desktop.notifications.waitFor();
    desktop.notifications.close(first.id); // closed by the person, not joined
    await settle();
    clock.advance(120_000);
    const [, again] = await desktop.notifications.waitForCount(2);
    expect(again?.replacesId).toBe(0);
    expect(again?.id).not.toBe(first.id);
    await core.stop();
  });
});
