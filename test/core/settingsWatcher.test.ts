import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../main/core/settings/schema.js';
import { watchSettingsFile, type SettingsWatcher } from '../../main/core/settings/settingsWatcher.js';
import { sleep, waitUntil } from '../harness/wait.js';

const open: SettingsWatcher[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function watchInto(file: string, current: Settings = defaultSettings(), pollMs = 50) {
  const changes: Settings[] = [];
  const invalid: string[][] = [];
  const watcher = watchSettingsFile({ file, current, debounceMs: 30, pollMs, onChange: (s) => changes.push(s), onInvalid: (p) => invalid.push(p) });
  open.push(watcher);
  return { watcher, changes, invalid };
}

const tempFile = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-watch-')), 'config.json');
const enabledPrivmx = { version: 1, privmx: { enabled: true, bridgeUrl: 'https://bridge.example.com', apiKeyId: 'k1' } };

describe('settings file watcher', () => {
  it('reports a valid edit once, and nothing for a rewrite that changes nothing', async () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const { watcher, changes, invalid } = watchInto(file);
    expect(watcher.mode).toBe('events');
    await sleep(100);
    expect(changes).toEqual([]);
    writeFileSync(file, JSON.stringify(enabledPrivmx));
    await waitUntil(() => changes.length === 1, 5_000, 'the edit');
    expect(changes[0]?.restaurants[0]?.privmx.enabled).toBe(true);
    writeFileSync(file, JSON.stringify(enabledPrivmx, null, 2));
    await sleep(200);
    expect(changes).toHaveLength(1);
    expect(invalid).toEqual([]);
  });

  it('reports an invalid edit with its problems, keeps quiet about it, then takes the next valid one', async () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const { changes, invalid } = watchInto(file);
    writeFileSync(file, '{ "privmx": { "enabled": tru');
    await waitUntil(() => invalid.length > 0, 5_000, 'the invalid edit');
    expect(invalid[0]?.[0]).toMatch(/is not valid JSON/);
    writeFileSync(file, JSON.stringify({ version: 1, privmx: { enabled: 'yes' } }));
    await waitUntil(() => invalid.some((p) => p.some((line) => line.startsWith('restaurants[0] ("Restaurant").privmx.enabled:'))), 5_000, 'the schema problem');
    expect(changes).toEqual([]);
    writeFileSync(file, JSON.stringify(enabledPrivmx));
    await waitUntil(() => changes.length === 1, 5_000, 'the valid edit');
  });

  it('catches an edit made after the start-up read but before the watch began', async () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify(enabledPrivmx));
    // `current` is what the app read earlier; the file has moved on since.
    const { changes } = watchInto(file, defaultSettings());
    await waitUntil(() => changes.length === 1, 5_000, 'the missed edit');
    expect(changes[0]?.restaurants[0]?.privmx.apiKeyId).toBe('k1');
  });

  it('follows an atomic replace (write a temporary file, rename it over)', async () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const { changes } = watchInto(file);
    await sleep(50);
    writeFileSync(`${file}.tmp`, JSON.stringify(enabledPrivmx));
    renameSync(`${file}.tmp`, file);
    await waitUntil(() => changes.length === 1, 5_000, 'the replaced file');
  });

  it('polls when the folder does not exist yet, and picks the file up once it is created', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-watch-')), 'Servicebell');
    const file = path.join(dir, 'config.json');
    const { watcher, changes } = watchInto(file);
    expect(watcher.mode).toBe('polling');
    mkdirSync(dir);
    writeFileSync(file, JSON.stringify(enabledPrivmx));
    await waitUntil(() => changes.length === 1, 5_000, 'the created file');
  });

  it('reports a file it cannot read instead of throwing', async () => {
    const file = tempFile();
    const { invalid } = watchInto(file);
    mkdirSync(file);
    await waitUntil(() => invalid.length > 0, 5_000, 'the unreadable file');
    expect(invalid[0]?.[0]).toMatch(/cannot be read \(EISDIR\)/);
  });

  it('reports nothing after close', async () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const { watcher, changes, invalid } = watchInto(file);
    watcher.close();
    writeFileSync(file, JSON.stringify(enabledPrivmx));
    await sleep(200);
    expect(changes).toEqual([]);
    expect(invalid).toEqual([]);
  });
});
