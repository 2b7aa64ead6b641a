// The headless bin as the benchmarks see it: compiled once (tsc, as `npm run build` does) into this checkout's
// .tmp/bench-dist (or SERVICEBELL_BENCH_DIST), started as its own process, its `--json` lines read as they come, its memory and CPU read from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// Per checkout, not under .cache: worktrees share .cache through a link, and two benches compiling different
// sources into one folder would run each other's code.
const outDir = path.resolve(root, process.env.SERVICEBELL_BENCH_DIST ?? path.join('.tmp', 'bench-dist'));
let compiled: string | undefined;

/** Compiles the current sources once per bench run; returns the bin's path. */
export function compiledCli(): string {
  if (compiled) return compiled;
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  compiled = path.join(outDir, 'main', 'cli.js');
  return compiled;
}

export interface JsonLine {
  type: string;
  source?: string;
  state?: string;
  id?: string;
  /** performance.now() in the bench process when the line was read. */
  readAt: number;
}

export interface ProcFigures {
  rssMiB: number;
  /** The process's RSS high-water mark so far (VmHWM). */
  hwmMiB: number;
  /** User + system CPU seconds so far. */
  cpuSeconds: number;
}

export interface HeadlessProcess {
  readonly child: ChildProcess;
  readonly startedAt: number;
  readonly lines: JsonLine[];
  readonly stderr: () => string;
  /** Alert lines per id. */
  readonly alerts: Map<string, number>;
  onLine(listener: (line: JsonLine) => void): void;
  waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void>;
  proc(): ProcFigures;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function readProc(pid: number): ProcFigures {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks (100 per second on Linux), after the ")".
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024, cpuSeconds: ticks / 100 };
}

/**
 * A floor program of bench/floors/ as plain JavaScript next to the compiled bin (esbuild, no bundling: its imports of
 * main/ find the compiled modules), so that it runs under a bare `node` as the bin does, not under tsx.
 */
export async function compiledFloor(name: string): Promise<string> {
  compiledCli();
  const { build } = await import('esbuild');
  const floors = path.join(outDir, 'bench', 'floors');
  const entryPoints = [name, 'bareConnections'].map((n) => path.join(root, 'bench', 'floors', `${n}.ts`));
  await build({ entryPoints, outdir: floors, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  return path.join(floors, `${name}.js`);
}

export function startHeadlessProcess(options: { config: string; dataDir: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] }): HeadlessProcess {
  const args = [compiledCli(), 'headless', '--json', '--config', options.config, '--data-dir', options.dataDir];
  return startJsonProcess([...(options.nodeArgs ?? []), ...args], options.env);
}

/** Any node process that speaks the headless `--json` lines (the bin, or a floor that prints the same lines). */
export function startJsonProcess(nodeArgs: string[], env?: NodeJS.ProcessEnv): HeadlessProcess {
  const startedAt = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: JsonLine[] = [];
  const alerts = new Map<string, number>();
  const listeners: Array<(line: JsonLine) => void> = [];
  let stderr = '';
  let buffer = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    const readAt = performance.now();
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (text === '') continue;
      const parsed = JSON.parse(text) as Omit<JsonLine, 'readAt'>;
      const line: JsonLine = { type: parsed.type, source: parsed.source, state: parsed.state, id: parsed.id, readAt };
      if (line.type === 'alert' && line.id !== undefined) alerts.set(line.id, (alerts.get(line.id) ?? 0) + 1);
      else lines.push(line); // alert lines are counted, not kept: a flood would hold 10,000 of them here
      for (const listener of listeners) listener(line);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    startedAt,
    lines,
    alerts,
    stderr: () => stderr,
    onLine: (listener) => void listeners.push(listener),
    waitFor: async (check, timeoutMs, what) => {
      const deadline = performance.now() + timeoutMs;
      while (!check()) {
        if (child.exitCode !== null) throw new Error(`headless exited (${child.exitCode}) while waiting for ${what}: ${stderr.slice(-2000)}`);
        if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}: ${stderr.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    proc: () => readProc(child.pid ?? 0),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

export const connected = (p: HeadlessProcess, source: string): boolean => p.lines.some((l) => l.type === 'status' && l.source === source && l.state === 'connected');

export const mib = (v: number): string => `${v.toFixed(1)} MiB`;
