// The SMS Servicebell composes, in the staff's language (#16): a support request texted to the duty phone reads in
// Polish at the SMSAPI emulator, refused-link line included.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { parsePushPayload } from '../../main/core/sources/push/pushPayload.js';
import { pushAlert } from '../../main/core/sources/push/pushAlert.js';
import type { SourceFactory, SourceSink } from '../../main/core/sources/source.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { restaurantsSettings } from '../harness/settings.js';

let sms: SmsapiEmulator;
beforeEach(async () => {
  sms = await startSmsapiEmulator({ tokens: ['sms-token'] });
});
afterEach(async () => {
  await sms.stop();
});

describe('the SMS text in the running language', () => {
  it('Polish: a support request marked for SMS reaches the duty phone as "Prośba o pomoc: … prosi o pomoc"', async () => {
    let sink: SourceSink | undefined;
    const hand: SourceFactory = {
      kind: 'mqtt', section: (r) => r.mqtt, secrets: [], enabled: () => true,
      create: (ctx) => {
        sink = ctx.sink;
        return { name: 'mqtt', start: async () => ctx.sink.status({ state: 'connected' }), reconnectNow: () => {}, stop: async () => {} };
      },
    };
    const notifier = new RecordingNotifier();
    const core = await ServicebellCore.open({
      settings: restaurantsSettings([{ id: 'default', name: 'Trattoria', sms: { to: ['+48500100300'], apiUrl: sms.url } }], { ui: { language: 'pl' } }),
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-lang-sms-')),
      notifier,
      opener: { open: async () => {} },
      getSecret: async (ref) => (ref.name === 'smsapi.token' ? 'sms-token' : undefined),
      logger: silentLogger(),
      sources: [hand],
    });
    await core.start();
    const parsed = parsePushPayload(JSON.stringify({ type: 'support_request', id: 'p1', email: 'anna@example.com', host_url: 'https://meet.elsewhere.example/room/9?pwd=abc' }));
    if (!parsed.ok) throw new Error(parsed.reason);
    await sink?.alert(pushAlert('mqtt', parsed.payload, 1, { sms: true }));
    const [text] = await sms.waitForCount(1);
    expect(text).toMatchObject({
      to: ['+48500100300'],
      message: 'Prośba o pomoc: anna@example.com prosi o pomoc Link do spotkania (niedozwolony, nie otwarto): meet.elsewhere.example/room/9',
    });
    expect(notifier.shown.map((n) => n.title)).toEqual(['Prośba o pomoc']);
    await core.stop();
  });
});
