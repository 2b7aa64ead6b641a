import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_ERRORS, toErrorObject } from './bridgeErrors.js';
import type { BridgeChannel, BridgeMethods, CallContext, SocketSession } from './bridgeMethods.js';

export interface LiveSocket extends SocketSession {
  ws: WebSocket;
  alive: boolean;
  /** Half-open simulation: nothing goes out, nothing coming in is handled, no pings. */
  frozen: boolean;
}

export interface RecordedCall {
  transport: 'http' | 'ws';
  method: string;
  params: unknown;
  at: number;
}

export interface Fault {
  remaining: number;
  error?: { code: number; message: string; data: unknown };
  /** Never answer (a lost response). */
  hang?: boolean;
  delayMs?: number;
}

const PARSE_ERROR = JSON.stringify({ jsonrpc: '2.0', error: { ...BRIDGE_ERRORS.PARSE_ERROR, data: null } });

/** HTTP `POST /api`, the WebSocket on `/api`, pings and the JSON-RPC envelope. */
export class BridgeTransport {
  readonly sockets = new Set<LiveSocket>();
  readonly calls: RecordedCall[] = [];
  readonly faults = new Map<string, Fault>();
  pingIntervalMs = 10_000;
  pingsEnabled = true;
  private server: http.Server | undefined;
  private wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  private pingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly methods: BridgeMethods) {}

  async listen(port: number, host: string): Promise<number> {
    const server = http.createServer((req, res) => void this.onHttp(req, res));
    server.on('upgrade', (req, socket, head) => {
      // Only a path ending exactly with /api is the management socket; anything else is another socket type.
      if (!req.url?.endsWith('/api')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.restartPings();
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    clearInterval(this.pingTimer);
    this.dropSockets();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  restartPings(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.pingTick(), this.pingIntervalMs);
    this.pingTimer.unref();
  }

  dropSockets(code?: number): void {
    for (const s of this.sockets) {
      if (code === undefined) s.ws.terminate();
      else s.ws.close(code);
    }
  }

  publish(channel: BridgeChannel, frame: string, solution: string | undefined): number {
    let sent = 0;
    for (const s of this.sockets) {
      const set = s.channels.get(channel);
      if (!set || !(set.has('*') || (solution !== undefined && set.has(solution)))) continue;
      this.send(s, frame);
      sent += 1;
    }
    return sent;
  }

  send(s: LiveSocket, frame: string): void {
    if (!s.frozen && s.ws.readyState === s.ws.OPEN) s.ws.send(frame);
  }

  private pingTick(): void {
    if (!this.pingsEnabled) return;
    for (const s of this.sockets) {
      if (s.frozen) continue;
      if (!s.alive) {
        s.ws.terminate();
        continue;
      }
      s.alive = false;
      s.ws.ping();
    }
  }

  private onSocket(ws: WebSocket): void {
    const s: LiveSocket = { ws, alive: true, frozen: false, channels: new Map() };
    this.sockets.add(s);
    ws.on('pong', () => (s.alive = true));
    ws.on('close', () => this.sockets.delete(s));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (s.frozen) return;
      s.alive = true;
      const text = isBinary ? '' : data.toString();
      // Each frame is handled on its own, so answers can come back out of order, as on the real server.
      void this.handle(text, { transport: 'ws', socket: s }).then((answer) => answer !== undefined && this.send(s, answer));
    });
  }

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && (path === '/health' || path === '/ready' || path === '/healthcheck')) {
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    }
    if (req.method !== 'POST' || path !== '/api') return void res.writeHead(404).end('Not found');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const ctx: CallContext = { transport: 'http', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    const answer = await this.handle(Buffer.concat(chunks).toString('utf8'), ctx);
    if (answer === undefined) return; // a hung call: leave the request open
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer);
  }

  /** One JSON-RPC request → the serialized answer (undefined: deliberately never answered). */
  private async handle(text: string, ctx: CallContext): Promise<string | undefined> {
    let req: unknown;
    try {
      req = JSON.parse(text);
    } catch {
      return PARSE_ERROR;
    }
    if (!isEnvelope(req)) return PARSE_ERROR;
    const { id, method, params } = req;
    this.calls.push({ transport: ctx.transport, method, params, at: Date.now() });
    if (typeof req.token === 'string') ctx.bodyToken = req.token;
    const fault = this.methods.has(method) ? this.takeFault(method) : undefined;
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.hang) return undefined;
    if (fault?.error) return JSON.stringify({ jsonrpc: '2.0', id, error: fault.error });
    try {
      const result = this.methods.call(method, params, ctx);
      return JSON.stringify({ jsonrpc: '2.0', id, result });
    } catch (err) {
      return JSON.stringify({ jsonrpc: '2.0', id, error: toErrorObject(err) });
    }
  }

  private takeFault(method: string): Fault | undefined {
    const fault = this.faults.get(method);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.delete(method);
    return fault;
  }
}

function isEnvelope(v: unknown): v is { id: string | number; method: string; params: unknown; token?: unknown } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return r.jsonrpc === '2.0' && (typeof r.id === 'string' || typeof r.id === 'number') && typeof r.method === 'string' && 'params' in r;
}
