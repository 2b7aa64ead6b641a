// #14.1: announcement is at-least-once. A real headless process gets a burst of PrivMX messages, is killed with
// SIGKILL mid-burst, more messages arrive while it is down, and it is started again: every message must be in
// history once and have an `alert` line in one of the runs, every entry marked shown must have reached the
// notification server, and what was still unannounced at the kill is announced at the next start as one summary.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryRecordOf } from '../../main/core/alerts/summaryRecord.js';
import { HistoryStore } from '../../main/core/alerts/history.js';
import { startPrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startPrivateDesktop } from '../harness/privateBus.js';
import { startCli } from '../harness/runCli.js';
import { sleep, waitUntil } from '../harness/wait.js';

const BATCH = 250;

const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('announcement after a crash (kill -9 mid-burst)', () => {
  it('announces every message at least once: alert lines in either run, the rest as one summary on restart', async () => {
    const desktop = await startPrivateDesktop();
    const bridge = await startPrivmxBridgeEmulator();
    const key = bridge.addApiKey();
    const context = bridge.addContext();
    const orders = bridge.addThread(context.id);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-announce-'));
    const config = path.join(dataDir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        privmx: { enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id, rules: [{ match: { channel: 'thread', threadId: orders.id }, title: 'New order', body: 'by {author}' }] },
        notifications: { burst: { count: 3, windowSeconds: 5 } },
      }),
    );
    const env = { DBUS_SESSION_BUS_ADDRESS: desktop.busAddress, SERVICEBELL_PRIVMX_API_KEY_SECRET: key.secret };
    const args = ['headless', '--json', '--config', config, '--data-dir', dataDir];
    const authors: string[] = [];
    // A burst paced a little (a message every few ms), so the kill lands in the middle of it.
    const send = async (prefix: string): Promise<void> => {
      for (let i = 0; i < BATCH; i++) {
        const author = `${prefix}-${i}`;
        authors.push(author);
        bridge.sendMessage(orders.id, { author });
        if (i % 5 === 4) await sleep(10);
      }
    };
    const alertLines = (out: string) => jsonLines(out).filter((e) => e.type === 'alert');
    const first = startCli(args, env);
    const second = { run: undefined as ReturnType<typeof startCli> | undefined };
    let finalAnnounced = new Set<string>();
    try {
      await waitUntil(() => first.stdout().includes('"source":"privmx","state":"connected"'), 20_000, 'first run connected');
      // Running normally before the burst: the thread's cursor is on disk (a first start never replays a thread).
      await waitUntil(() => existsSync(path.join(dataDir, 'cursors.json')) && readFileSync(path.join(dataDir, 'cursors.json'), 'utf8').includes(orders.id), 10_000, 'thread cursor saved');
      const burst = send('a');
      await waitUntil(() => alertLines(first.stdout()).length >= 60, 20_000, '60 alert lines');
      first.child.kill('SIGKILL');
      await first.exited;
      await burst; // the rest of the burst arrives while it is down

      // What the killed run left unannounced, read from a copy (opening history compacts it).
      const copy = mkdtempSync(path.join(os.tmpdir(), 'sb-announce-copy-'));
      cpSync(dataDir, copy, { recursive: true });
      const atKill = await HistoryStore.open(copy, 5000);
      const pendingAtKill = atKill.list().filter((e) => e.pending === true).length;
      // Pending without a line yet: their notification was under way (coalesced ones had their line already).
      const unannouncedAtKill = atKill.list().filter((e) => e.pending === true && e.reason !== 'coalesced').length;
      await atKill.close();

      await send('b');
      second.run = startCli(args, env);
      const run = second.run;
      // Announced = an `alert` line or a notification the server really got, in either run (the issue's own words).
      // A kill -9 can land between a notification and its line; exactly-once lines across a kill are not possible
      // without printing some twice, which the no-duplicate check below forbids.
      const announced = (): Set<string> =>
        new Set(
          [...alertLines(first.stdout()).map((e) => String(e.body)), ...alertLines(run.stdout()).map((e) => String(e.body)), ...desktop.notifications.notifications.map((n) => String(n.body))].map((b) => b.replace(/^by /, '')),
        );
      // Wait for the start-up summary and for a line for every message of the second burst (new to this run).
      const whileClosed = (): boolean => jsonLines(run.stdout()).some((e) => e.type === 'summary' && String(e.text).startsWith('While Servicebell was closed: '));
      await waitUntil(() => whileClosed() && authors.filter((a) => a.startsWith('b-')).every((a) => announced().has(a)), 60_000, 'the start-up summary and the second burst').catch(() => {});

      // One summary at start for what the first run had not announced, shown on the notification server.
      const summaries = jsonLines(run.stdout()).filter((e) => e.type === 'summary' && String(e.text).startsWith('While Servicebell was closed: '));
      expect(pendingAtKill).toBeGreaterThan(0);
      expect(summaries).toHaveLength(1);
      expect(summaries[0]).toMatchObject({ count: pendingAtKill, shown: true, text: `While Servicebell was closed: ${pendingAtKill} ${pendingAtKill === 1 ? 'message' : 'messages'}` });
      expect(desktop.notifications.notifications.some((n) => n.body === summaries[0]?.text)).toBe(true);
      expect(alertLines(run.stdout()).filter((e) => e.reason === 'while_closed')).toHaveLength(unannouncedAtKill);
      // No alert line twice: what the first run printed is not printed again.
      const firstIds = new Set(alertLines(first.stdout()).map((e) => String(e.id)));
      expect(alertLines(run.stdout()).filter((e) => firstIds.has(String(e.id)))).toEqual([]);

      // Let the second burst's own summary go out, then stop cleanly.
      await waitUntil(() => !jsonLines(run.stdout()).some((e) => e.type === 'alert' && e.reason === 'coalesced') || jsonLines(run.stdout()).some((e) => e.type === 'summary' && !String(e.text).startsWith('While')), 15_000, "the second burst's summary");
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      finalAnnounced = announced();
    } finally {
      if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
      if (second.run && second.run.child.exitCode === null && second.run.child.signalCode === null) second.run.child.kill('SIGKILL');
      await bridge.stop();
      await desktop.stop();
    }

    const history = await HistoryStore.open(dataDir, 5000);
    // The alerts themselves (summaries are entries of their own, kind `summary`).
    const entries = history.list().filter((e) => e.alert.kind !== 'summary');
    // What a shown summary folded was announced by it: its notification says how many, and its click opens History on
    // exactly those. A coalesced alert whose line the kill cut off is announced that way (its line is never repeated).
    const foldedByShownSummary = new Set(
      history
        .list()
        .filter((e) => e.shown)
        .flatMap((e) => summaryRecordOf(e)?.keys ?? [])
        .map((k) => history.find(k)?.alert.body.replace(/^by /, '') ?? ''),
    );
    await history.close();
    // Announced at least once: an alert line in either run, a notification the server really got, or a shown summary.
    expect(authors.filter((a) => !finalAnnounced.has(a) && !foldedByShownSummary.has(a))).toEqual([]);
    const bodies = entries.map((e) => e.alert.body.replace(/^by /, ''));
    expect(new Set(bodies).size).toBe(entries.length);
    expect([...bodies].sort()).toEqual([...authors].sort());
    expect(entries.filter((e) => e.pending === true)).toEqual([]);
    // Shown means the notification server really got it.
    const notified = new Set(desktop.notifications.notifications.map((n) => n.body));
    expect(entries.filter((e) => e.shown && !notified.has(e.alert.body)).map((e) => e.alert.body)).toEqual([]);
  }, 180_000);
});
