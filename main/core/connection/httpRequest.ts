// One JSON request over node:http / node:https, shaped like the part of `fetch` the sources use (PrivMX auth and
// catch-up, the Vonage client JWT and event history). Node's own fetch loads undici on its first call: ≈ 12 MiB of
// RSS and 70–300 ms of start-up on the build machine, for a handful of small requests; node:http is loaded anyway
// (ws, nexmo-client). Redirects are not followed: a 3xx is an answer like any other non-2xx.
import http from 'node:http';
import https from 'node:https';

export interface HttpInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect?: 'error';
}

export interface HttpReply {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  readonly body: { cancel(): Promise<void> } | null;
}

/** What a caller may pass instead (a test's fake, or `fetch` itself: it fits this shape). */
export type HttpFetch = (url: string | URL, init?: HttpInit) => Promise<HttpReply>;

/** An answer larger than this is refused, not held in memory (the largest real one, a catch-up page, is ≈ 1 MiB). */
export const MAX_BODY_BYTES = 32 * 2 ** 20;

/** A connection that ended before the whole body came: worded as a reset, as fetch's socket errors are. */
const closedEarly = (): Error => Object.assign(new Error('the connection closed before the whole answer came'), { code: 'ECONNRESET' });

export const httpRequest: HttpFetch = (url, init = {}) =>
  new Promise<HttpReply>((resolve, reject) => {
    const target = typeof url === 'string' ? new URL(url) : url;
    const transport = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!transport) return reject(new TypeError(`unsupported protocol ${target.protocol}`));
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const req = transport.request(target, { method: init.method ?? 'GET', headers, signal: init.signal }, (res) => {
      const status = res.statusCode ?? 0;
      // Read at once (the answers are small JSON): every way the body can fail then has its listener.
      const text = new Promise<string>((done, fail) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) return res.destroy(Object.assign(new Error(`the answer is larger than ${MAX_BODY_BYTES / 2 ** 20} MiB`), { code: 'EFBIG' }));
          chunks.push(chunk);
        });
        res.once('end', () => done(Buffer.concat(chunks).toString('utf8')));
        res.once('error', fail);
        res.once('close', () => (res.complete ? undefined : fail(init.signal?.aborted ? init.signal.reason : closedEarly())));
      });
      text.catch(() => undefined);
      resolve({
        ok: status >= 200 && status < 300,
        status,
        json: async () => JSON.parse(await text) as unknown,
        body: {
          cancel: async () => {
            res.destroy();
          },
        },
      });
    });
    req.once('error', reject);
    req.end(init.body);
  });
