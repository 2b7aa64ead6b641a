import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, httpRequest } from './httpRequest.js';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('httpRequest', () => {
  it('posts a body and reads a JSON answer; a 3xx is an answer, not followed', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/moved') return res.writeHead(302, { location: '/elsewhere' }).end();
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ got: body, method: req.method })));
    });
    const reply = await httpRequest(`${url}/jwt`, { method: 'POST', body: '{"a":1}', signal: AbortSignal.timeout(5000) });
    expect(reply.ok).toBe(true);
    expect(await reply.json()).toEqual({ got: '{"a":1}', method: 'POST' });
    const moved = await httpRequest(`${url}/moved`, { signal: AbortSignal.timeout(5000) });
    expect([moved.ok, moved.status]).toEqual([false, 302]);
  });

  it('refuses an answer larger than its cap instead of holding it, and a stalled answer ends at the deadline', async () => {
    const chunk = Buffer.alloc(2 ** 20, 'x');
    const url = await serve((req, res) => {
      if (req.url === '/stall') return res.writeHead(200).write('{');
      res.writeHead(200);
      let sent = 0;
      const more = (): void => {
        while (sent <= MAX_BODY_BYTES && res.write(chunk)) sent += chunk.length;
        if (sent <= MAX_BODY_BYTES) res.once('drain', more);
        else res.end();
      };
      more();
    });
    const big = await httpRequest(`${url}/big`, { signal: AbortSignal.timeout(10_000) });
    await expect(big.json()).rejects.toThrow(/larger than 32 MiB/);
    const stalled = await httpRequest(`${url}/stall`, { signal: AbortSignal.timeout(300) });
    await expect(stalled.json()).rejects.toThrow();
    server?.closeAllConnections();
  });
});
