// Runs the real main/index.ts under Node with a stand-in `electron` module: the wiring itself, start to quit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../../main/electron/windows.js';
import { contract } from '../../preload/contract.js';
import { startFakeApp } from './fakeApp.js';

describe('composition root (main/index.ts)', () => {
  it('starts in the tray, registers every IPC channel and app://, opens settings on a second launch, and quits cleanly', async () => {
    const app = startFakeApp();
    const { lines, waitFor } = app;
    try {
      const menu = await waitFor((l) => l.kind === 'menu', 'tray menu');
      expect(menu.labels).toEqual(expect.arrayContaining(['Servicebell: Offline', 'Pause notifications', 'Settings…', 'Quit Servicebell']));
      expect(lines.find((l) => l.kind === 'appUserModelId')?.id).toBe('com.servicebell.app');
      expect(lines.find((l) => l.kind === 'schemes')).toBeDefined();
      expect(lines.find((l) => l.kind === 'protocol')?.scheme).toBe('app');
      expect(lines.find((l) => l.kind === 'permission')?.media).toBe(false);
      expect(lines.filter((l) => l.kind === 'ipc').map((l) => l.channel).sort()).toEqual(Object.keys(contract).sort());
      expect(lines.some((l) => l.kind === 'window')).toBe(false);

      app.send('second-instance');
      const window = await waitFor((l) => l.kind === 'window', 'settings window');
      expect(window.webPreferences).toMatchObject(HARDENED_WEB_PREFERENCES);
      expect((await waitFor((l) => l.kind === 'loadURL', 'page load')).url).toBe('app://servicebell/settings.html');
      expect((await waitFor((l) => l.kind === 'loaded', 'page served')).status).toBe(200);
      await waitFor((l) => l.kind === 'windowShown', 'window shown');
      expect(lines.find((l) => l.kind === 'windowOpenHandler')?.result).toEqual({ action: 'deny' });

      app.send('quit');
      expect((await waitFor((l) => l.kind === 'exit', 'exit')).code).toBe(0);
    } finally {
      await app.kill();
    }
  });

  it('a macOS relaunch (`activate`, not `second-instance`) opens Settings', async () => {
    const app = startFakeApp();
    try {
      await app.waitFor((l) => l.kind === 'menu', 'tray menu');
      app.send('activate');
      expect((await app.waitFor((l) => l.kind === 'loadURL', 'page load')).url).toBe('app://servicebell/settings.html');
      await app.waitFor((l) => l.kind === 'windowShown', 'settings window shown');
    } finally {
      await app.kill();
    }
  });

  it('a second launch while start-up still awaits opens a Settings window that shows (app:// and IPC come right after ready)', async () => {
    const app = startFakeApp([], { SB_FAKE_EARLY_SECOND_INSTANCE: '1' });
    const { lines, waitFor } = app;
    try {
      await waitFor((l) => l.kind === 'windowShown', 'settings window shown');
      await waitFor((l) => l.kind === 'menu', 'tray menu');
      expect(lines.some((l) => l.kind === 'loadFailed')).toBe(false);
      expect(lines.some((l) => l.kind === 'unhandledRejection')).toBe(false);
      const kinds = lines.map((l) => l.kind);
      // The window came before the tray: it did not wait for the keychain probe and the core.
      expect(kinds.indexOf('protocol')).toBeLessThan(kinds.indexOf('window'));
      expect(kinds.indexOf('ipc')).toBeLessThan(kinds.indexOf('window'));
    } finally {
      await app.kill();
    }
  });

  it('starts the tray when keytar cannot be loaded (no libsecret-1.so.0), with the keychain marked unusable', async () => {
    const app = startFakeApp([], { SB_FAKE_KEYTAR: 'fail', SERVICEBELL_LOG_LEVEL: 'warn' });
    try {
      await app.waitFor((l) => l.kind === 'menu', 'tray menu');
      expect(app.stderr()).toContain('OS keychain unavailable (the OS keychain library could not be loaded (libsecret-1.so.0');
      expect(app.lines.some((l) => l.kind === 'unhandledRejection')).toBe(false);
    } finally {
      await app.kill();
    }
  });
});

describe('the app binary as the `servicebell` command', () => {
  it('a failing command ends with a message on stderr and a non-zero exit, not a hung process (Electron only warns on rejections)', async () => {
    const app = startFakeApp(['headless', '--config', '/nonexistent/config.json', '--data-dir', '/dev/null/servicebell']);
    try {
      expect(await app.exited()).toBe(1);
      expect(app.stderr()).toMatch(/^servicebell: .*\/dev\/null\/servicebell/m);
      expect(app.lines.some((l) => l.kind === 'unhandledRejection')).toBe(false);
      expect(app.lines.some((l) => l.kind === 'tray')).toBe(false);
    } finally {
      await app.kill();
    }
  });

  it('--version and --help answer as the CLI and exit 0; an unknown option exits non-zero', async () => {
    for (const [args, code] of [[['--version'], 0], [['--no-sandbox', '--help'], 0], [['check', '--bogus'], 2]] as const) {
      const app = startFakeApp([...args]);
      try {
        expect(await app.exited(), args.join(' ')).toBe(code);
        expect(app.lines.some((l) => l.kind === 'tray')).toBe(false);
      } finally {
        await app.kill();
      }
    }
  });

  it('`check` says why the keychain is unusable when keytar cannot be loaded', async () => {
    // A settings file with nothing enabled (a missing --config file is an error since #14.7).
    const config = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-root-')), 'config.json');
    writeFileSync(config, '{}');
    const app = startFakeApp(['check', '--config', config], { SB_FAKE_KEYTAR: 'fail' });
    try {
      expect(await app.exited()).toBe(0);
      expect(app.lines.map((l) => l.text)).toContain(
        'ok   keychain: unusable: the OS keychain library could not be loaded (libsecret-1.so.0: cannot open shared object file: No such file or directory)',
      );
    } finally {
      await app.kill();
    }
  });
});
