// The headless mode's lines for a person (no `--json`) speak the running language: the POSIX locale, then
// `ui.language` as the watched settings file says it now. The `--json` stream's keys and states stay as they are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startCli } from '../harness/runCli.js';
import { waitUntil } from '../harness/wait.js';

const polish = { LC_ALL: '', LC_MESSAGES: '', LANG: 'pl_PL.UTF-8' };

describe('headless status lines in the person’s language', () => {
  it('Polish from LANG=pl_PL.UTF-8; German from the next line on once ui.language "de" is saved in the watched file', async () => {
    const bridge = await startPrivmxBridgeEmulator();
    const key = bridge.addApiKey();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-headless-lang-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const run = startCli(['headless', '--config', file, '--data-dir', dir], { ...polish, SERVICEBELL_PRIVMX_API_KEY_SECRET: key.secret });
    const lines = (): string[] => run.stdout().split('\n').filter(Boolean);
    try {
      await waitUntil(() => lines().includes('[privmx] wyłączone'), 15_000, 'privmx off, in Polish');
      expect(lines()).toContain('[vonage] wyłączone');
      writeFileSync(file, JSON.stringify({ version: 1, ui: { language: 'de' }, privmx: { enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id } }));
      await waitUntil(() => lines().includes('[privmx] verbunden'), 15_000, 'privmx connected, in German');
      expect(lines().filter((l) => l.startsWith('[privmx] '))).toEqual(['[privmx] wyłączone', '[privmx] verbindet…', '[privmx] verbunden']);
      // Nothing after the edit is Polish, and nothing is the stream's English state name.
      const after = lines().slice(lines().indexOf('[privmx] verbindet…'));
      expect(after.join('\n')).not.toMatch(/połącz|wyłącz|\] (connect|disabled)/);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await bridge.stop();
    }
  });

  it('the --json stream keeps its English states under LANG=pl_PL.UTF-8', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-headless-json-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const run = startCli(['headless', '--json', '--config', file, '--data-dir', dir], polish);
    try {
      await waitUntil(() => run.stdout().includes('"source":"privmx","state":"disabled"'), 15_000, 'privmx disabled, as a state name');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});
