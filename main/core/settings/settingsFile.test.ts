import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAppDir } from './paths.js';
import { defaultSettings } from './schema.js';
import { withRestaurant } from '../../../test/harness/settings.js';
import { loadSettingsForApp, readSettingsFile, writeSettingsFile } from './settingsFile.js';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'sb-settings-'));

describe('settings file', () => {
  it('uses defaults when there is no file', async () => {
    const result = await readSettingsFile(path.join(dir(), 'config.json'));
    expect(result).toEqual({ status: 'missing', settings: defaultSettings() });
  });

  it('reports every problem with its path, unknown keys and wrong types alike', async () => {
    const file = path.join(dir(), 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        privmx: { rules: [{ match: { channel: 'thread', thraedId: 'x' }, title: 'New order' }] },
        vonage: { enabled: 'yes' },
        sms: { to: ['500100200'] },
        colour: 'red',
      }),
    );
    const result = await readSettingsFile(file);
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    // A version-1 shape becomes restaurant `default` ("Restaurant"), and every problem says so.
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'restaurants[0] ("Restaurant").privmx.rules[0].match: unknown key "thraedId"',
        expect.stringMatching(/^restaurants\[0\] \("Restaurant"\)\.vonage\.enabled: /),
        expect.stringMatching(/^restaurants\[0\] \("Restaurant"\)\.sms\.to\[0\]: must be an E\.164/),
        '(root): unknown key "colour"',
      ]),
    );
  });

  it('migrates a version 0 file (no version field, flat keys)', async () => {
    const file = path.join(dir(), 'config.json');
    writeFileSync(file, JSON.stringify({ backendUrl: 'https://backend.example.com', username: 'frontdesk', bridgeUrl: 'http://localhost:9111', apiKeyId: 'key1', smsTo: '+48500100200' }));
    const result = await readSettingsFile(file);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.migratedFrom).toBe(0);
    expect(result.settings.version).toBe(2);
    const [only] = result.settings.restaurants;
    expect(result.settings.restaurants).toHaveLength(1);
    expect(only).toMatchObject({ id: 'default', name: 'Restaurant', muted: false });
    expect(only?.vonage).toMatchObject({ enabled: true, backendUrl: 'https://backend.example.com', username: 'frontdesk' });
    expect(only?.privmx).toMatchObject({ enabled: true, bridgeUrl: 'http://localhost:9111', apiKeyId: 'key1' });
    expect(only?.sms.to).toEqual(['+48500100200']);
  });

  it('refuses a file from a newer version instead of guessing', async () => {
    const file = path.join(dir(), 'config.json');
    writeFileSync(file, JSON.stringify({ version: 99 }));
    const result = await readSettingsFile(file);
    expect(result.status === 'invalid' && result.problems[0]).toMatch(/newer than this Servicebell/);
  });

  it('the app moves a corrupt file aside, keeps its bytes, and starts on defaults', async () => {
    const d = dir();
    const file = path.join(d, 'config.json');
    writeFileSync(file, '{ "vonage": { "enabled": tru');
    const result = await loadSettingsForApp(file);
    expect(result.status).toBe('recovered');
    if (result.status !== 'recovered') return;
    expect(result.settings).toEqual(defaultSettings());
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(result.movedTo, 'utf8')).toBe('{ "vonage": { "enabled": tru');
    expect(path.basename(result.movedTo)).toMatch(/^config\.json\.corrupt-/);
  });

  it('writes atomically and reads back what it wrote', async () => {
    const d = dir();
    const file = path.join(d, 'config.json');
    const settings = withRestaurant(defaultSettings(), { links: { allowedHosts: ['meet.example.org'] } });
    await writeSettingsFile(file, settings);
    expect(readdirSync(d)).toEqual(['config.json']);
    expect(await readSettingsFile(file)).toEqual({ status: 'ok', settings });
  });

  it('lives where Electron keeps userData', () => {
    expect(defaultAppDir({ HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Servicebell');
    expect(defaultAppDir({ HOME: '/h' }, 'linux')).toBe('/h/.config/Servicebell');
    expect(defaultAppDir({ HOME: '/h' }, 'darwin')).toBe('/h/Library/Application Support/Servicebell');
  });
});
