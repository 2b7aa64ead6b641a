import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { createSystemOpener } from '../../main/core/links/linkOpener.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { DesktopDoNotDisturb, gnomeBannersWatcher, isGnomeDesktop } from '../../main/core/notify/linuxDoNotDisturb.js';
import { defaultSettings } from '../../main/core/settings/schema.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { installRecordingXdgOpen } from '../harness/recordingOpener.js';
import { waitUntil } from '../harness/wait.js';
import { handSource } from '../harness/handSource.js';

let desktop: PrivateDesktop;
let xdg: ReturnType<typeof installRecordingXdgOpen>;

/** A source that only forwards what the test hands it: the point here is the path from sink to screen. */

async function openCore(source: SourceFactory) {
  const logger = silentLogger();
  const core = await ServicebellCore.open({
    settings: defaultSettings(),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-dbus-')),
    notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }),
    opener: createSystemOpener('linux'),
    getSecret: async () => undefined,
    logger,
    sources: [source],
  });
  await core.start();
  return core;
}

describe('notifications over D-Bus', () => {
  beforeEach(async () => {
    xdg = installRecordingXdgOpen();
  });
  afterEach(async () => {
    xdg.restore();
    await desktop.stop();
  });

  it('shows title, body and a Join Meeting action; a click opens the link with xdg-open', async () => {
    desktop = await startPrivateDesktop();
    const { factory, sink } = handSource();
    const core = await openCore(factory);
    await sink().alert({
      id: 'evt-1',
      source: 'vonage',
      kind: 'support_request',
      title: 'Support request',
      body: 'guest@example.com has requested support <img src=x onerror=alert(1)>',
      link: 'https://meetings.vonage.com/room/1',
      receivedAt: Date.now(),
    });
    const shown = await desktop.notifications.waitFor((n) => n.summary === 'Support request');
    expect(shown.appName).toBe('Servicebell');
    expect(shown.body).toBe('guest@example.com has requested support &lt;img src=x onerror=alert(1)&gt;');
    expect(shown.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    desktop.notifications.click(shown.id, 'join');
    await waitUntil(() => xdg.opened().length > 0, 5000, 'xdg-open');
    expect(xdg.opened()).toEqual(['https://meetings.vonage.com/room/1']);
    expect(core.history.find({ restaurant: 'default', source: 'vonage', id: 'evt-1' })).toMatchObject({ read: true, handled: 'joined' });
    await core.stop();
  });

  it('a refused https link: its host and path in the body for staff to read out, no button, no token', async () => {
    desktop = await startPrivateDesktop();
    const { factory, sink } = handSource();
    const core = await openCore(factory);
    await sink().alert({ id: 'evt-3', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'table 4 has requested support', link: 'https://meet.elsewhere.example/room/9?pwd=abc', receivedAt: Date.now() });
    const shown = await desktop.notifications.waitFor();
    expect(shown.actions).toEqual([]);
    expect(shown.body).toBe('table 4 has requested support\nMeeting link (not allowed, not opened): meet.elsewhere.example/room/9');
    expect(core.history.find({ restaurant: 'default', source: 'vonage', id: 'evt-3' })?.alert.body).toBe(shown.body);
    await core.stop();
  });

  it('shows a link that fails the policy as text, with no action, and a click opens nothing', async () => {
    desktop = await startPrivateDesktop();
    const { factory, sink } = handSource();
    const core = await openCore(factory);
    await sink().alert({ id: 'evt-2', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'x', link: 'javascript:alert(1)', receivedAt: Date.now() });
    const shown = await desktop.notifications.waitFor();
    expect(shown.actions).toEqual([]);
    expect(shown.body).toBe('x\nMeeting link (not allowed, not opened)');
    desktop.notifications.click(shown.id, 'default');
    await new Promise((r) => setTimeout(r, 300));
    expect(xdg.opened()).toEqual([]);
    await core.stop();
  });

  it('degrades to a plain notification when the server has no actions capability, without escaping for plain-text servers', async () => {
    desktop = await startPrivateDesktop({ capabilities: ['body'] });
    const { factory, sink } = handSource();
    const core = await openCore(factory);
    await sink().alert({ id: 'evt-3', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'a & <b>', link: 'https://meetings.vonage.com/r', receivedAt: Date.now() });
    const shown = await desktop.notifications.waitFor();
    expect(shown.actions).toEqual([]);
    expect(shown.body).toBe('a & <b>');
    await waitUntil(() => core.history.find({ restaurant: 'default', source: 'vonage', id: 'evt-3' })?.reason === 'no_actions', 2000, 'history reason');
    await core.stop();
  });

  it('reports a failure, not a crash, when no notification server is on the bus', async () => {
    desktop = await startPrivateDesktop();
    await desktop.notifications.stop();
    const { factory, sink } = handSource();
    const core = await openCore(factory);
    await sink().alert({ id: 'evt-4', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'x', receivedAt: Date.now() });
    expect(core.history.find({ restaurant: 'default', source: 'vonage', id: 'evt-4' })).toMatchObject({ shown: false, reason: 'failed' });
    await core.stop();
  });
});

describe('the desktop’s own do-not-disturb (Linux)', () => {
  afterEach(async () => {
    await desktop.stop();
  });

  it('reports os_dnd when the server says it is inhibited (KDE), still sending the notification to its list', async () => {
    desktop = await startPrivateDesktop();
    desktop.notifications.setInhibited(true);
    const logger = silentLogger();
    const notifier = new DbusNotifier({ busAddress: desktop.busAddress, logger });
    expect(await notifier.show({ key: 'k1', title: 'Support request', body: 'x' })).toEqual({ status: 'os_dnd' });
    expect(desktop.notifications.notifications).toHaveLength(1);
    await notifier.close();
  });

  it('shows normally when the server has no Inhibited property or it is off', async () => {
    desktop = await startPrivateDesktop();
    const logger = silentLogger();
    const plain = new DbusNotifier({ busAddress: desktop.busAddress, logger, dndWatchers: [] });
    expect(await plain.show({ key: 'k1', title: 't', body: 'x' })).toEqual({ status: 'shown' });
    await plain.close();
    desktop.notifications.setInhibited(false);
    const off = new DbusNotifier({ busAddress: desktop.busAddress, logger });
    expect(await off.show({ key: 'k2', title: 't', body: 'x' })).toEqual({ status: 'shown' });
    desktop.notifications.setInhibited(true); // turned on while running: followed through PropertiesChanged
    await new Promise((r) => setTimeout(r, 300));
    expect(await off.show({ key: 'k3', title: 't', body: 'x' })).toEqual({ status: 'os_dnd' });
    await off.close();
  });

  it('reads GNOME’s show-banners setting with gsettings from PATH', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-gsettings-'));
    writeFileSync(
      path.join(dir, 'gsettings'),
      '#!/bin/sh\ncase "$1 $2 $3" in\n"get org.gnome.desktop.notifications show-banners") echo true;;\n"monitor org.gnome.desktop.notifications show-banners") sleep 0.3; echo "show-banners: false"; sleep 30;;\nesac\n',
    );
    chmodSync(path.join(dir, 'gsettings'), 0o755);
    const previous = process.env.PATH;
    const previousDesktop = process.env.XDG_CURRENT_DESKTOP;
    process.env.PATH = `${dir}${path.delimiter}${previous ?? ''}`;
    process.env.XDG_CURRENT_DESKTOP = 'ubuntu:GNOME';
    try {
      const dnd = new DesktopDoNotDisturb([gnomeBannersWatcher]);
      dnd.start();
      await waitUntil(() => dnd.active, 5000, 'gsettings monitor to report show-banners: false');
      dnd.stop();
      desktop = await startPrivateDesktop();
      const notifier = new DbusNotifier({ busAddress: desktop.busAddress, logger: silentLogger() });
      expect(await notifier.show({ key: 'k', title: 't', body: 'x' })).toEqual({ status: 'shown' });
      await new Promise((r) => setTimeout(r, 600));
      expect(await notifier.show({ key: 'k2', title: 't', body: 'x' })).toEqual({ status: 'os_dnd' });
      await notifier.close();
    } finally {
      process.env.PATH = previous;
      restoreEnv('XDG_CURRENT_DESKTOP', previousDesktop);
    }
  });

  it('starts no gsettings child off GNOME', async () => {
    expect(isGnomeDesktop({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(true);
    expect(isGnomeDesktop({ XDG_CURRENT_DESKTOP: 'GNOME-Classic:GNOME' })).toBe(true);
    expect(isGnomeDesktop({ XDG_CURRENT_DESKTOP: 'KDE' })).toBe(false);
    expect(isGnomeDesktop({})).toBe(false);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-gsettings-'));
    const marker = path.join(dir, 'ran');
    writeFileSync(path.join(dir, 'gsettings'), `#!/bin/sh\necho "$@" >> '${marker}'\nsleep 30\n`);
    chmodSync(path.join(dir, 'gsettings'), 0o755);
    const previous = process.env.PATH;
    const previousDesktop = process.env.XDG_CURRENT_DESKTOP;
    process.env.PATH = `${dir}${path.delimiter}${previous ?? ''}`;
    process.env.XDG_CURRENT_DESKTOP = 'KDE';
    try {
      const reports: Array<boolean | undefined> = [];
      const stop = gnomeBannersWatcher((active) => reports.push(active));
      await new Promise((r) => setTimeout(r, 500));
      stop();
      expect(existsSync(marker)).toBe(false);
      expect(reports).toEqual([]);
    } finally {
      process.env.PATH = previous;
      restoreEnv('XDG_CURRENT_DESKTOP', previousDesktop);
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
