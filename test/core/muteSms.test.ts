import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { silentLogger } from '../../main/core/log/logger.js';
import type { SourceSink } from '../../main/core/sources/source.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { restaurantsSettings } from '../harness/settings.js';

let sms: SmsapiEmulator;
beforeEach(async () => {
  sms = await startSmsapiEmulator({ tokens: ['sms-bistro'] });
});
afterEach(async () => {
  await sms.stop();
});

describe('a muted restaurant', () => {
  it('shows nothing, keeps every alert in history as "muted", and still texts its own duty phone for sms rules', async () => {
    const sinks = new Map<string, SourceSink>();
    const hand: SourceFactory = {
      kind: 'privmx', section: (r) => r.privmx, secrets: [], enabled: () => true,
      create: (ctx) => {
        sinks.set(ctx.restaurant.id, ctx.sink);
        return { name: 'privmx', start: async () => ctx.sink.status({ state: 'connected' }), reconnectNow: () => {}, stop: async () => {} };
      },
    };
    const notifier = new RecordingNotifier();
    const core = await ServicebellCore.open({
      settings: restaurantsSettings([
        { id: 'default', name: 'Trattoria' },
        { id: 'bistro-mokotow', name: 'Bistro Mokotów', muted: true, sms: { to: ['+48500100300'], apiUrl: sms.url } },
      ]),
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-mute-')),
      notifier,
      opener: { open: async () => {} },
      getSecret: async (ref) => (ref.restaurant === 'bistro-mokotow' && ref.name === 'smsapi.token' ? 'sms-bistro' : undefined),
      logger: silentLogger(),
      sources: [hand],
    });
    await core.start();
    await sinks.get('bistro-mokotow')?.alert({ id: 'o1', source: 'privmx', kind: 'threadNewMessage', title: 'New order', body: 'table 9', receivedAt: 1, meta: { sms: true } });
    await sinks.get('default')?.alert({ id: 'o1', source: 'privmx', kind: 'threadNewMessage', title: 'New order', body: 'table 2', receivedAt: 2, meta: { sms: true } });
    const [text] = await sms.waitForCount(1);
    expect(text).toMatchObject({ to: ['+48500100300'], message: 'New order: table 9' });
    expect(notifier.shown.map((n) => n.title)).toEqual(['Trattoria · New order']);
    expect(core.history.list().map((e) => [e.alert.restaurant, e.shown, e.reason])).toEqual([
      ['default', true, undefined],
      ['bistro-mokotow', false, 'muted'],
    ]);
    await core.stop();
    // Trattoria has no phone numbers: its sms-marked alert was texted to no one.
    expect(sms.messages).toHaveLength(1);
  });
});
