import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../../../test/harness/recordingNotifier.js';
import { silentLogger } from '../log/logger.js';
import type { Settings } from '../settings/schema.js';
import { restaurantsSettings, settingsFrom, withRestaurant } from '../../../test/harness/settings.js';
import type { SourceFactory, SourceName } from '../sources/source.js';
import { ServicebellCore } from './servicebellCore.js';

function countingFactory(name: SourceName, log: string[]): SourceFactory {
  return {
    kind: name,
    section: (r) => (name === 'vonage' ? r.vonage : r.privmx),
    secrets: name === 'vonage' ? ['vonage.backendToken'] : ['privmx.apiKeySecret'],
    enabled: (r) => (name === 'vonage' ? r.vonage.enabled : r.privmx.enabled),
    create: (ctx) => {
      log.push(`create ${ctx.restaurant.id === 'default' ? '' : `${ctx.restaurant.id}/`}${name}`);
      return {
        name,
        start: async () => ctx.sink.status({ state: 'connected' }),
        reconnectNow: (reason) => void log.push(`reconnect ${ctx.restaurant.id === 'default' ? '' : `${ctx.restaurant.id}/`}${name} ${reason}`),
        stop: async () => void log.push(`stop ${ctx.restaurant.id === 'default' ? '' : `${ctx.restaurant.id}/`}${name}`),
      };
    },
  };
}

async function openCore(settings: Settings, log: string[]) {
  return ServicebellCore.open({
    settings,
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-core-')),
    notifier: new RecordingNotifier(),
    opener: { open: async () => {} },
    getSecret: async () => undefined,
    logger: silentLogger(),
    sources: [countingFactory('vonage', log), countingFactory('privmx', log)],
  });
}

describe('ServicebellCore', () => {
  const both: Settings = settingsFrom({ vonage: { enabled: true }, privmx: { enabled: true } });

  it('reports disabled sources and starts enabled ones', async () => {
    const log: string[] = [];
    const core = await openCore(settingsFrom({ vonage: { enabled: true } }), log);
    await core.start();
    expect(log).toEqual(['create vonage']);
    expect(core.statusList().map((s) => `${s.source}:${s.state}`)).toEqual(['vonage:connected', 'privmx:disabled']);
    await core.stop();
  });

  it('applies changed settings without a restart: only the source whose section or secret changed reconnects', async () => {
    const log: string[] = [];
    const core = await openCore(both, log);
    await core.start();
    log.length = 0;
    const renamed = settingsFrom({ vonage: { enabled: true, username: 'bar' }, privmx: { enabled: true } });
    await core.applySettings(renamed);
    expect(log).toEqual(['stop vonage', 'create vonage']);
    log.length = 0;
    const linked = withRestaurant(renamed, { links: { allowedHosts: ['meet.example.org'] }, sms: { to: ['+48500100200'] } });
    await core.applySettings(linked);
    expect(log).toEqual([]);
    // The SMS token belongs to the SMS forwarder, not to a source: no connection restarts for it.
    await core.applySettings(linked, [{ restaurant: 'default', name: 'smsapi.token' }]);
    expect(log).toEqual([]);
    await core.applySettings(linked, [{ restaurant: 'default', name: 'privmx.apiKeySecret' }]);
    expect(log).toEqual(['stop privmx', 'create privmx']);
    log.length = 0;
    core.reconnectAll('resume');
    expect(log).toEqual(['reconnect vonage resume', 'reconnect privmx resume']);
    await core.stop();
  });

  it('runs one connection per restaurant and kind; a change to one restaurant restarts only its own connection', async () => {
    const log: string[] = [];
    const two = restaurantsSettings([
      { id: 'default', name: 'Trattoria', vonage: { enabled: true }, privmx: { enabled: true } },
      { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { enabled: true } },
    ]);
    const core = await openCore(two, log);
    await core.start();
    expect(log).toEqual(['create vonage', 'create privmx', 'create bistro-mokotow/privmx']);
    expect(core.statusList().map((s) => `${s.restaurant}/${s.source}:${s.state}`)).toEqual([
      'default/vonage:connected',
      'default/privmx:connected',
      'bistro-mokotow/vonage:disabled',
      'bistro-mokotow/privmx:connected',
    ]);
    log.length = 0;
    await core.applySettings(withRestaurant(two, { privmx: { enabled: true, solution: 'other' } }, 1));
    expect(log).toEqual(['stop bistro-mokotow/privmx', 'create bistro-mokotow/privmx']);
    log.length = 0;
    await core.applySettings(two, [{ restaurant: 'bistro-mokotow', name: 'vonage.backendToken' }]);
    expect(log).toEqual(['stop bistro-mokotow/privmx', 'create bistro-mokotow/privmx']);
    log.length = 0;
    // Renaming is not a connection change; removing a restaurant stops its connections and drops its status lines.
    await core.applySettings(withRestaurant(two, { name: 'Bistro na Mokotowie' }, 1));
    expect(log).toEqual([]);
    await core.applySettings(settingsFrom({ vonage: { enabled: true }, privmx: { enabled: true } }));
    expect(log).toEqual(['stop bistro-mokotow/privmx']);
    expect(core.statusList().map((s) => s.restaurant)).toEqual(['default', 'default']);
    await core.stop();
  });
});
