// `servicebell check` speaks the person's language in the lines it words itself: ui.language, else the POSIX locale.
// The probes' details quote the services and stay as they answered; the ok/FAIL/warn marks stay as they are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendEmulator, type BackendEmulator } from '../emulators/backend/index.js';
import { startVonageEmulator, type VonageEmulator } from '../emulators/vonage/index.js';
import { runCli } from '../harness/runCli.js';

let backend: BackendEmulator;
let vonage: VonageEmulator;
let dir: string;
const polish = { LC_ALL: '', LC_MESSAGES: '', LANG: 'pl_PL.UTF-8' };

beforeAll(async () => {
  backend = await startBackendEmulator({ conversationId: 'CON-lang', staffTokens: ['lang-staff-token'] });
  vonage = await startVonageEmulator({ conversationId: 'CON-lang', publicKey: backend.publicKeyPem });
  dir = mkdtempSync(path.join(os.tmpdir(), 'sb-check-lang-'));
});

afterAll(async () => {
  await Promise.all([vonage.stop(), backend.stop()]);
});

function config(name: string, settings: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

describe('servicebell check in the person’s language', () => {
  it('Polish from LANG=pl_PL.UTF-8: settings, secrets and the data folder in Polish; a missing secret says how in Polish', async () => {
    const file = config('pl.json', {
      vonage: { enabled: true, backendUrl: backend.url, username: 'desk', sdk: { url: vonage.url, apiUrl: vonage.url } },
      mqtt: { enabled: true, url: 'mqtt://127.0.0.1:1', topic: 't', username: 'desk' },
    });
    const result = await runCli(['check', '--config', file, '--data-dir', path.join(dir, 'data-pl')], {
      env: { ...polish, SERVICEBELL_VONAGE_BACKEND_TOKEN: 'lang-staff-token', SERVICEBELL_MQTT_PASSWORD: '' },
      timeoutMs: 40_000,
    });
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toBe('ok   ustawienia: poprawne');
    expect(lines).toContain('ok   sekret vonage.backendToken: znaleziono (zmienna środowiskowa)');
    expect(lines).toContainEqual(expect.stringMatching(/^FAIL sekret mqtt\.password: brak: ustaw go poleceniem `servicebell credentials set`$/));
    // The probes' own details are the services' answers, unchanged.
    expect(lines).toContain('ok   vonage backend /jwt: token for conversation CON-lang');
    expect(lines.at(-1)).toMatch(/^ok {3}folder danych: zapis możliwy \(/);
    expect(result.code).toBe(1);
  });

  it('ui.language beats the locale: German with LANG=pl_PL.UTF-8', async () => {
    const file = config('de.json', { ui: { language: 'de' } });
    const result = await runCli(['check', '--config', file, '--data-dir', path.join(dir, 'data-de')], { env: polish });
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(['ok   Einstellungen: gültig', expect.stringMatching(/^ok {3}Datenordner: beschreibbar \(/)]);
    expect(result.code).toBe(0);
  });

  it('before any settings are read the locale decides: no settings file, in Polish', async () => {
    const missing = path.join(dir, 'nowhere.json');
    const result = await runCli(['check', '--config', missing], { env: polish });
    expect(result.stdout).toBe(`FAIL ustawienia: brak pliku ustawień ${missing}\n`);
    expect(result.code).toBe(2);
  });

  it('C locale and ui.language "auto": English, as always', async () => {
    const file = config('en.json', {});
    const result = await runCli(['check', '--config', file, '--data-dir', path.join(dir, 'data-en')], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(['ok   settings: valid', expect.stringMatching(/^ok {3}data folder: writable \(/)]);
  });
});
