// Playwright `_electron` end-to-end: the built app (dist/), launched for real with a fresh HOME; on Linux also with a
// private bus, a recording notification server and a recording xdg-open. Skipped with a clear message where no binary
// exists. `npm run test:e2e` runs it on Linux (under xvfb-run in CI), macOS and Windows.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eHooks } from '../../main/electron/e2eHooks.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { findElectronBinary } from './electronBinary.js';

const electronPath = findElectronBinary();
// app.evaluate serializes its function into the main process: no closures, so each one reads the hook itself.
type WithHooks = { __servicebellE2E: E2eHooks };

if (!electronPath) {
  describe('Electron end-to-end', () => {
    it.skip('no Electron binary on this machine (set SERVICEBELL_ELECTRON_PATH or let `electron` install its binary): launch, tray state, notification click', () => {});
  });
} else {
  const binary = electronPath;
  describe('Electron end-to-end', () => {
    const linux = process.platform === 'linux';
    let desktop: PrivateDesktop | undefined;
    let xvfb: ChildProcess | undefined;
    let app: ElectronApplication;
    let env: NodeJS.ProcessEnv;
    let openedLog: string;

    beforeAll(async () => {
      // npm is npm.cmd on Windows, which only a shell runs.
      execFileSync('npm', ['run', 'build'], { stdio: 'ignore', shell: process.platform === 'win32' });
      const home = mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-home-'));
      const bin = mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-bin-'));
      openedLog = path.join(bin, 'opened.log');
      env = { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: path.join(home, '.config'), SERVICEBELL_E2E: '1' };
      if (linux) {
        desktop = await startPrivateDesktop();
        // shell.openExternal on Linux runs xdg-open from PATH: this one records instead of starting a browser.
        writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${openedLog}'\n`);
        chmodSync(path.join(bin, 'xdg-open'), 0o755);
        env.DBUS_SESSION_BUS_ADDRESS = desktop.busAddress;
        env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
      }
      if (linux && !process.env.DISPLAY) {
        xvfb = spawn('Xvfb', [':97', '-screen', '0', '1280x800x24'], { stdio: 'ignore' });
        env.DISPLAY = ':97';
        await new Promise((r) => setTimeout(r, 500));
      }
      app = await _electron.launch({ executablePath: binary, args: ['--no-sandbox', '.'], env: env as Record<string, string>, cwd: process.cwd() });
      await expect.poll(() => app.evaluate(() => '__servicebellE2E' in globalThis), { timeout: 20_000 }).toBe(true);
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      xvfb?.kill();
      await desktop?.stop();
    });

    it('starts in the tray with no window; the tray shows the state and the full menu', async () => {
      expect(app.windows()).toHaveLength(0);
      const tray = await app.evaluate(() => (globalThis as unknown as WithHooks).__servicebellE2E.tray());
      expect(tray?.icon).toBe('offline');
      expect(tray?.labels).toEqual(expect.arrayContaining(['Pause notifications', 'History…', 'Settings…', 'Launch at login', 'Quit Servicebell']));
    });

    // Where the notification is a real D-Bus one that a test can read and click: Linux.
    it.runIf(linux)('shows a notification with Join Meeting; clicking it opens the allowed link', async () => {
      const alert = { id: 'e2e-1', source: 'vonage' as const, kind: 'support_request', title: 'Table 5 calls', body: 'video', link: 'https://meet.vonage.com/e2e', receivedAt: Date.now() };
      const status = await app.evaluate((_electron, a) => (globalThis as unknown as WithHooks).__servicebellE2E.ingest(a), alert);
      expect(status).toBe('accepted');
      const shown = await desktop!.notifications.waitFor((n) => n.summary === 'Table 5 calls');
      expect(shown.actions).toContain('Join Meeting');
      await expect.poll(() => app.evaluate(() => (globalThis as unknown as WithHooks).__servicebellE2E.tray()?.labels ?? [])).toContain('History… (1 unread)');
      desktop!.notifications.click(shown.id, 'join');
      await expect.poll(() => (existsSync(openedLog) ? readFileSync(openedLog, 'utf8') : ''), { timeout: 10_000 }).toContain('https://meet.vonage.com/e2e');
    });

    it('a second launch opens the settings window of the first, hardened and served from app://', async () => {
      const windowOpened = app.waitForEvent('window');
      const second = spawn(binary, ['--no-sandbox', '.'], { env, stdio: 'ignore' });
      const page = await windowOpened;
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://servicebell/settings.html');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys(window.servicebell).sort())).toContain('saveSettings');
      await expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
      await new Promise((r) => second.once('exit', r));
    });
  });
}
