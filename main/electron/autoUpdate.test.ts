import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppUpdater } from 'electron-updater';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ManualClock } from '../../test/harness/manualClock.js';
import { updatesSettingsSchema, type UpdatesSettings } from '../core/settings/schema.js';
import { AutoUpdate, UPDATE_CHECK_INTERVAL_MS, linuxPackageType, type GenericFeed, type UpdateLog, type UpdaterPort } from './autoUpdate.js';

type Listener = (arg: never) => void;

/** Records what AutoUpdate does to electron-updater; `emit` plays the updater's events. */
class FakeUpdater implements UpdaterPort {
  // electron-updater's own defaults, so a test sees what AutoUpdate changed.
  allowDowngrade = false;
  allowPrerelease = false;
  autoDownload = true;
  autoInstallOnAppQuit = true;
  logger: UpdateLog | null = null;
  feeds: GenericFeed[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  nextCheck: () => Promise<unknown> = () => Promise.resolve(null);
  private readonly listeners = new Map<string, Listener[]>();

  setFeedURL(options: GenericFeed): void {
    this.feeds.push(options);
    // The real updater allows downgrades whenever a channel is set; mimic the trap to prove ordering.
    this.allowDowngrade = true;
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return this.nextCheck();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: 'update-downloaded', info: { version: string }): void;
  emit(event: 'error', error: Error): void;
  emit(event: string, arg: unknown): void {
    for (const l of this.listeners.get(event) ?? []) (l as (a: unknown) => void)(arg);
  }
  get listenerCount(): number {
    return [...this.listeners.values()].reduce((n, ls) => n + ls.length, 0);
  }
}

class RecordingLog implements UpdateLog {
  lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

function setup(settings: Partial<UpdatesSettings> = {}, packageType?: string) {
  const updater = new FakeUpdater();
  const clock = new ManualClock();
  const log = new RecordingLog();
  const auto = new AutoUpdate({ updater, clock, logger: log, settings: updatesSettingsSchema.parse(settings), packageType });
  return { updater, clock, log, auto };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('AutoUpdate', () => {
  it('the real electron-updater AppUpdater fits the port it is given as', () => {
    expectTypeOf<AppUpdater>().toExtend<UpdaterPort>();
  });

  it('checks at start and then once a day', async () => {
    const { updater, clock, auto } = setup();
    expect(auto.start()).toBe('checking');
    expect(updater.checks).toBe(1);
    await flush();
    clock.advance(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    clock.advance(1);
    expect(updater.checks).toBe(2);
    await flush();
    clock.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
    auto.stop();
    clock.advance(3 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('uses the configured https feed and never allows a downgrade, even after setting the feed', () => {
    const { updater, auto } = setup({ feedUrl: 'https://updates.example.com/servicebell/', allowPrerelease: true });
    auto.start();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/servicebell/' }]);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(true);
    expect(updater.autoDownload).toBe(true);
  });

  it('without a feed URL keeps the one built into the app and no prereleases', () => {
    const { updater, auto } = setup();
    auto.start();
    expect(updater.feeds).toEqual([]);
    expect(updater.allowPrerelease).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
  });

  it('refuses a feed that is not https', () => {
    // Settings normally cannot hold one (the schema refuses it); this is the guard behind the schema.
    expect(updatesSettingsSchema.safeParse({ feedUrl: 'http://updates.example.com/' }).success).toBe(false);
    const updater = new FakeUpdater();
    const log = new RecordingLog();
    const auto = new AutoUpdate({
      updater,
      clock: new ManualClock(),
      logger: log,
      settings: { enabled: true, allowPrerelease: false, feedUrl: 'http://updates.example.com/' },
    });
    expect(auto.start()).toBe('refused-feed');
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/^warn updates: .*not an https URL/)]);
  });

  it('does nothing at all when an administrator disabled updates', () => {
    const { updater, clock, log, auto } = setup({ enabled: false, feedUrl: 'https://updates.example.com/' });
    expect(auto.start()).toBe('disabled');
    clock.advance(7 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
    expect(updater.listenerCount).toBe(0);
    expect(updater.logger).toBeNull();
    expect(clock.pendingTimers).toBe(0);
    expect(auto.restartToUpdate()).toBe(false);
    expect(updater.installs).toEqual([]);
    expect(log.lines).toEqual(['info updates: disabled by the administrator setting updates.enabled = false']);
  });

  it('a deb install (DebUpdater) neither downloads nor installs on quit: no pkexec/sudo prompt at every quit', () => {
    const { updater, clock, log, auto } = setup({}, 'deb');
    expect(auto.start()).toBe('package-manager');
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.autoDownload).toBe(false);
    clock.advance(7 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    expect(auto.restartToUpdate()).toBe(false);
    expect(updater.installs).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/^info updates: installed as a deb package; updated through the system package manager \(apt repository/)]);
  });

  it('AppImage, Windows and macOS (no package-type file) keep downloading and installing on quit', () => {
    for (const packageType of [undefined, 'AppImage']) {
      const { updater, auto } = setup({}, packageType);
      expect(auto.start()).toBe('checking');
      expect(updater.autoInstallOnAppQuit).toBe(true);
      expect(updater.autoDownload).toBe(true);
      expect(updater.checks).toBe(1);
    }
  });

  it('reads the package type where electron-updater does (resources/package-type)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-resources-'));
    expect(linuxPackageType(dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'package-type'), 'deb\n');
    expect(linuxPackageType(dir)).toBe('deb');
    expect(linuxPackageType(undefined)).toBeUndefined();
  });

  it('tells subscribers when an update is downloaded, late subscribers too, and restarts into it', () => {
    const { updater, auto } = setup();
    auto.start();
    expect(auto.restartToUpdate()).toBe(false);
    const early: string[] = [];
    const unsubscribe = auto.onUpdateReady((r) => early.push(r.version));
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(early).toEqual(['0.2.0']);
    expect(auto.updateReady).toEqual({ version: '0.2.0' });
    const late: string[] = [];
    auto.onUpdateReady((r) => late.push(r.version));
    expect(late).toEqual(['0.2.0']);
    unsubscribe();
    updater.emit('update-downloaded', { version: '0.3.0' });
    expect(early).toEqual(['0.2.0']);
    expect(late).toEqual(['0.2.0', '0.3.0']);
    expect(auto.restartToUpdate()).toBe(true);
    expect(updater.installs).toEqual([[true, true]]);
  });

  it('a failed check (offline) is logged and retried the next day; checks never overlap', async () => {
    const { updater, clock, log, auto } = setup();
    updater.nextCheck = () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    auto.start();
    await flush();
    expect(log.lines).toContain('warn updates: check failed: net::ERR_INTERNET_DISCONNECTED');
    let finish: (v: unknown) => void = () => undefined;
    updater.nextCheck = () => new Promise((resolve) => (finish = resolve));
    clock.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    clock.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    finish(null);
    await flush();
    clock.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
  });

  it('logs updater errors without throwing', () => {
    const { updater, log, auto } = setup();
    auto.start();
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(log.lines).toContain('warn updates: sha512 checksum mismatch');
  });
});
