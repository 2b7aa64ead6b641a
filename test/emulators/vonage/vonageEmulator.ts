// A protocol-faithful Vonage Conversation emulator for the real nexmo-client (protocol doc §9),
// with a control surface for tests, the demo and benchmarks. Listens on 127.0.0.1 only.
import { createServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { Server as IoServer } from 'socket.io';
import { checkJwt } from './jwt.js';
import { FaultBook, type FaultSpec } from './faults.js';
import { handleRest, type RestContext } from './restApi.js';
import { SessionTable, type Handshake } from './sessions.js';
import { EmulatorStore, type WireEvent } from './store.js';

export interface VonageEmulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** When set, token signatures are verified with it (the backend emulator's `publicKeyPem`). */
  publicKey?: KeyObject | string;
  applicationId?: string;
  conversationName?: string;
  conversationId?: string;
  /** Users who log in become JOINED members of the main conversation (default true). */
  autoJoin?: boolean;
  /** Push `system:error:expired-token` at each token's `exp` (default true). */
  enforceExpiry?: boolean;
}

export interface PushOptions {
  /** Wire type; default `custom:support_request`. */
  type?: string;
  conversationId?: string;
}

export interface VonageEmulator {
  readonly url: string;
  readonly port: number;
  readonly conversationId: string;
  readonly store: EmulatorStore;
  readonly handshakes: Handshake[];
  readonly restLog: RestContext['log'];
  /** Store an event and deliver it live (or to pending_events of disconnected sessions). */
  push(body: unknown, options?: PushOptions): WireEvent;
  /** Store an event without delivering it (it is only reachable through REST: gap fill, catch-up). */
  pushSilently(body: unknown, options?: PushOptions): WireEvent;
  /** Emit an arbitrary payload under `eventName` to every connected session; nothing is stored. */
  pushRaw(eventName: string, payload: unknown): void;
  /** Store a raw (possibly malformed) event under the next id and deliver it as-is. */
  pushMalformed(payload: Record<string, unknown>, options?: PushOptions & { silent?: boolean }): WireEvent;
  /** Deliver an already-stored event again. */
  redeliver(eventId: number | string, conversationId?: string): void;
  createConversation(name: string): string;
  addMember(conversationId: string, userName: string): void;
  /** The user leaves the conversation (state LEFT): its events no longer reach that user's sessions. */
  removeMember(conversationId: string, userName: string): void;
  /** Close every transport without a socket.io disconnect (the client auto-reconnects); optionally refuse new ones for a while. */
  dropTransports(options?: { refuseMs?: number }): void;
  refuseConnections(refuse: boolean): void;
  /** Server-side disconnect (`io server disconnect`): socket.io-client will not reconnect by itself. */
  kick(): void;
  /** Expire every live session's token now: expired-token event, then disconnect. */
  expireToken(): void;
  failRest(spec: FaultSpec): void;
  clearRestFaults(): void;
  /** Accept connections but never answer the login. */
  setSilentLogin(silent: boolean): void;
  setPublicKey(key: KeyObject | string | undefined): void;
  stats(): { connectedSessions: number; sessions: number; acks: number; restCalls: number };
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** Start again on the same port; sessions are forgotten, stored events and ids are kept. */
  restart(): Promise<void>;
}

export async function startVonageEmulator(options: VonageEmulatorOptions = {}): Promise<VonageEmulator> {
  const store = new EmulatorStore(options.applicationId ?? 'app-servicebell-emulator');
  const main = store.createConversation(options.conversationName ?? 'pos-notifications', options.conversationId);
  const faults = new FaultBook();
  const handshakes: Handshake[] = [];
  let publicKey = options.publicKey;
  let silentLogin = false;
  let refusing = false;
  let refuseTimer: ReturnType<typeof setTimeout> | undefined;
  const sessions = new SessionTable(store, () => options.enforceExpiry ?? true);
  const stalled = new Set<ServerResponse>();
  let http: HttpServer | undefined;
  let io: IoServer | undefined;
  let port = options.port ?? 0;
  const sockets = new Set<NetSocket>();

  const authenticate = (token: string): ReturnType<RestContext['authenticate']> => {
    if (sessions.expiredTokens.has(token)) return { ok: false, code: 'system:error:expired-token', description: 'You provided an expired token' };
    return checkJwt(token, publicKey, Math.floor(Date.now() / 1000));
  };
  const deliver = (event: WireEvent): void => {
    sessions.deliver(event, store.audience(String(event.cid)));
  };
  const rest: RestContext = {
    store,
    faults,
    baseUrl: () => `http://127.0.0.1:${port}`,
    authenticate,
    deliver,
    refreshSession: (sid, token, claims) => sessions.refresh(sid, token, claims),
    onStall: (res) => stalled.add(res),
    log: [],
  };

  async function listen(): Promise<void> {
    const server = createServer((req, res) => {
      void handleRest(req, res, rest).catch(() => res.destroy());
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    const ioServer = new IoServer(server, {
      path: '/v2/rtc',
      transports: ['websocket'],
      serveClient: false,
      allowRequest: (_req, cb) => cb(null, !refusing),
    });
    ioServer.on('connection', (socket) => {
      const query = Object.fromEntries(Object.entries(socket.handshake.query).map(([k, v]) => [k, String(v)]));
      const token = query.token ?? '';
      if (silentLogin) return void handshakes.push({ at: Date.now(), query, outcome: 'silent' });
      const auth = authenticate(token);
      if (!auth.ok) {
        handshakes.push({ at: Date.now(), query, outcome: 'error' });
        socket.emit(auth.code, { body: { code: auth.code, description: auth.description }, description: auth.description });
        socket.disconnect(true);
        return;
      }
      const user = store.userByName(auth.claims.sub);
      if (options.autoJoin ?? true) store.join(main.id, user.id);
      handshakes.push({ at: Date.now(), query, outcome: 'success' });
      sessions.attach(socket, token, auth.claims, query.session_id);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    http = server;
    io = ioServer;
  }

  async function stop(): Promise<void> {
    if (refuseTimer) clearTimeout(refuseTimer);
    for (const res of stalled) res.destroy();
    stalled.clear();
    sessions.clear();
    const server = http;
    const ioServer = io;
    http = undefined;
    io = undefined;
    if (!server || !ioServer) return;
    ioServer.disconnectSockets(true);
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => ioServer.close(() => resolve()));
  }

  const pushEvent = (body: unknown, opts: PushOptions, silent: boolean): WireEvent => {
    const event = store.append(opts.conversationId ?? main.id, opts.type ?? 'custom:support_request', body);
    if (!silent) deliver(event);
    return event;
  };

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    conversationId: main.id,
    store,
    handshakes,
    restLog: rest.log,
    push: (body, opts = {}) => pushEvent(body, opts, false),
    pushSilently: (body, opts = {}) => pushEvent(body, opts, true),
    pushRaw: (eventName, payload) => {
      for (const s of sessions.connected()) s.socket?.emit(eventName, payload);
    },
    pushMalformed: (payload, opts = {}) => {
      const event = store.appendRaw(opts.conversationId ?? main.id, opts.type ?? 'custom:support_request', payload);
      if (!opts.silent) deliver(event);
      return event;
    },
    redeliver: (eventId, conversationId = main.id) => {
      const event = store.requireConversation(conversationId).events.find((e) => Number(e.id) === Number(eventId));
      if (!event) throw new Error(`no event ${eventId}`);
      deliver(event);
    },
    createConversation: (name) => store.createConversation(name).id,
    addMember: (conversationId, userName) => void store.join(conversationId, store.userByName(userName).id),
    removeMember: (conversationId, userName) => void store.join(conversationId, store.userByName(userName).id, 'LEFT'),
    dropTransports: ({ refuseMs } = {}) => {
      if (refuseMs !== undefined && refuseMs > 0) {
        refusing = true;
        if (refuseTimer) clearTimeout(refuseTimer);
        refuseTimer = setTimeout(() => (refusing = false), refuseMs);
      }
      for (const s of sessions.connected()) s.socket?.conn.close();
    },
    refuseConnections: (refuse) => {
      refusing = refuse;
    },
    kick: () => {
      for (const s of sessions.connected()) s.socket?.disconnect(true);
    },
    expireToken: () => {
      for (const s of sessions.connected()) sessions.expire(s);
    },
    failRest: (spec) => faults.add(spec),
    clearRestFaults: () => faults.clear(),
    setSilentLogin: (silent) => {
      silentLogin = silent;
    },
    setPublicKey: (key) => {
      publicKey = key;
    },
    stats: () => ({ connectedSessions: sessions.connected().length, sessions: sessions.sessions.size, acks: sessions.ackCount, restCalls: rest.log.length }),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('emulator waitFor timed out');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    stop,
    restart: async () => {
      await stop();
      await listen();
    },
  };
}
