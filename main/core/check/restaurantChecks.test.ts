import { describe, expect, it } from 'vitest';
import { restaurantsSettings } from '../../../test/harness/settings.js';
import type { SecretRef } from '../secrets/secretNames.js';
import { runChecks, type ConnectionProbe } from './connectionCheck.js';

describe('runChecks with several restaurants', () => {
  it('checks every restaurant’s secrets and probes, one line per restaurant and check, each with its own secrets', async () => {
    const settings = restaurantsSettings([
      { id: 'default', name: 'Trattoria', vonage: { enabled: true, backendUrl: 'https://backend.trattoria.example', username: 'desk' } },
      { id: 'bistro-mokotow', name: 'Bistro Mokotów', vonage: { enabled: true, backendUrl: 'https://backend.bistro.example', username: 'desk' }, links: { allowedHosts: [] } },
    ]);
    const asked: string[] = [];
    const probe: ConnectionProbe = {
      name: 'vonage',
      applies: (r) => r.vonage.enabled,
      run: async (r, getSecret) => [{ name: 'vonage backend /jwt', ok: (await getSecret('vonage.backendToken')) !== undefined, detail: r.vonage.backendUrl ?? '' }],
    };
    const stored: Record<string, string> = { 'default/vonage.backendToken': 'tok' };
    const locate = async (ref: SecretRef) => {
      asked.push(`${ref.restaurant}/${ref.name}`);
      const value = stored[`${ref.restaurant}/${ref.name}`];
      return value ? { location: 'keychain', value } : { location: 'missing' };
    };
    const lines = await runChecks(settings, locate, [probe]);
    expect(lines.map((l) => `${l.ok ? (l.warning ? 'warn' : 'ok') : 'FAIL'} ${l.name}: ${l.detail}`)).toEqual([
      'ok settings: valid',
      'warn settings restaurants[1] ("Bistro Mokotów").links.allowedHosts: empty, so no alert ever gets a Join Meeting link',
      'ok [default] secret vonage.backendToken: found in keychain',
      'ok [default] vonage backend /jwt: https://backend.trattoria.example',
      'FAIL [bistro-mokotow] secret vonage.backendToken: missing: set it with `servicebell credentials set vonage.backendToken --restaurant bistro-mokotow`',
      'FAIL [bistro-mokotow] vonage backend /jwt: https://backend.bistro.example',
    ]);
    expect(lines.filter((l) => l.restaurant === 'bistro-mokotow')).toHaveLength(2);
    expect(new Set(asked)).toEqual(new Set(['default/vonage.backendToken', 'bistro-mokotow/vonage.backendToken']));
  });
});
