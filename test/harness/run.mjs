#!/usr/bin/env node
// `npm test`: bring up a private desktop session (bus + keyring + fresh HOME), run vitest inside it,
// tear it all down whatever the outcome. Arguments are passed to vitest (e.g. `npm test -- test/core`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startDesktopSession } from './desktopSession.mjs';

const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

const session = await startDesktopSession();
let exitCode = 1;
try {
  const child = spawn(process.execPath, [vitestBin, 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...session.env, SERVICEBELL_TEST_SESSION: '1' },
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  exitCode = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
} finally {
  await session.stop();
}
process.exit(exitCode);
