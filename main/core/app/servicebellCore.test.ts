import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../../../test/harness/recordingNotifier.js';
import { silentLogger } from '../log/logger.js';
import { defaultSettings, type Settings } from '../settings/schema.js';
import type { SourceName } from '../sources/source.js';
import { ServicebellCore, type SourceFactory } from './servicebellCore.js';

function countingFactory(name: SourceName, log: string[]): SourceFactory {
  return {
    name,
    enabled: (s) => (name === 'vonage' ? s.vonage.enabled : s.privmx.enabled),
    create: (ctx) => {
      log.push(`create ${name}`);
      return {
        name,
        start: async () => ctx.sink.status({ state: 'connected' }),
        reconnectNow: (reason) => void log.push(`reconnect ${name} ${reason}`),
        stop: async () => void log.push(`stop ${name}`),
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
  const both: Settings = { ...defaultSettings(), vonage: { ...defaultSettings().vonage, enabled: true }, privmx: { ...defaultSettings().privmx, enabled: true } };

  it('reports disabled sources and starts enabled ones', async () => {
    const log: string[] = [];
    const core = await openCore({ ...both, privmx: { ...both.privmx, enabled: false } }, log);
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
    await core.applySettings({ ...both, vonage: { ...both.vonage, username: 'bar' } });
    expect(log).toEqual(['stop vonage', 'create vonage']);
    log.length = 0;
    await core.applySettings({ ...both, vonage: { ...both.vonage, username: 'bar' }, links: { allowedHosts: ['meet.example.org'] } });
    expect(log).toEqual([]);
    await core.applySettings({ ...both, vonage: { ...both.vonage, username: 'bar' }, links: { allowedHosts: ['meet.example.org'] } }, ['smsapi.token']);
    expect(log).toEqual(['stop privmx', 'create privmx']);
    log.length = 0;
    core.reconnectAll('resume');
    expect(log).toEqual(['reconnect vonage resume', 'reconnect privmx resume']);
    await core.stop();
  });
});
