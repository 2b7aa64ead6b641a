// The ntfy source against a real ntfy server (Debian trixie's 2.11): every fault the issue names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/core/log/logger.js';
import { NtfySource, type NtfySourceOptions } from '../../main/core/sources/ntfy/ntfySource.js';
import { cursorKey } from '../../main/core/sources/ntfy/ntfyCursor.js';
import { startFreezableProxy } from '../harness/servers/freezableProxy.js';
import { startNtfy, type NtfyOptions, type NtfyServer } from '../harness/servers/ntfyServer.js';
import { sleep } from '../harness/wait.js';
import { PipelineSink, supportRequest } from '../push/pipelineSink.js';
import { capturingLogger } from '../privmx/sourceHarness.js';
import { BACKEND, FAST_NTFY_TIMING, KEEPALIVE, makeSource, options, OTHER_TOPIC, POS, TOPIC, USERS } from './ntfyHarness.js';

let server: NtfyServer;
let sink: PipelineSink;
const cleanups: Array<() => Promise<unknown>> = [];

async function serve(extra: Partial<NtfyOptions> = {}): Promise<void> {
  server = await startNtfy({ users: USERS, keepalive: KEEPALIVE, ...extra });
}
beforeEach(async () => {
  sink = await PipelineSink.open();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  await sink.destroy();
  await server?.stop();
});

function token(user = POS): string {
  const t = server.tokens[user];
  if (!t) throw new Error(`no token for ${user}`);
  return t;
}
async function running(o: NtfySourceOptions = options(server.baseUrl), secret: string | undefined = token(), into = sink, extra: Parameters<typeof makeSource>[3] = {}): Promise<NtfySource> {
  const source = makeSource(into, o, secret, extra);
  cleanups.push(() => source.stop());
  await source.start();
  return source;
}
async function connected(into = sink, o: NtfySourceOptions = options(server.baseUrl), secret: string | undefined = token()): Promise<NtfySource> {
  const before = into.count('connected');
  const source = await running(o, secret, into);
  await expect.poll(() => into.count('connected')).toBe(before + 1);
  return source;
}
const publish = (message: string, extra: Record<string, unknown> = {}, topic = TOPIC): Promise<string> => server.publish(BACKEND, { topic, message, ...extra });

