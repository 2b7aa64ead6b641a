// Runs the real main/index.ts under Node with a stand-in `electron` module: the wiring itself, start to quit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../../main/electron/windows.js';
import { contract } from '../../preload/contract.js';
import { tempDir } from './fakes.js';

interface Line {
  kind: string;
  [key: string]: unknown;
}

describe('composition root (main/index.ts)', () => {
  it('starts in the tray, registers every IPC channel and app://, opens settings on a second launch, and quits cleanly', async () => {
    const root = tempDir('sb-root-');
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/electron/fakeElectron/register.mjs', 'main/index.ts'], {
      env: { ...process.env, SB_FAKE_ROOT: root, SERVICEBELL_LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines: Line[] = [];
    const waiters: Array<() => void> = [];
    readline.createInterface({ input: child.stdout }).on('line', (text) => {
      lines.push(JSON.parse(text) as Line);
      for (const w of waiters.splice(0)) w();
    });
    const waitFor = async (predicate: (l: Line) => boolean, what: string): Promise<Line> => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = lines.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${what}; got ${JSON.stringify(lines.map((l) => l.kind))}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    };
    try {
      const menu = await waitFor((l) => l.kind === 'menu', 'tray menu');
      expect(menu.labels).toEqual(expect.arrayContaining(['Servicebell: Offline', 'Pause notifications', 'Settings…', 'Quit Servicebell']));
      expect(lines.find((l) => l.kind === 'appUserModelId')?.id).toBe('com.servicebell.app');
      expect(lines.find((l) => l.kind === 'schemes')).toBeDefined();
      expect(lines.find((l) => l.kind === 'protocol')?.scheme).toBe('app');
      expect(lines.find((l) => l.kind === 'permission')?.media).toBe(false);
      expect(lines.filter((l) => l.kind === 'ipc').map((l) => l.channel).sort()).toEqual(Object.keys(contract).sort());
      expect(lines.some((l) => l.kind === 'window')).toBe(false);

      child.stdin.write('second-instance\n');
      const window = await waitFor((l) => l.kind === 'window', 'settings window');
      expect(window.webPreferences).toMatchObject(HARDENED_WEB_PREFERENCES);
      expect((await waitFor((l) => l.kind === 'loadURL', 'page load')).url).toBe('app://servicebell/settings.html');
      expect(lines.find((l) => l.kind === 'windowOpenHandler')?.result).toEqual({ action: 'deny' });

      child.stdin.write('quit\n');
      expect((await waitFor((l) => l.kind === 'exit', 'exit')).code).toBe(0);
    } finally {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
    }
  });
});
