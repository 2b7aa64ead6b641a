// #14.4: a long outage. 1,000 support requests arrive while Servicebell is stopped; after the restart every one of
// them is in history and has an alert line; what is too many to show one by one is announced as one summary (with
// the count) that opens History, never dropped. Real headless process, Vonage and backend emulators, D-Bus server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/alerts/history.js';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
import { startPrivateDesktop } from '../harness/privateBus.js';
import { startCli } from '../harness/runCli.js';
import { waitUntil } from '../harness/wait.js';

const STAFF = 'backlog-staff-token';
const MISSED = 1000;

const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('Vonage catch-up after a long outage', () => {
  it('puts every missed event in history and output; the ones beyond the catch-up limit become one summary that opens History', async () => {
    const desktop = await startPrivateDesktop();
    const backend = await startBackendEmulator({ conversationId: 'CON-backlog', staffTokens: [STAFF] });
    const vonage = await startVonageEmulator({ conversationId: 'CON-backlog', publicKey: backend.publicKeyPem });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-backlog-'));
    const config = path.join(dataDir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        vonage: { enabled: true, backendUrl: backend.url, username: 'desk', sdk: { url: vonage.url, apiUrl: vonage.url } },
        notifications: { historyLimit: 5000 },
      }),
    );
    const env = { DBUS_SESSION_BUS_ADDRESS: desktop.busAddress, SERVICEBELL_VONAGE_BACKEND_TOKEN: STAFF };
    const args = ['headless', '--json', '--config', config, '--data-dir', dataDir];
    const runs: Array<ReturnType<typeof startCli>> = [];
    let summary: Record<string, unknown> | undefined;
    const ids: string[] = [];
    try {
      const first = startCli(args, env);
      runs.push(first);
      await waitUntil(() => first.stdout().includes('"source":"vonage","state":"connected"'), 20_000, 'first run connected');
      const before = vonage.push({ email: 'before@example.com', host_url: 'https://meetings.vonage.com/r/0' });
      await waitUntil(() => first.stdout().includes('before@example.com'), 10_000, 'a live alert');
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      for (let i = 0; i < MISSED; i++) ids.push(`CON-backlog:${vonage.push({ email: `guest${i}@example.com`, host_url: `https://meetings.vonage.com/r/${i + 1}` }).id}`);
      expect(Number(ids[0]?.split(':')[1])).toBe(Number(before.id) + 1);

      const second = startCli(args, env);
      runs.push(second);
      const alertIds = (): Set<string> => new Set(jsonLines(second.stdout()).filter((e) => e.type === 'alert').map((e) => String(e.id)));
      await waitUntil(() => ids.every((id) => alertIds().has(id)), 60_000, 'an alert line for every missed event').catch(() => {});
      expect(ids.filter((id) => !alertIds().has(id))).toEqual([]);
      await waitUntil(() => jsonLines(second.stdout()).some((e) => e.type === 'summary' && String(e.text).includes('History')), 15_000, 'the backlog summary').catch(() => {});
      summary = jsonLines(second.stdout()).find((e) => e.type === 'summary' && String(e.text).includes('History'));
      expect(summary).toMatchObject({ count: 800, shown: true, text: 'Missed while offline: 800 support requests (see History)' });
      const notification = desktop.notifications.notifications.find((n) => n.body === summary?.text);
      expect(notification, JSON.stringify(desktop.notifications.notifications.map((n) => n.body))).toBeDefined();
      expect(second.stderr()).not.toContain('the oldest were skipped');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await Promise.all([vonage.stop(), backend.stop()]);
      await desktop.stop();
    }
    const history = await HistoryStore.open(dataDir, 5000);
    const stored = new Set(history.list().map((e) => e.alert.id));
    await history.close();
    expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  }, 150_000);
});
