import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../common/i18n/translator.js';
import type { Alert } from '../alerts/alert.js';
import { forgetSecrets, registerSecret } from '../log/redact.js';
import { actionLine, outcomeLine, statusLine, storageLine } from './humanLines.js';

const pl = createTranslator('pl');
const de = createTranslator('de');
const en = createTranslator('en');
const alert: Alert = { id: 'a1', restaurant: 'default', source: 'privmx', kind: 'threadNewMessage', title: 'Stolik 4', body: 'rachunek', receivedAt: 1, meta: {} };

describe('headless lines for a person', () => {
  it('a connection in plain words; the technical detail stays English after "Details:"', () => {
    expect(statusLine('privmx', { state: 'connected', detail: 'subscribed' }, pl)).toBe('[privmx] połączono');
    expect(statusLine('wola/mqtt', { state: 'reconnecting', detail: 'connect ECONNREFUSED 127.0.0.1:1; retrying in 4 s' }, pl)).toBe(
      '[wola/mqtt] nie można połączyć się z serwerem — ponawiam próbę (Szczegóły: connect ECONNREFUSED 127.0.0.1:1; retrying in 4 s)',
    );
    expect(statusLine('vonage', { state: 'disabled', detail: 'vonage.enabled is false' }, en)).toBe('[vonage] off');
  });

  it('an alert, and why it was not shown as History says it; an unknown reason as it came', () => {
    expect(outcomeLine({ alert, shown: true }, 'Stolik 4', de)).toBe('🔔 Stolik 4: rachunek');
    expect(outcomeLine({ alert, shown: false, reason: 'coalesced' }, 'Stolik 4', pl)).toBe('· Stolik 4: rachunek (pokazano w podsumowaniu)');
    expect(outcomeLine({ alert, shown: false, reason: 'dnd' }, 'Stolik 4', de)).toBe('· Stolik 4: rachunek (nicht angezeigt: Benachrichtigungen waren pausiert)');
    expect(outcomeLine({ alert, shown: false, reason: 'something_new' }, 'Stolik 4', pl)).toBe('· Stolik 4: rachunek (something_new)');
  });

  it('what comes from outside is redacted as in the --json stream', () => {
    registerSecret('s3cret-token-value');
    try {
      expect(outcomeLine({ alert: { ...alert, body: 'call +48 500 100 200, key s3cret-token-value' }, shown: true }, 'Stolik 4', pl)).toBe('🔔 Stolik 4: call +48***00, key [redacted]');
      expect(statusLine('mqtt', { state: 'auth_failed', detail: 'bad password s3cret-token-value' }, en)).toContain('(Details: bad password [redacted])');
    } finally {
      forgetSecrets();
    }
  });

  it('a Join Meeting click and the data folder', () => {
    expect(actionLine('https://meet.example.com/x', pl)).toBe('→ otwarto https://meet.example.com/x');
    expect(actionLine('https://meet.example.com/x', en)).toBe('→ opened https://meet.example.com/x');
    expect(storageLine({ file: 'state.json', state: 'ok', message: 'state.json is saved again', at: 1 }, de)).toBe('Daten: state.json wird wieder gespeichert');
    expect(storageLine({ file: 'history.jsonl', state: 'write_failing', message: 'ENOSPC: no space left on device', at: 1 }, pl)).toBe('Dane: ENOSPC: no space left on device');
    expect(storageLine({ file: 'state.json', state: 'moved_aside', message: 'state.json was unreadable; moved to state.json.bad-1', at: 1 }, pl)).toBe(
      'Dane: pliku state.json nie dało się odczytać; odłożono go na bok (Szczegóły: state.json was unreadable; moved to state.json.bad-1)',
    );
  });
});
