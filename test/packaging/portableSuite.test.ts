// The macOS and Windows jobs run the suite without the files test/portableSuite.ts names. This keeps that list
// true without those machines: a test file that reaches (through its imports, transitively) a part only the Linux
// job has must be named there, and every name there must still exist.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LINUX_DESKTOP_ONLY, POSIX_ONLY, needsLinuxDesktop, portableExcludes } from '../portableSuite.js';
import { REPO } from './packStage.js';

/** Test helpers that start what only the Linux job has. */
const LINUX_ONLY_HELPERS: Readonly<Record<string, string>> = {
  'test/harness/privateBus.ts': 'dbus-daemon and a D-Bus notification server',
  'test/harness/notificationServer.ts': 'a D-Bus notification server',
  'test/harness/logindService.ts': 'a private system bus',
  'test/harness/smallDisk.ts': 'a tmpfs mount',
  'test/harness/servers/mosquittoServer.ts': 'Mosquitto',
  'test/harness/servers/natsServer.ts': 'nats-server',
  'test/harness/servers/ntfyServer.ts': 'the ntfy server',
  'test/renderer/harness.ts': "Debian's Chromium",
};

const testFiles = (): string[] =>
  execFileSync('git', ['ls-files', '*.test.ts'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);

/** Relative imports of a TypeScript file, as repository paths (`./x.js` → `dir/x.ts`). */
function relativeImports(file: string): string[] {
  const source = readFileSync(path.join(REPO, file), 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
    for (const candidate of [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.mts'), target, `${target}/index.ts`]) {
      if (existsSync(path.join(REPO, candidate))) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

/** The Linux-only helpers `file` reaches through its imports. */
function linuxOnlyReach(file: string): string[] {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    if (next.startsWith('test/') || next === file) stack.push(...relativeImports(next));
  }
  return [...seen].filter((f) => f in LINUX_ONLY_HELPERS);
}

describe('the portable suite (macOS and Windows jobs)', () => {
  it('every file it leaves out exists', () => {
    for (const name of [...Object.keys(LINUX_DESKTOP_ONLY), ...Object.keys(POSIX_ONLY)]) {
      const target = name.endsWith('/*') ? name.slice(0, -2) : name;
      expect(existsSync(path.join(REPO, target)), `${name} is named in test/portableSuite.ts but does not exist`).toBe(true);
    }
  });

  it('a test file that starts a part only the Linux job has is left out of it', () => {
    const missing = testFiles()
      .filter((file) => !needsLinuxDesktop(file))
      .flatMap((file) => linuxOnlyReach(file).map((helper) => `${file} reaches ${helper} (${LINUX_ONLY_HELPERS[helper]})`));
    expect(missing, 'name these in LINUX_DESKTOP_ONLY (test/portableSuite.ts)').toEqual([]);
  });

  it('the scan sees through helper files (it would catch a new D-Bus test)', () => {
    expect(linuxOnlyReach('test/core/rushDbus.test.ts')).toContain('test/harness/privateBus.ts');
    expect(linuxOnlyReach('test/renderer/historyPage.test.ts')).toContain('test/renderer/harness.ts');
    expect(linuxOnlyReach('common/i18n/catalogues.test.ts')).toEqual([]);
  });

  it('Windows leaves out the POSIX-only files as well; macOS only the Linux ones', () => {
    expect(portableExcludes('win32')).toEqual(expect.arrayContaining(Object.keys(POSIX_ONLY)));
    expect(portableExcludes('darwin')).not.toContain('test/cli/cli.test.ts');
    expect(portableExcludes('darwin')).toContain('test/renderer/**');
  });
});
