// `servicebell headless --json | head -c 10`: a closed stdout ends the run cleanly (#14.15).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startCli } from '../harness/runCli.js';
import { waitUntil } from '../harness/wait.js';

describe('headless with a closed stdout', () => {
  it('stops cleanly: exit 0, no EPIPE stack trace, connections closed, the alert that hit the closed pipe in history', async () => {
    const bridge = await startPrivmxBridgeEmulator();
    const key = bridge.addApiKey();
    const thread = bridge.addThread(bridge.addContext().id);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-epipe-'));
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ privmx: { enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id } }));
    const run = startCli(['headless', '--json', '--config', config, '--data-dir', dir], { SERVICEBELL_PRIVMX_API_KEY_SECRET: key.secret });
    try {
      await waitUntil(() => run.stdout().includes('"source":"privmx","state":"connected"'), 15_000, 'privmx connected');
      // What `head -c 10` does: read a little, then close the pipe.
      run.child.stdout?.destroy();
      const message = bridge.sendMessage(thread.id);
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toContain('stdout was closed; stopping');
      expect(run.stderr()).not.toMatch(/EPIPE[\s\S]*\n\s+at /);
      await waitUntil(() => bridge.socketCount() === 0, 5_000, 'the headless socket closed');
      const stored = readdirSync(dir).filter((f) => f.startsWith('history')).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
      expect(stored).toContain(message.id);
    } finally {
      run.child.kill('SIGKILL');
      await bridge.stop();
    }
  });
});
