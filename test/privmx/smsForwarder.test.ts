import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsSettingsSchema, type SmsSettings } from '../../main/core/settings/schema.js';
import { SmsForwarder, type SmsAlert } from '../../main/core/sms/smsForwarder.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { capturingLogger } from './sourceHarness.js';
import { createTranslator, type Translator } from '../../common/i18n/translator.js';

let sms: SmsapiEmulator;
beforeEach(async () => {
  sms = await startSmsapiEmulator({ tokens: ['sms-token-123'] });
});
afterEach(async () => {
  await sms.stop();
});

const PHONE = '+48500100200';
const alert = (id: string, extra: Partial<SmsAlert> = {}): SmsAlert => ({ id, source: 'privmx', title: 'New order', body: 'Table 7', meta: { sms: true }, ...extra });

function forwarder(settings: Partial<SmsSettings> = {}, token = 'sms-token-123', extra: { timeoutMs?: number; translator?: () => Translator } = {}) {
  const { logger, lines } = capturingLogger();
  const statusLines: string[] = [];
  const f = new SmsForwarder({
    settings: smsSettingsSchema.parse({ to: [PHONE], from: 'Bistro', apiUrl: sms.url, ...settings }),
    getSecret: async (name) => (name === 'smsapi.token' ? token : undefined),
    logger,
    onStatus: (l) => statusLines.push(l.message),
    retryDelayMs: 10,
    ...extra,
  });
  return { f, lines, statusLines };
}

describe('SmsForwarder with the SMSAPI emulator', () => {
  it('texts an sms-marked alert once, with sender, and masks the number in logs', async () => {
    const { f, lines } = forwarder();
    expect(await f.forward(alert('a1'))).toEqual({ status: 'sent', recipients: 1 });
    expect(await f.forward(alert('a1'))).toEqual({ status: 'skipped', reason: 'duplicate' });
    expect(await f.forward(alert('a2', { meta: { sms: false } }))).toEqual({ status: 'skipped', reason: 'not_marked' });
    expect(sms.messages).toHaveLength(1);
    expect(sms.messages[0]).toMatchObject({ to: [PHONE], message: 'New order: Table 7', from: 'Bistro' });
    const logText = lines.join('');
    expect(logText).toContain('sms: sent');
    expect(logText).not.toContain(PHONE);
    expect(logText).not.toContain('sms-token-123');
  });

  it('retries once after an HTTP error and after an SMSAPI error body', async () => {
    const { f } = forwarder();
    sms.failNext({ kind: 'http', status: 503 });
    expect(await f.forward(alert('h1'))).toEqual({ status: 'sent', recipients: 1 });
    sms.failNext({ kind: 'message', error: 8, message: 'Error in request' });
    expect(await f.forward(alert('m1'))).toEqual({ status: 'sent', recipients: 1 });
    expect(sms.requests).toBe(4);
    expect(sms.messages).toHaveLength(2);
  });

  it('reports a failure after one retry and never throws', async () => {
    const { f, statusLines, lines } = forwarder({}, 'bad-token');
    const result = await f.forward(alert('x1'));
    expect(result).toEqual({ status: 'failed', error: 'SMSAPI error 101: Authorization failed' });
    expect(sms.requests).toBe(2);
    expect(statusLines.at(-1)).toMatch(/^SMS to \+48\*\*\*00 failed: SMSAPI error 101/);
    expect(lines.join('')).not.toContain('bad-token');
  });

  it('does not retry a timed-out send (it may have been delivered)', async () => {
    const { f } = forwarder({}, 'sms-token-123', { timeoutMs: 200 });
    sms.failNext({ kind: 'hang' });
    expect(await f.forward(alert('t1'))).toMatchObject({ status: 'failed', error: expect.stringMatching(/no answer/) });
    expect(sms.requests).toBe(1);
  });

  it('words its status lines in the running language; the log stays English', async () => {
    const { f, statusLines, lines } = forwarder({ maxPerHour: 1 }, 'sms-token-123', { translator: () => createTranslator('pl') });
    await f.forward(alert('p1'));
    await f.forward(alert('p2'));
    expect(statusLines).toEqual(['Osiągnięto limit 1 SMS na godzinę: nie wysłano wiadomości o „New order”']);
    expect(lines.join('')).toContain('SMS limit of 1/hour reached');
    const none = forwarder({}, '', { translator: () => createTranslator('de') });
    await none.f.forward(alert('p3'));
    expect(none.statusLines).toEqual(['SMS nicht gesendet: das SMSAPI-Token ist nicht gesetzt (Schlüsselbund, smsapi.token)']);
  });

  it('drops texts beyond maxPerHour with a status line', async () => {
    const { f, statusLines } = forwarder({ maxPerHour: 2 });
    const results = await Promise.all([1, 2, 3, 4].map((i) => f.forward(alert(`r${i}`))));
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'skipped', 'skipped']);
    expect(sms.messages).toHaveLength(2);
    expect(statusLines.filter((l) => l.includes('limit of 2/hour reached'))).toHaveLength(2);
  });

  it('rejects non-E.164 numbers in settings and skips when no token is set', async () => {
    expect(smsSettingsSchema.safeParse({ to: ['500100200'] }).success).toBe(false);
    const { f } = forwarder({}, '');
    expect(await f.forward(alert('n1'))).toEqual({ status: 'skipped', reason: 'no_token' });
  });
});
