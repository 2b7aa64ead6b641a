#!/usr/bin/env node
// `npm test`: bring up a private desktop session (bus + keyring + fresh HOME), run vitest inside it,
// tear it all down whatever the outcome. Arguments are passed to vitest (e.g. `npm test -- test/core`).
// `npm run test:portable` (a first argument `--portable`): the files that need no Linux desktop session
// (vitest.portable.config.ts), with a fresh home only: what the macOS and Windows release jobs run.
// `npm run test:e2e` (`--e2e`): the Playwright `_electron` specs alone (vitest.e2e.config.ts), in the private
// desktop session on Linux, with a fresh home only elsewhere.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startDesktopSession } from './desktopSession.mjs';

const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

const MODES = { '--portable': 'vitest.portable.config.ts', '--e2e': 'vitest.e2e.config.ts' };
const mode = Object.hasOwn(MODES, process.argv[2] ?? '') ? process.argv[2] : undefined;
const vitestArgs = process.argv.slice(mode ? 3 : 2);
const portable = mode === '--portable' || (mode === '--e2e' && process.platform !== 'linux');
const session = await startDesktopSession({ desktop: !portable });
const report = path.join(session.root, 'vitest-report.json');
let exitCode = 1;
try {
  const config = mode ? ['--config', MODES[mode]] : [];
  const args = ['run', ...config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs];
  const child = spawn(process.execPath, [vitestBin, ...args], {
    stdio: 'inherit',
    // No language from the machine running the tests: with `ui.language` "auto" Servicebell speaks English here, as
    // the tests expect; tests of other languages set them.
    env: { ...session.env, SERVICEBELL_TEST_SESSION: portable ? 'portable' : '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  exitCode = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  printClosingLine(report);
} finally {
  await session.stop();
}

// CI reads a plain closing line ("N passed, N failed, N skipped"); vitest's own summary is not one it knows.
function printClosingLine(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  process.stdout.write(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped\n`);
}
process.exit(exitCode);
