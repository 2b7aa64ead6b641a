import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A recording `xdg-open` placed first on PATH: the real opener finds and spawns it (no shell), and it appends the
 * URL it was given to a log file the test reads.
 */
export function installRecordingXdgOpen(): { dir: string; opened(): string[]; restore(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-xdg-open-'));
  const log = path.join(dir, 'opened.log');
  const script = path.join(dir, 'xdg-open');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
  chmodSync(script, 0o755);
  const previous = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${previous ?? ''}`;
  return {
    dir,
    opened: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    restore: () => {
      process.env.PATH = previous;
    },
  };
}
