import { describe, expect, it } from 'vitest';
import { connectionDetail, connectionSentence, connectionText } from './connectionText.js';

describe('connection states in plain words', () => {
  it.each([
    [{ state: 'connected', detail: 'subscribed to orders' }, 'connected'],
    [{ state: 'connecting' }, 'connecting…'],
    [{ state: 'disabled', detail: 'vonage.enabled is false' }, 'off'],
    [{ state: 'offline', detail: 'stopped' }, 'stopped'],
    [{ state: 'reconnecting', detail: 'connect ECONNREFUSED 127.0.0.1:8443; retrying in 4 s' }, "can't reach the server — retrying"],
    [{ state: 'reconnecting', detail: 'resume' }, 'reconnecting…'],
    [{ state: 'offline', detail: 'getaddrinfo ENOTFOUND mqtt.example.invalid; retrying in 30 s' }, "can't find the server (check the address or the internet connection) — retrying"],
    [{ state: 'offline', detail: 'self-signed certificate in certificate chain; retrying in 8 s' }, "the server's security certificate is not trusted — retrying"],
    [{ state: 'offline', detail: 'mqtt.url is not set' }, 'not set up yet: finish it in Settings'],
    [{ state: 'auth_failed', detail: 'backend refused the token (401)' }, 'the server refused the sign-in: check its key or password in Settings'],
    [{ state: 'offline', detail: 'HTTP 503 from /jwt; retrying in 2 s' }, 'the server has a problem on its side — retrying'],
    [{ state: 'offline', detail: 'something odd' }, 'not connected'],
  ] as const)('%j → %s', (status, sentence) => {
    expect(connectionSentence(status)).toBe(sentence);
  });

  it('keeps the technical detail for IT, only where there is a problem', () => {
    expect(connectionDetail({ state: 'reconnecting', detail: 'connect ECONNREFUSED 127.0.0.1:8443' })).toBe('connect ECONNREFUSED 127.0.0.1:8443');
    expect(connectionDetail({ state: 'connected', detail: 'subscribed to orders' })).toBeUndefined();
    expect(connectionText.diagnosticsLine('Pizzeria Wola · MQTT', { state: 'reconnecting', detail: 'connect ECONNREFUSED 127.0.0.1:8443; retrying in 4 s' })).toBe(
      "Pizzeria Wola · MQTT: can't reach the server — retrying [reconnecting: connect ECONNREFUSED 127.0.0.1:8443; retrying in 4 s]",
    );
  });
});
