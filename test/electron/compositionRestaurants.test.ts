// The real main/index.ts (electron double) with several restaurants: settings upgraded on disk, each restaurant's
// connections on their own Bridge with their own secrets, one tray line per restaurant and connection.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startFakeApp, type FakeLine } from './fakeApp.js';

let bridges: PrivmxBridgeEmulator[] = [];
beforeEach(async () => {
  bridges = await Promise.all([startPrivmxBridgeEmulator(), startPrivmxBridgeEmulator()]);
});
afterEach(async () => {
  await Promise.all(bridges.map((b) => b.stop()));
});

const labelsOf = (l: FakeLine): string[] => (Array.isArray(l.labels) ? (l.labels as string[]) : []);
const writeConfig = (root: string, settings: unknown): void => {
  mkdirSync(path.join(root, 'userData'), { recursive: true });
  writeFileSync(path.join(root, 'userData', 'config.json'), JSON.stringify(settings));
};

describe('composition root with several restaurants', () => {
  it('runs both restaurants on their own Bridges with their own secrets and shows each connection in the tray', async () => {
    const [a, b] = bridges as [PrivmxBridgeEmulator, PrivmxBridgeEmulator];
    const keyA = a.addApiKey();
    const keyB = b.addApiKey();
    const settings = {
      version: 2,
      restaurants: [
        { id: 'default', name: 'Trattoria', privmx: { enabled: true, bridgeUrl: a.url, apiKeyId: keyA.id } },
        { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { enabled: true, bridgeUrl: b.url, apiKeyId: keyB.id } },
      ],
    };
    const env = { SERVICEBELL_PRIVMX_API_KEY_SECRET: keyA.secret, SERVICEBELL_PRIVMX_API_KEY_SECRET__BISTRO_MOKOTOW: keyB.secret };
    const app = startFakeApp([], env, (root) => writeConfig(root, settings));
    try {
      const menu = await app.waitFor(
        (l) => l.kind === 'menu' && labelsOf(l).includes('Trattoria · PrivMX: connected') && labelsOf(l).includes('Bistro Mokotów · PrivMX: connected'),
        'both restaurants connected in the tray',
      );
      expect(labelsOf(menu)[0]).toBe('Servicebell: All connected');
      expect(labelsOf(menu)).toContain('Mute restaurant');
      app.send('quit');
      expect(await app.exited()).toBe(0);
    } finally {
      await app.kill();
    }
  });

  it('upgrades a version-1 settings file on start: the original kept as config.json.v1.bak, the new one in version 2', async () => {
    const v1 = { version: 1, privmx: { enabled: false }, links: { allowedHosts: ['meet.example.org'] } };
    let root = '';
    const app = startFakeApp([], {}, (r) => {
      root = r;
      writeConfig(r, v1);
    });
    try {
      const menu = await app.waitFor((l) => l.kind === 'menu', 'tray menu');
      expect(labelsOf(menu)).not.toContain('Mute restaurant');
      const dir = path.join(root, 'userData');
      expect(JSON.parse(readFileSync(path.join(dir, 'config.json.v1.bak'), 'utf8'))).toEqual(v1);
      const upgraded = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { version: number; restaurants: Array<{ id: string; links: unknown }> };
      expect(upgraded.version).toBe(2);
      expect(upgraded.restaurants.map((r) => [r.id, r.links])).toEqual([['default', { allowedHosts: ['meet.example.org'] }]]);
      app.send('quit');
      expect(await app.exited()).toBe(0);
    } finally {
      await app.kill();
    }
  });
});
