import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** What `npm run build` reads; copied so the build runs exactly as in the repo without touching the repo's dist/. */
const BUILD_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'common', 'main', 'preload', 'renderer', 'assets', 'scripts', 'build'];

/**
 * Files a careless `files` list would ship: stale compiled tests, source maps, declaration files and test or
 * bench folders left in dist/, plus sources next to it. Paths relative to the stage.
 */
export const DECOYS = [
  'dist/main/leftover.test.js',
  'dist/main/cli.js.map',
  'dist/preload/contract.d.ts',
  'dist/main/test/fixture.js',
  'dist/bench/run.js',
  'test/decoy.test.ts',
  'bench/decoy.ts',
];

export interface RunResult {
  code: number;
  output: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * A throwaway copy of the project: build inputs copied, node_modules hard-linked (a symlink makes
 * electron-builder's dependency search miss packages), then `npm run build` and the decoys.
 */
export async function createPackStage(): Promise<{ root: string; stage: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sb-pack-'));
  try {
    return { root, stage: await fillStage(root) };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

async function fillStage(root: string): Promise<string> {
  const stage = path.join(root, 'app');
  mkdirSync(stage);
  for (const entry of BUILD_INPUTS) {
    const from = path.join(REPO, entry);
    if (existsSync(from)) cpSync(from, path.join(stage, entry), { recursive: true });
  }
  const link = await run('cp', ['-al', path.join(REPO, 'node_modules'), path.join(stage, 'node_modules')], root);
  if (link.code !== 0) throw new Error(`hard-linking node_modules failed: ${link.output}`);
  const build = await run('npm', ['run', 'build'], stage);
  if (build.code !== 0) throw new Error(`npm run build failed in the stage:\n${build.output}`);
  for (const decoy of DECOYS) {
    mkdirSync(path.dirname(path.join(stage, decoy)), { recursive: true });
    writeFileSync(path.join(stage, decoy), '// decoy: must not ship\n');
  }
  return stage;
}

/** Files under `dir` relative to `base`, with forward slashes. */
export function listFiles(dir: string, base: string = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}
