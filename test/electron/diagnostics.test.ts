// "Copy diagnostics" / "Save diagnostics…" in the tray, on the real composition root (#14.17).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/wait.js';
import { startFakeApp } from './fakeApp.js';
import { tempDir } from './fakes.js';

describe('tray diagnostics', () => {
  it('writes the tray log to servicebell.log; Copy puts the redacted bundle on the clipboard; Save writes the chosen file', async () => {
    const savePath = path.join(tempDir('sb-diag-save-'), 'bundle.txt');
    const app = startFakeApp([], { SB_FAKE_SAVE_PATH: savePath, SERVICEBELL_LOG_LEVEL: 'info' });
    try {
      await app.waitFor((l) => l.kind === 'menu' && (l.labels as string[]).includes('Copy diagnostics'), 'the diagnostics menu items');
      const logFile = path.join(app.root, 'logs', 'servicebell.log');
      await waitUntil(() => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('"msg"'), 10_000, 'the tray log file');

      app.send('menu Copy diagnostics');
      const clip = await app.waitFor((l) => l.kind === 'clipboard', 'the clipboard write');
      const text = String(clip.text);
      expect(text).toContain('version: 0.0.0-test (tray app)');
      expect(text).toMatch(/platform: linux .*; Node \d+/);
      expect(text).toContain('== check ==\nok   settings: valid');
      expect(text).toContain('"allowedHosts": [');
      expect(text).toContain(`== recent log (${logFile}) ==\n{`);

      app.send('menu Save diagnostics…');
      const dialog = await app.waitFor((l) => l.kind === 'saveDialog', 'the save dialog');
      expect(String(dialog.defaultPath)).toMatch(/servicebell-diagnostics-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.txt$/);
      await waitUntil(() => existsSync(savePath), 10_000, 'the saved bundle');
      await waitUntil(() => readFileSync(savePath, 'utf8').includes('== recent log'), 10_000, 'the whole bundle');
      expect(statSync(savePath).mode & 0o077).toBe(0);
    } finally {
      await app.kill();
    }
  });
});
