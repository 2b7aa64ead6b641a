// The restaurant backend's `POST /jwt` (protocol doc §10, seed 000): a bearer-authenticated staff token in,
// a short-lived RS256 client JWT with the seed's read-only ACL out. Listens on 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { generateSigningKeys, signJwt, type AclPaths, type SigningKeys } from '../vonage/jwt.js';

export type BackendFault = 401 | 403 | 500 | 503 | 'stall' | 'malformed' | 'non-json';

export interface BackendEmulatorOptions {
  port?: number;
  /** The `pos-notifications` conversation id the backend hands out. */
  conversationId: string;
  /** Staff login tokens accepted as `Authorization: Bearer …`. */
  staffTokens?: string[];
  /** Lifetime of minted JWTs (default 900 s, Vonage's default). */
  ttlSeconds?: number;
  applicationId?: string;
  /** Replace the seed's least-privilege ACL (e.g. to test the over-privilege warning). */
  acl?: (conversationId: string) => AclPaths;
}

export interface MintedToken {
  username: string;
  token: string;
  exp: number;
}

export interface BackendEmulator {
  readonly url: string;
  readonly port: number;
  readonly keys: SigningKeys;
  readonly publicKeyPem: string;
  readonly minted: MintedToken[];
  readonly requests: Array<{ at: number; status: number }>;
  /** Make the next `times` requests (default: all until cleared) fail this way. */
  fail(kind: BackendFault, times?: number): void;
  clearFaults(): void;
  setTtlSeconds(ttl: number): void;
  setConversationId(id: string): void;
  addStaffToken(token: string): void;
  revokeStaffToken(token: string): void;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** The reference backend's ACL: sessions, and GET-only on the one notifications conversation. */
export function seedAcl(conversationId: string): AclPaths {
  return { paths: { '/*/sessions/**': {}, [`/*/conversations/${conversationId}/**`]: { methods: ['GET'] } } };
}

export async function startBackendEmulator(options: BackendEmulatorOptions): Promise<BackendEmulator> {
  const keys = generateSigningKeys();
  const staff = new Set(options.staffTokens ?? ['staff-token-1']);
  let ttl = options.ttlSeconds ?? 900;
  let conversationId = options.conversationId;
  let faults: Array<{ kind: BackendFault; remaining: number }> = [];
  const minted: MintedToken[] = [];
  const requests: Array<{ at: number; status: number }> = [];
  const stalled = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let port = options.port ?? 0;
  let server: Server | undefined;

  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    requests.push({ at: Date.now(), status });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/jwt') return reply(res, 404, { error: 'not found' });
    const fault = faults[0];
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.shift();
      if (fault.kind === 'stall') return void stalled.add(res);
      if (fault.kind === 'malformed') return reply(res, 200, { token: 42 });
      if (fault.kind === 'non-json') {
        requests.push({ at: Date.now(), status: 502 });
        return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      }
      return reply(res, fault.kind, { error: `emulated ${fault.kind}` });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !staff.has(bearer)) return reply(res, 401, { error: 'invalid staff token' });
    let username: unknown;
    try {
      username = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { username?: unknown }).username;
    } catch {
      return reply(res, 400, { error: 'body must be JSON' });
    }
    if (typeof username !== 'string' || username === '') return reply(res, 400, { error: 'username required' });
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + ttl;
    const acl = (options.acl ?? seedAcl)(conversationId);
    const token = signJwt({ application_id: options.applicationId ?? 'app-servicebell-emulator', sub: username, iat, exp, jti: randomUUID(), acl }, keys.privateKey);
    minted.push({ username, token, exp });
    reply(res, 200, { token, conversation: conversationId });
  };

  async function listen(): Promise<void> {
    const s = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
    s.on('connection', (sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  }

  async function stop(): Promise<void> {
    for (const res of stalled) res.destroy();
    stalled.clear();
    const s = server;
    server = undefined;
    if (!s) return;
    for (const sock of sockets) sock.destroy();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    keys,
    publicKeyPem: keys.publicKeyPem,
    minted,
    requests,
    fail: (kind, times) => void faults.push({ kind, remaining: times ?? Number.POSITIVE_INFINITY }),
    clearFaults: () => {
      faults = [];
    },
    setTtlSeconds: (t) => {
      ttl = t;
    },
    setConversationId: (id) => {
      conversationId = id;
    },
    addStaffToken: (t) => void staff.add(t),
    revokeStaffToken: (t) => void staff.delete(t),
    stop,
    restart: async () => {
      await stop();
      await listen();
    },
  };
}
