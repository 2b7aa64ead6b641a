// Runs the real main/index.ts under Node with the stand-in `electron` (test/electron/fakeElectron): every Electron
// call it makes comes back as a JSON line; stdin lines play OS events (second-instance, activate, tray-click, quit).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { REPO } from '../packaging/packStage.js';
import { tempDir } from './fakes.js';

export interface FakeLine {
  kind: string;
  [key: string]: unknown;
}

export interface FakeApp {
  lines: FakeLine[];
  stderr(): string;
  send(command: string): void;
  waitFor(predicate: (l: FakeLine) => boolean, what: string, timeoutMs?: number): Promise<FakeLine>;
  /** Resolves with the exit code, or rejects when the process is still running after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
  kill(): Promise<void>;
  root: string;
}

/** `prepare` runs before the app starts, with the fake root (Electron's `userData` is `<root>/userData`). */
export function startFakeApp(args: string[] = [], env: NodeJS.ProcessEnv = {}, prepare?: (root: string) => void): FakeApp {
  const root = tempDir('sb-root-');
  prepare?.(root);
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/electron/fakeElectron/register.mjs', 'main/index.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, SB_FAKE_ROOT: root, SERVICEBELL_LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: FakeLine[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiters: Array<() => void> = [];
  readline.createInterface({ input: child.stdout }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as FakeLine);
    } catch {
      lines.push({ kind: 'stdout', text });
    }
    for (const w of waiters.splice(0)) w();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    root,
    stderr: () => stderr,
    send: (command) => child.stdin.write(`${command}\n`),
    async waitFor(predicate, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${what}; got ${JSON.stringify(lines.map((l) => l.kind))}\n${stderr}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
    async exited(timeoutMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms (hung); stderr:\n${stderr}`)), timeoutMs);
      });
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    },
  };
}
