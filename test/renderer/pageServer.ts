// Serves the renderer pages on 127.0.0.1 the way the app:// handler does: the bundle's files, the same CSP header.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/contentSecurityPolicy.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** `roots` are searched in order; `?probe=1` on a page adds the CSP probe script file. */
export async function startPageServer(roots: readonly string[], fixtures: string): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const name = path.basename(url.pathname);
      const candidates = name === 'csp-probe.js' ? [path.join(fixtures, name)] : roots.map((r) => path.join(r, name));
      for (const file of candidates) {
        try {
          let body = await readFile(file, 'utf8');
          if (url.searchParams.get('probe') === '1') body = body.replace('</body>', '<script src="csp-probe.js"></script></body>');
          res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'text/plain', 'content-security-policy': CONTENT_SECURITY_POLICY });
          res.end(body);
          return;
        } catch {
          // try the next root
        }
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
