// `npm run demo` ends cleanly on Ctrl-C (SIGINT to the whole process group) and on SIGTERM, leaving no headless
// child and no temp folder behind (#14.16).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/wait.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Process groups and pids to kill should a test fail half-way (a hung demo must not outlive the run). */
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function startDemo() {
  // Its own process group, as a terminal gives it; no desktop bus, so it records notifications itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/demo/run.ts'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: '' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  leftovers.push(-child.pid!);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await waitUntil(() => out.includes('press Ctrl-C to stop'), 60_000, 'the demo running');
  const headlessPid = Number(/demo: headless session pid (\d+)/.exec(out)?.[1]);
  const dir = path.dirname(/demo: settings: (.+)\n/.exec(out)?.[1] ?? '');
  expect(headlessPid).toBeGreaterThan(0);
  leftovers.push(headlessPid);
  expect(existsSync(dir)).toBe(true);
  return { child, exited, headlessPid, dir, out: () => out };
}

describe('npm run demo stops cleanly', () => {
  it('Ctrl-C from a terminal (SIGINT to the process group): exits 0, no headless child, no temp folder', async () => {
    const demo = await startDemo();
    try {
      process.kill(-demo.child.pid!, 'SIGINT');
      expect(await demo.exited).toBe(0);
      await waitUntil(() => !alive(demo.headlessPid), 5_000, 'the headless child gone');
      expect(existsSync(demo.dir)).toBe(false);
    } finally {
      demo.child.kill('SIGKILL');
    }
  }, 90_000);

  it('SIGTERM to the demo alone: the headless child is stopped too, and the temp folder removed', async () => {
    const demo = await startDemo();
    try {
      demo.child.kill('SIGTERM');
      expect(await demo.exited).toBe(0);
      await waitUntil(() => !alive(demo.headlessPid), 5_000, 'the headless child gone');
      expect(existsSync(demo.dir)).toBe(false);
    } finally {
      demo.child.kill('SIGKILL');
    }
  }, 90_000);
});
