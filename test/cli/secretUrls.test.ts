// URLs that carry a secret must not be plain http: except to this machine (#14.12).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../harness/runCli.js';

function file(settings: unknown): string {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-urls-')), 'config.json');
  writeFileSync(f, JSON.stringify(settings));
  return f;
}

describe('secret-carrying URLs', () => {
  it('refuses http: to another host for the backend, the Bridge, the SDK and SMSAPI, naming what would leak', async () => {
    const result = await runCli(['check', '--config', file({
      vonage: { backendUrl: 'http://backend.restaurant.example', sdk: { url: 'http://ws.restaurant.example', apiUrl: 'http://api.restaurant.example' } },
      privmx: { bridgeUrl: 'http://bridge.restaurant.example:9111' },
      sms: { apiUrl: 'http://10.0.0.5/api' },
    })]);
    expect(result.code).toBe(2);
    const out = result.stdout;
    const rule = 'must be an https URL (http: only to this machine: localhost, 127.x.x.x or ::1)';
    expect(out).toContain(`vonage.backendUrl: ${rule}; http would send the staff token in clear`);
    expect(out).toContain(`vonage.sdk.url: ${rule}; http would send the client JWT in clear`);
    expect(out).toContain(`vonage.sdk.apiUrl: ${rule}; http would send the client JWT in clear`);
    expect(out).toContain(`privmx.bridgeUrl: ${rule}; http would send the API key secret in clear`);
    expect(out).toContain(`sms.apiUrl: ${rule}; http would send the SMSAPI token in clear`);
  });

  it('accepts https: anywhere and http: to loopback hosts', async () => {
    for (const host of ['127.0.0.1:8080', 'localhost:3000', '[::1]:9111', '127.1.2.3']) {
      const result = await runCli(['check', '--config', file({ vonage: { backendUrl: `http://${host}` }, privmx: { bridgeUrl: 'https://bridge.restaurant.example' }, sms: { apiUrl: `http://${host}/api` } })]);
      expect(result.stdout.split('\n')[0]).toBe('ok   settings: valid');
    }
  });
});
