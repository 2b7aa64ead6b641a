import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { createLoginItem, autostartEntry } from '../../main/electron/loginItem.js';
import { watchPowerEvents, type PowerMonitorLike } from '../../main/electron/powerEvents.js';
import { claimSingleInstance, type SingleInstanceDeps } from '../../main/electron/singleInstance.js';
import { openCore, tempDir } from './fakes.js';

class FakeApp extends EventEmitter {
  quitCalls = 0;
  loginItem = { openAtLogin: false };
  constructor(private readonly gotLock: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls++;
  }
  getLoginItemSettings(): Electron.LoginItemSettings {
    return { openAtLogin: this.loginItem.openAtLogin } as Electron.LoginItemSettings;
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem.openAtLogin = settings.openAtLogin ?? false;
  }
}
const _appCheck = new FakeApp(true) satisfies Pick<App, 'requestSingleInstanceLock' | 'quit' | 'getLoginItemSettings' | 'setLoginItemSettings'> & SingleInstanceDeps['app'];

class FakePowerMonitor extends EventEmitter {}
const _pmCheck = new FakePowerMonitor() satisfies PowerMonitorLike;

describe('single instance', () => {
  it('the first instance keeps running and receives the second launch (which opens settings)', () => {
    const app = new FakeApp(true);
    const seen: string[][] = [];
    expect(claimSingleInstance({ app, onSecondInstance: (argv) => seen.push([...argv]) })).toBe(true);
    app.emit('second-instance', {}, ['/opt/Servicebell/servicebell', 'servicebell://activate?token=ab'], '/', {});
    expect(seen).toEqual([['/opt/Servicebell/servicebell', 'servicebell://activate?token=ab']]);
    expect(app.quitCalls).toBe(0);
  });

  it('a second instance quits at once and starts nothing', () => {
    const app = new FakeApp(false);
    let called = false;
    expect(claimSingleInstance({ app, onSecondInstance: () => (called = true) })).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(called).toBe(false);
  });
});

describe('power events', () => {
  it('resume, unlock and regained connectivity make every source of the real core reconnect now (coalesced)', async () => {
    const reasons: string[] = [];
    const factory: SourceFactory = {
      kind: 'vonage',
      section: () => ({}),
      secrets: [],
      enabled: () => true,
      create: (ctx) => ({
        name: 'vonage',
        start: async () => ctx.sink.status({ state: 'connected' }),
        reconnectNow: (reason) => reasons.push(reason),
        stop: async () => {},
      }),
    };
    const core = await openCore({ sources: [factory] });
    await core.start();
    const pm = new FakePowerMonitor();
    let clock = 0;
    let online = true;
    let poll: () => void = () => {};
    let logindWake: (reason: string) => void = () => {};
    let logindStopped = false;
    const stop = watchPowerEvents({
      wakeSources: [
        (wake) => {
          logindWake = wake;
          return () => (logindStopped = true);
        },
      ],
      powerMonitor: pm,
      reconnect: (reason) => core.reconnectAll(reason),
      isOnline: () => online,
      now: () => clock,
      setInterval: (fn) => (poll = fn),
      clearInterval: () => {},
    });
    pm.emit('resume');
    pm.emit('unlock-screen'); // same wake-up: one reconnect
    clock = 10_000;
    online = false;
    poll();
    online = true;
    poll();
    clock = 20_000;
    pm.emit('unlock-screen');
    expect(reasons).toEqual(['resume', 'online', 'unlock-screen']);
    // Linux: logind's Unlock comes through the same trigger, coalesced with Electron's own events.
    logindWake('logind-unlock');
    clock = 25_000;
    logindWake('logind-unlock');
    expect(reasons).toEqual(['resume', 'online', 'unlock-screen', 'logind-unlock']);
    stop();
    // Stopping (the app quits) stops the logind watch too: its system-bus connection is closed.
    expect(logindStopped).toBe(true);
    clock = 30_000;
    pm.emit('resume');
    expect(reasons).toHaveLength(4);
    await core.stop();
  });
});

describe('launch at login', () => {
  it('Linux: writes and removes ~/.config/autostart/servicebell.desktop', async () => {
    const dir = path.join(tempDir(), 'autostart');
    const item = createLoginItem({ platform: 'linux', app: new FakeApp(true), command: ['/opt/Servicebell/servicebell'], autostartDir: dir });
    expect(await item.get()).toBe(false);
    await item.set(true);
    const text = readFileSync(path.join(dir, 'servicebell.desktop'), 'utf8');
    expect(text).toContain('Exec=/opt/Servicebell/servicebell\n');
    expect(text).toContain('X-GNOME-Autostart-enabled=true');
    expect(await item.get()).toBe(true);
    await item.set(false);
    expect(existsSync(path.join(dir, 'servicebell.desktop'))).toBe(false);
  });

  it('Linux: quotes an Exec path with spaces and reserved characters', () => {
    expect(autostartEntry(['/home/a b/Servicebell.AppImage', '$x"'])).toContain('Exec="/home/a b/Servicebell.AppImage" "\\$x\\""');
  });

  it('macOS and Windows: the OS login item', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const app = new FakeApp(true);
      const item = createLoginItem({ platform, app, command: ['x'], autostartDir: tempDir() });
      await item.set(true);
      expect(app.loginItem.openAtLogin).toBe(true);
      expect(await item.get()).toBe(true);
    }
  });
});

