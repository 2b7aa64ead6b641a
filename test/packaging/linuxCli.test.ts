// The `servicebell` command on Linux installs: build/linux/servicebell-cli.sh, run for real in the layout a deb
// installs (/usr/bin/servicebell → /opt/Servicebell/resources/servicebell-cli, binary at /opt/Servicebell/servicebell),
// with the app binary played first by a recording stub, then by the real composition root on the stand-in electron.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../../main/core/headless/cliProgram.js';
import { tempDir } from '../electron/fakes.js';
import { REPO } from './packStage.js';

const WRAPPER = path.join(REPO, 'build/linux/servicebell-cli.sh');

/** An installed layout with `binary` as the app executable; returns the /usr/bin/servicebell symlink. */
function install(binary: string): string {
  const root = tempDir('sb-linux-cli-');
  mkdirSync(path.join(root, 'opt/Servicebell/resources'), { recursive: true });
  mkdirSync(path.join(root, 'usr/bin'), { recursive: true });
  copyFileSync(WRAPPER, path.join(root, 'opt/Servicebell/resources/servicebell-cli'));
  chmodSync(path.join(root, 'opt/Servicebell/resources/servicebell-cli'), 0o755);
  writeFileSync(path.join(root, 'opt/Servicebell/servicebell'), binary, { mode: 0o755 });
  const link = path.join(root, 'usr/bin/servicebell');
  symlinkSync(path.join(root, 'opt/Servicebell/resources/servicebell-cli'), link);
  return link;
}

/** No display at all, as over SSH or in a provisioning script. */
function noDisplayEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

const recordingStub = '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n';

describe('the Linux `servicebell` wrapper', () => {
  it('runs every CLI command with the headless Ozone platform, and the tray launch without it', () => {
    const cli = install(recordingStub);
    const run = (...args: string[]): string[] => {
      const r = spawnSync(cli, args, { env: noDisplayEnv(), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(run('credentials', 'set', 'smsapi.token')).toEqual(['--ozone-platform=headless', 'credentials', 'set', 'smsapi.token']);
    expect(run('--help')).toEqual(['--ozone-platform=headless', '--help']);
    expect(run('--version')).toEqual(['--ozone-platform=headless', '--version']);
    expect(run('check', '--config', '/etc/sb config.json')).toEqual(['--ozone-platform=headless', 'check', '--config', '/etc/sb config.json']);
    expect(run()).toEqual([]);
    expect(run('servicebell://activate?token=ab')).toEqual(['servicebell://activate?token=ab']);
    expect(run('--no-sandbox')).toEqual(['--no-sandbox']);
  });

  it('knows exactly the commands the CLI has', () => {
    const text = readFileSync(WRAPPER, 'utf8');
    const line = /^\s*(headless \|.*)\)$/m.exec(text)?.[1] ?? '';
    const words = line.split('|').map((w) => w.trim());
    expect(words.filter((w) => !w.startsWith('-') && w !== 'help').sort()).toEqual([...CLI_COMMANDS].sort());
    expect(words).toEqual(expect.arrayContaining(['help', '--help', '-h', '--version', '-V', '-v']));
  });

  it('end to end: the wrapper, the switch it adds and the real main/index.ts answer `config path` and exit 0 with no display', () => {
    const register = path.join(REPO, 'test/electron/fakeElectron/register.mjs');
    // The binary as `electron .` in development: node with the stand-in electron, then the app path.
    const binary = `#!/bin/sh\ncd '${REPO}'\nexec '${process.execPath}' --import tsx --import '${register}' main/index.ts "$@"\n`;
    const cli = install(binary);
    const home = tempDir('sb-home-');
    const r = spawnSync(cli, ['config', 'path'], { env: noDisplayEnv({ HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), SERVICEBELL_LOG_LEVEL: 'silent' }), encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toContain(path.join(home, '.config', 'Servicebell', 'config.json'));
    expect(lines.at(-1)).toBe(JSON.stringify({ kind: 'exit', code: 0 }));
    expect(r.status).toBe(0);
    // It ran as the command: no tray, no window.
    expect(lines.some((l) => l.includes('"kind":"tray"') || l.includes('"kind":"window"'))).toBe(false);
  });

  it('the deb maintainer scripts use only electron-builder macros and are valid bash', () => {
    for (const name of ['after-install.sh', 'after-remove.sh']) {
      const file = path.join(REPO, 'build/linux', name);
      const text = readFileSync(file, 'utf8');
      const macros = [...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]);
      expect(new Set(macros)).toEqual(new Set(['executable', 'sanitizedProductName']));
      const expanded = text.replaceAll('${executable}', 'servicebell').replaceAll('${sanitizedProductName}', 'Servicebell');
      const check = spawnSync('bash', ['-n'], { input: expanded, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      if (name === 'after-install.sh') expect(expanded).toContain("update-alternatives --install \"$link\" 'servicebell' \"$wrapper\" 100");
    }
  });
});
