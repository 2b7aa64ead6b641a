// Emulator push → real nexmo-client → VonageSource → pipeline → D-Bus Notify → click → xdg-open.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { createSystemOpener } from '../../main/core/links/linkOpener.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { settingsFrom } from '../harness/settings.js';
import { VonageSource } from '../../main/core/sources/vonage/vonageSource.js';
import { startVonageEmulator, type VonageEmulator } from '../emulators/vonage/index.js';
import { startBackendEmulator, type BackendEmulator } from '../emulators/backend/index.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { installRecordingXdgOpen } from '../harness/recordingOpener.js';
import { FAST_TIMING, sleep, STAFF_TOKEN, USERNAME, waitUntil } from './fixtures.js';

describe('Vonage end to end through the pipeline and D-Bus', () => {
  let desktop: PrivateDesktop;
  let xdg: ReturnType<typeof installRecordingXdgOpen>;
  let vonage: VonageEmulator;
  let backend: BackendEmulator;
  let dataDir: string;
  let core: ServicebellCore | undefined;

  beforeEach(async () => {
    xdg = installRecordingXdgOpen();
    desktop = await startPrivateDesktop();
    vonage = await startVonageEmulator();
    backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF_TOKEN] });
    vonage.setPublicKey(backend.publicKeyPem);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-vonage-e2e-'));
    const logger = silentLogger();
    const settings = settingsFrom({
      vonage: { enabled: true, backendUrl: backend.url, username: USERNAME, sdk: { url: vonage.url, apiUrl: vonage.url } },
      notifications: { burst: { count: 20, windowSeconds: 10 } },
    });
    const factory: SourceFactory = {
      kind: 'vonage',
      section: (r) => r.vonage,
      secrets: ['vonage.backendToken'],
      enabled: (r) => r.vonage.enabled,
      create: (ctx) => new VonageSource({ settings: ctx.restaurant.vonage, getSecret: ctx.getSecret, sink: ctx.sink, cursors: ctx.cursors, logger: ctx.logger, timing: FAST_TIMING }),
    };
    core = await ServicebellCore.open({
      settings,
      dataDir,
      notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }),
      opener: createSystemOpener('linux'),
      getSecret: async ({ name }) => (name === 'vonage.backendToken' ? STAFF_TOKEN : undefined),
      logger,
      sources: [factory],
    });
    await core.start();
    await waitUntil(() => core!.statusList().some((s) => s.source === 'vonage' && s.state === 'connected'), 5_000, 'vonage connected');
  });

  afterEach(async () => {
    await core?.stop();
    core = undefined;
    xdg.restore();
    await vonage.stop();
    await backend.stop();
    await desktop.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a support request becomes a notification with Join Meeting; the click opens host_url', async () => {
    vonage.push({ email: 'guest@example.com', host_url: 'https://meetings.vonage.com/host/room-1' });
    const shown = await desktop.notifications.waitFor((n) => n.summary === 'Support request', 5_000);
    expect(shown.body).toBe('guest@example.com has requested support');
    expect(shown.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    desktop.notifications.click(shown.id, 'join');
    await waitUntil(() => xdg.opened().length > 0, 5_000, 'xdg-open');
    expect(xdg.opened()).toEqual(['https://meetings.vonage.com/host/room-1']);
  });

  it('no email → guest wording; markup escaped; a link failing the policy has no action, only its host and path as text', async () => {
    vonage.push({ host_url: 'https://meetings.vonage.com/host/room-2' });
    vonage.push({ email: '<b>x</b>@evil.example', host_url: 'http://evil.example/phish' });
    await waitUntil(() => desktop.notifications.notifications.length >= 2, 5_000, 'two notifications');
    const [guest, hostile] = desktop.notifications.notifications;
    expect(guest?.body).toBe('A guest has requested support');
    expect(guest?.actions).toContain('join');
    expect(hostile?.body).toBe('&lt;b&gt;x&lt;/b&gt;@evil.example has requested support\nMeeting link (not allowed, not opened): evil.example/phish');
    expect(hostile?.actions).toEqual([]);
  });

  it('transport drop with pushes while down and a duplicate delivery: each shown exactly once', async () => {
    const a = vonage.push({ email: 'a@x.io' });
    await desktop.notifications.waitFor(() => true, 5_000);
    vonage.dropTransports({ refuseMs: 300 });
    await sleep(30);
    vonage.push({ email: 'b@x.io' });
    vonage.redeliver(a.id);
    await waitUntil(() => desktop.notifications.notifications.length >= 2, 8_000, 'second notification');
    vonage.push({ email: 'c@x.io' });
    await waitUntil(() => desktop.notifications.notifications.length >= 3, 5_000, 'third notification');
    await sleep(300);
    expect(desktop.notifications.notifications.map((n) => n.body)).toEqual([
      'a@x.io has requested support',
      'b@x.io has requested support',
      'c@x.io has requested support',
    ]);
  });
});
