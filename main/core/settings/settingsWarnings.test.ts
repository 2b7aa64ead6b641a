import { describe, expect, it } from 'vitest';
import { parseSettings } from './settingsFile.js';
import { settingsWarnings } from './settingsWarnings.js';

function warningsFor(restaurant: Record<string, unknown>): string[] {
  const parsed = parseSettings({ version: 2, restaurants: [{ id: 'default', name: 'Restaurant', ...restaurant }] });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return settingsWarnings(parsed.settings).map((w) => w.path);
}

describe('settings warnings for the push sources', () => {
  it('an unencrypted broker or ntfy server off this machine is a warning; encrypted, loopback or disabled is not', () => {
    expect(warningsFor({ mqtt: { enabled: true, url: 'mqtt://192.168.1.20:1883', topic: 'a/b' }, ntfy: { enabled: true, baseUrl: 'http://ntfy.lan', topics: ['t'] } })).toEqual(['mqtt.url', 'ntfy.baseUrl']);
    expect(warningsFor({ mqtt: { enabled: true, url: 'ws://broker.lan/mqtt', topic: 'a/b' } })).toEqual(['mqtt.url']);
    expect(warningsFor({ mqtt: { enabled: true, url: 'mqtts://broker.example:8883', topic: 'a/b' }, ntfy: { enabled: true, baseUrl: 'https://ntfy.example', topics: ['t'] } })).toEqual([]);
    expect(warningsFor({ mqtt: { enabled: true, url: 'mqtt://127.0.0.1:1883', topic: 'a/b' }, ntfy: { enabled: true, baseUrl: 'http://localhost:8080', topics: ['t'] } })).toEqual([]);
    expect(warningsFor({ mqtt: { enabled: false, url: 'mqtt://192.168.1.20', topic: 'a/b' } })).toEqual([]);
  });
});
