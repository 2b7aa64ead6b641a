import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingLogFile } from './rotatingLogFile.js';
import { recentLog } from '../log/recentLog.js';

describe('RotatingLogFile', () => {
  it('caps each file, keeps three rotated ones, drops the oldest, and recentLog reads the newest lines', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-rotate-')), 'logs');
    const log = new RotatingLogFile({ dir, name: 'app', maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 200; i += 1) log.write(`${JSON.stringify({ i, msg: 'x'.repeat(30) })}\n`);
    log.close();
    const files = ['app.log', 'app.log.1', 'app.log.2', 'app.log.3'].map((f) => path.join(dir, f));
    for (const f of files) {
      expect(existsSync(f)).toBe(true);
      expect(statSync(f).size).toBeLessThanOrEqual(1000);
      expect(statSync(f).mode & 0o077).toBe(0);
    }
    expect(existsSync(path.join(dir, 'app.log.4'))).toBe(false);
    expect(readFileSync(files[0]!, 'utf8').trimEnd().split('\n').at(-1)).toContain('"i":199');
    const recent = await recentLog(dir, 'app', 500);
    expect(recent.trimEnd().split('\n').at(-1)).toContain('"i":199');
    expect(recent.startsWith('{')).toBe(true);
    // Reopening appends to the same file.
    const again = new RotatingLogFile({ dir, name: 'app', maxBytes: 1000, keep: 3 });
    again.write('{"i":200}\n');
    again.close();
    expect(readFileSync(files[0]!, 'utf8')).toContain('"i":200');
  });
});