describe('ntfy source on a real ntfy server', () => {
  it('turns a support request into the Vonage-style alert with Join Meeting; the first start is from now', async () => {
    await serve();
    await publish(supportRequest('before-first-start'));
    await connected();
    expect(sink.lastDetail).toBe(`subscribed to ${TOPIC}`);
    await publish(supportRequest('req-1'));
    await expect.poll(() => sink.ids).toEqual(['req-1']);
    const [outcome] = sink.outcomes;
    expect(outcome?.alert).toMatchObject({ source: 'ntfy', kind: 'support_request', title: 'Support request', body: 'guest-req-1@example.com has requested support' });
    expect(outcome?.joinUrl).toBe('https://meet.example.com/r/req-1');
  });

  it('a native message: title and message become the alert, a view action (else click) Join Meeting, through the link policy', async () => {
    await serve();
    await connected();
    const viewed = await publish('Table 4 needs help', { title: 'Waiter call', click: 'https://meet.example.com/click', actions: [{ action: 'http', label: 'Ack', url: 'https://meet.example.com/ack' }, { action: 'view', label: 'Join', url: 'https://meet.example.com/view' }] });
    const clicked = await publish('Table 5', { click: 'https://meet.example.com/only-click' });
    const foreign = await publish('Table 6', { title: 'Elsewhere', actions: [{ action: 'view', label: 'Join', url: 'https://evil.example.org/x' }] });
    await expect.poll(() => sink.ids).toEqual([viewed, clicked, foreign]);
    const [a, b, c] = sink.outcomes;
    expect(a?.alert).toMatchObject({ source: 'ntfy', kind: 'ntfy_message', title: 'Waiter call', body: 'Table 4 needs help' });
    expect(a?.joinUrl).toBe('https://meet.example.com/view');
    expect(b?.alert.title).toBe(`ntfy ${TOPIC}`);
    expect(b?.joinUrl).toBe('https://meet.example.com/only-click');
    expect(c?.alert.title).toBe('Elsewhere');
    expect(c?.joinUrl).toBeUndefined();
  });

  it('server restart: the cache survives; what came while the PC was off arrives once, nothing lost or doubled', async () => {
    await serve();
    const first = await connected();
    await publish(supportRequest('m-1'));
    await expect.poll(() => sink.ids).toEqual(['m-1']);
    await first.stop();
    await publish(supportRequest('m-2'));
    await publish(supportRequest('m-3'));
    await server.restart();
    const next = await sink.reopen();
    cleanups.push(() => next.destroy());
    await connected(next);
    await expect.poll(() => next.ids).toEqual(['m-2', 'm-3']);
    // While connected: the server restarts under the source; it reconnects from its cursor.
    await server.restart({ downMs: 200 });
    await expect.poll(() => next.count('connected'), { timeout: 8_000 }).toBe(2);
    await publish(supportRequest('m-4'));
    await expect.poll(() => next.ids).toEqual(['m-2', 'm-3', 'm-4']);
    await sleep(200);
    expect(next.historyIds()).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
    expect(next.duplicates).toBe(0);
  });

  it('an unknown since id (expired from the cache) replays the whole cache: nothing shows twice, nothing from before the first start', async () => {
    await serve();
    await publish(supportRequest('before-first-start'));
    await sleep(2_100); // more than the replay slack (1 s in these tests) in ntfy's whole seconds
    const first = await connected();
    await publish(supportRequest('a'));
    const b = await publish('native b');
    await expect.poll(() => sink.ids).toEqual(['a', b]);
    await first.stop();
    const key = cursorKey(server.baseUrl, TOPIC);
    const [time] = (sink.cursors.get(key) ?? '').split('/');
    await sink.cursors.set(key, `${time}/UnknownId123`);
    await publish(supportRequest('c'));
    const next = await sink.reopen();
    cleanups.push(() => next.destroy());
    await connected(next);
    await expect.poll(() => next.ids).toEqual(['c']);
    await publish(supportRequest('d'));
    await expect.poll(() => next.ids).toEqual(['c', 'd']);
    expect(next.historyIds()).toEqual(['a', b, 'c', 'd']);
    expect(next.historyIds()).not.toContain('before-first-start');
  });

  it('a read-only token subscribes and receives, and cannot publish', async () => {
    await serve();
    await connected();
    await publish(supportRequest('ro-1'));
    await expect.poll(() => sink.ids).toEqual(['ro-1']);
    const res = await fetch(`${server.baseUrl}/${TOPIC}`, { method: 'POST', headers: { Authorization: `Bearer ${token()}` }, body: 'x', signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(403);
  });

  it("another restaurant's topic is auth_failed with the reason (403); the own topic still delivers", async () => {
    await serve();
    await running(options(server.baseUrl, { topics: [TOPIC, OTHER_TOPIC] }));
    await expect.poll(() => sink.lastState).toBe('auth_failed');
    expect(sink.lastDetail).toContain(`not allowed to read topic ${OTHER_TOPIC} (403: forbidden, code 40301)`);
    expect(JSON.stringify(sink.statuses)).not.toContain(token());
    await publish(supportRequest('own'));
    await publish(supportRequest('theirs'), {}, OTHER_TOPIC);
    await expect.poll(() => sink.ids).toEqual(['own']);
    await sleep(300);
    expect(sink.ids).toEqual(['own']);
  });

  it('a wrong token and a wrong password are auth_failed (401) naming what was refused, never the secret', async () => {
    await serve();
    await running(options(server.baseUrl), 'tk_wrongwrongwrongwrongwrong12');
    await expect.poll(() => sink.lastState).toBe('auth_failed');
    expect(sink.lastDetail).toContain('the server refused the access token (401: unauthorized, code 40101)');
    const other = await PipelineSink.open();
    cleanups.push(() => other.destroy());
    await running(options(server.baseUrl, { username: POS }), 'not-the-password', other);
    await expect.poll(() => other.lastState).toBe('auth_failed');
    expect(other.lastDetail).toContain('the server refused the user name or password (401');
    expect(JSON.stringify([...sink.statuses, ...other.statuses])).not.toMatch(/tk_wrong|not-the-password/);
  });

  it('a user name with its password logs in with Basic auth', async () => {
    await serve();
    await connected(sink, options(server.baseUrl, { username: POS }), 'pos-r1-pw');
    await publish(supportRequest('basic-1'));
    await expect.poll(() => sink.ids).toEqual(['basic-1']);
  });

  it('keepalive loss (a frozen link) is detected after two intervals; after the thaw it reconnects and catches up', { timeout: 40_000 }, async () => {
    await serve();
    const proxy = await startFreezableProxy(server.port);
    cleanups.push(() => proxy.stop());
    await connected(sink, options(proxy.url('http')));
    proxy.freeze();
    await expect.poll(() => sink.lastState, { timeout: 15_000 }).toBe('reconnecting');
    expect(sink.statuses.some((s) => s.detail?.includes('keepalive lost'))).toBe(true);
    await publish(supportRequest('while-frozen'));
    proxy.thaw();
    await expect.poll(() => sink.count('connected'), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => sink.ids).toEqual(['while-frozen']);
  });

  it('429: the source backs off and shows it, then connects once the server lets it', async () => {
    await serve({ requestBurst: 2, requestReplenish: '1s' });
    const auth = { Authorization: `Bearer ${token()}` };
    // Use up this user's request budget, as a misbehaving script on the same account would.
    let limited = false;
    for (let i = 0; i < 10 && !limited; i += 1) {
      limited = (await fetch(`${server.baseUrl}/${TOPIC}/json?poll=1`, { headers: auth, signal: AbortSignal.timeout(5_000) })).status === 429;
    }
    expect(limited).toBe(true);
    await running();
    await expect.poll(() => sink.statuses.some((s) => s.detail?.includes('rate-limiting this PC (429: limit reached: too many requests'))).toBe(true);
    expect(sink.statuses.find((s) => s.detail?.includes('429'))?.detail).toMatch(/retrying in \d+ s/);
    await expect.poll(() => sink.lastState, { timeout: 10_000 }).toBe('connected');
    // The limit is per visitor (this IP), so the backend waits its turn too.
    await expect.poll(() => publish(supportRequest('after-429')).then(() => true, () => false), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => sink.ids).toEqual(['after-429']);
  });

  it('malformed payloads are logged with a reason and the next message is still handled', async () => {
    await serve();
    const { logger, lines } = capturingLogger();
    await running(options(server.baseUrl), token(), sink, { logger });
    await expect.poll(() => sink.lastState).toBe('connected');
    for (const bad of ['{"type":"support_request"}', '{"id":"x","type":"bad type!"}', '{"type":"support_request","id":"y","host_url":42}']) await publish(bad);
    await publish(supportRequest('good'));
    await expect.poll(() => sink.ids).toEqual(['y', 'good']);
    const log = lines.join('');
    expect(log).toContain('ntfy: ignored an unusable message');
    expect(log).toMatch(/id: /);
    expect(log).toMatch(/type: must be 1/);
    expect(sink.outcomes[0]?.alert.meta).toMatchObject({ problems: ['host_url is not a string'] });
    expect(sink.lastState).toBe('connected');
  });

  it('resume after sleep: reconnectNow reconnects at once and gets what came meanwhile', async () => {
    await serve();
    const source = await connected();
    source.reconnectNow('resume');
    await publish(supportRequest('after-sleep'));
    await expect.poll(() => sink.count('connected')).toBe(2);
    await expect.poll(() => sink.ids).toEqual(['after-sleep']);
  });

  it('no server: offline with the reason and the next retry', async () => {
    await serve();
    const { port } = server;
    await server.stop();
    await running(options(`http://127.0.0.1:${port}`));
    await expect.poll(() => sink.lastState).toBe('offline');
    expect(sink.lastDetail).toMatch(/connection refused.*retrying in \d+ s/);
  });

  it('stop ends every stream and says so; disabled and unset options say why', async () => {
    await serve();
    const source = await connected();
    await source.stop();
    expect(sink.lastState).toBe('offline');
    expect(sink.lastDetail).toBe('stopped');
    await running(options(server.baseUrl, { enabled: false }));
    expect(sink.lastState).toBe('disabled');
    await running({ enabled: true, topics: [TOPIC] });
    expect(sink.lastDetail).toBe('ntfy.baseUrl is not set');
    await running(options(server.baseUrl, { topics: [] }));
    expect(sink.lastDetail).toBe('ntfy.topics is empty');
  });

  it('a message whose alert could not be stored is fetched again (the cursor moves only after history), and shown once', async () => {
    await serve();
    let failures = 1;
    const flaky = {
      alert: async (input: Parameters<PipelineSink['alert']>[0]) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('disk full');
        }
        await sink.alert(input);
      },
      status: (st: Parameters<PipelineSink['status']>[0]) => sink.status(st),
    };
    const source = new NtfySource({ options: options(server.baseUrl), secret: async () => token(), sink: flaky, cursors: sink.cursors, logger: silentLogger(), timing: FAST_NTFY_TIMING });
    cleanups.push(() => source.stop());
    await source.start();
    await expect.poll(() => sink.lastState).toBe('connected');
    await publish(supportRequest('stored-late'));
    await publish(supportRequest('after-it'));
    await expect.poll(() => sink.ids).toEqual(['stored-late', 'after-it']);
    expect(sink.count('connected')).toBe(2);
    expect(sink.statuses.some((st) => st.detail?.includes('disk full'))).toBe(true);
  });
});
