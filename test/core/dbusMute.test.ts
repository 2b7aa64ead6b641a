// "Mute messages for 1 hour" as a D-Bus notification action (#15), on the harness's real notification server: the
// button is there on alerts that are not support requests, its ActionInvoked mutes the kind, and support requests keep
// Join Meeting as their only action.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { defaultSettings } from '../../main/core/settings/schema.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { waitUntil } from '../harness/wait.js';

let desktop: PrivateDesktop | undefined;
afterEach(async () => {
  await desktop?.stop();
  desktop = undefined;
});

async function openCore(busAddress: string): Promise<ServicebellCore> {
  const logger = silentLogger();
  return ServicebellCore.open({
    settings: defaultSettings(),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-dbus-mute-')),
    notifier: new DbusNotifier({ busAddress, logger }),
    opener: { open: async () => {} },
    getSecret: async () => undefined,
    logger,
    sources: [],
  });
}

const message = (id: string) => ({ id, source: 'privmx' as const, kind: 'threadNewMessage', title: 'Kitchen', body: `order ${id} ready`, receivedAt: Date.now() });

describe('Mute from a D-Bus notification', () => {
  it('offers "Mute messages for 1 hour" on a message; invoking it mutes messages; a support request keeps only Join Meeting', async () => {
    desktop = await startPrivateDesktop();
    const core = await openCore(desktop.busAddress);
    await core.pipeline.ingest(message('m1'));
    const shown = await desktop.notifications.waitFor((n) => n.body === 'order m1 ready');
    expect(shown.actions).toEqual(['mute', 'Mute messages for 1 hour']);

    await core.pipeline.ingest({
      id: 's1', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'guest@example.com has requested support',
      link: 'https://meetings.vonage.com/room/1', receivedAt: Date.now(),
    });
    const request = await desktop.notifications.waitFor((n) => n.summary === 'Support request');
    expect(request.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);

    desktop.notifications.click(shown.id, 'mute');
    await waitUntil(() => core.mutes.active(Date.now()).length === 1, 5_000, 'the mute from ActionInvoked');
    expect(core.mutes.active(Date.now())[0]).toMatchObject({ scope: 'kind', id: 'threadNewMessage' });
    expect(core.mutes.active(Date.now())[0]?.until).toBeGreaterThan(Date.now() + 59 * 60_000);

    const before = desktop.notifications.notifications.length;
    expect(await core.pipeline.ingest(message('m2'))).toMatchObject({ status: 'accepted', outcome: { shown: false, reason: 'muted' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(desktop.notifications.notifications.length).toBe(before);
    await core.stop();
  });

  it('a server without the actions capability gets no Mute button', async () => {
    desktop = await startPrivateDesktop({ capabilities: ['body'] });
    const core = await openCore(desktop.busAddress);
    await core.pipeline.ingest(message('m1'));
    const shown = await desktop.notifications.waitFor();
    expect(shown.actions).toEqual([]);
    await core.stop();
  });
});
