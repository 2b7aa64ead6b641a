import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/alerts/history.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('history under a crash', () => {
  it('keeps every acknowledged alert when the process is killed mid-write', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-crash-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/core/fixtures/historyWriter.ts', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: string[] = [];
    await new Promise<void>((resolve) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
        // Kill while the writer is busy: well past the first writes, at an arbitrary moment.
        if (acked.length >= 300 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const warnings: string[] = [];
    const reopened = await HistoryStore.open(dataDir, 5000, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    const stored = new Set(reopened.list().map((e) => e.alert.id));
    const lost = acked.filter((id) => !stored.has(id));
    await reopened.close();
    expect(lost).toEqual([]);
  });
});
