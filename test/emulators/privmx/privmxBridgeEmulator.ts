import { BRIDGE_ERRORS, type BridgeErrorName } from './bridgeErrors.js';
import { BridgeAuthState, type ApiKey } from './bridgeAuthState.js';
import { BridgeContent, type StoreFile, type ThreadMessage } from './bridgeContent.js';
import { BridgeMethods, type BridgeChannel } from './bridgeMethods.js';
import { BridgeTransport, type RecordedCall } from './bridgeTransport.js';

export interface PrivmxBridgeEmulatorOptions {
  port?: number;
  host?: string;
  pingIntervalMs?: number;
  accessTtlMs?: number;
  refreshTtlMs?: number;
}

export interface FailOptions {
  times?: number;
  /** An error name from the Bridge's table, or a literal error object. Default INTERNAL_ERROR (none with `delayMs` alone). */
  error?: BridgeErrorName | { code: number; message: string; data?: unknown };
  hang?: boolean;
  delayMs?: number;
}

/**
 * A PrivMX Bridge management API (HTTP + WS JSON-RPC) on 127.0.0.1, built to the protocol notes, plus a typed
 * control surface for tests, the demo and benchmarks. State survives `restart()` (as the Bridge's database would).
 */
export class PrivmxBridgeEmulator {
  readonly auth = new BridgeAuthState();
  readonly content = new BridgeContent();
  private readonly transport = new BridgeTransport(new BridgeMethods(this.auth, this.content));
  private port = 0;

  private constructor(private readonly host: string) {}

  static async start(options: PrivmxBridgeEmulatorOptions = {}): Promise<PrivmxBridgeEmulator> {
    const emu = new PrivmxBridgeEmulator(options.host ?? '127.0.0.1');
    if (options.pingIntervalMs) emu.transport.pingIntervalMs = options.pingIntervalMs;
    if (options.accessTtlMs) emu.auth.accessTtlMs = options.accessTtlMs;
    if (options.refreshTtlMs) emu.auth.refreshTtlMs = options.refreshTtlMs;
    emu.port = await emu.transport.listen(options.port ?? 0, emu.host);
    return emu;
  }

  /** The Bridge base URL (what `privmx.bridgeUrl` holds). */
  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  // --- seeding -------------------------------------------------------------------------------------
  addApiKey(key: Partial<ApiKey> = {}): ApiKey {
    return this.auth.addKey(key);
  }
  addContext(input?: { id?: string; solution?: string; name?: string }) {
    return this.content.addContext(input);
  }
  addThread(contextId: string, input?: { id?: string; creator?: string; publicMeta?: unknown }) {
    return this.content.addThread(contextId, input);
  }
  addStore(contextId: string, input?: { id?: string; creator?: string }) {
    return this.content.addStore(contextId, input);
  }
  addInbox(contextId: string, input?: { id?: string; creator?: string; publicMeta?: unknown }) {
    return this.content.addInbox(contextId, input);
  }

  // --- events (stored first, so catch-up calls see them) --------------------------------------------
  /** A chat message: `threadNewMessage` then `threadStats`, as the Bridge sends them. */
  sendMessage(threadId: string, input: { author?: string; keyId?: string; publicMeta?: unknown } = {}): ThreadMessage {
    const msg = this.content.addMessage(threadId, input);
    this.emit('thread', 'threadNewMessage', { ...msg });
    const t = this.content.threads.get(threadId);
    if (t) this.emit('thread', 'threadStats', { threadId, lastMsgDate: t.lastMsgDate, messages: t.messages });
    return msg;
  }

  /** An inbox submission: a `threadNewMessage` in the inbox's hidden thread, then one file event per attachment. */
  sendInboxEntry(inboxId: string, input: { files?: number } = {}): ThreadMessage {
    const inbox = this.content.inboxes.get(inboxId);
    if (!inbox) throw new Error(`no inbox ${inboxId}`);
    const msg = this.content.addMessage(inbox.threadId, { author: '<anonymous>', keyId: `<inbox-${inboxId}>`, publicMeta: null });
    this.emit('thread', 'threadNewMessage', { ...msg });
    for (let i = 0; i < (input.files ?? 0); i += 1) {
      const file = this.content.addFile(inbox.storeId, { creator: '<anonymous>' });
      this.emit('store', 'storeFileCreated', { ...file });
    }
    if (input.files) this.storeStats(inbox.storeId);
    return msg;
  }

  /** A new file in a store: `storeFileCreated` then `storeStatsChanged`. */
  addFile(storeId: string, input: { creator?: string; size?: number; publicMeta?: unknown } = {}): StoreFile {
    const file = this.content.addFile(storeId, input);
    this.emit('store', 'storeFileCreated', { ...file });
    this.storeStats(storeId);
    return file;
  }

  /** Inject any notification; `solution` defaults to the one its ids lead to. Returns how many sockets got it. */
  emit(channel: BridgeChannel, type: string, data: Record<string, unknown>, options: { solution?: string; timestamp?: number } = {}): number {
    const frame = JSON.stringify({ channel, type, data, timestamp: options.timestamp ?? Date.now() });
    return this.transport.publish(channel, frame, options.solution ?? this.content.solutionOf(data));
  }

  /** Send any text (garbage, huge, fake responses) to every open socket. */
  sendRaw(frame: string | Buffer): void {
    for (const s of this.transport.sockets) if (!s.frozen && s.ws.readyState === s.ws.OPEN) s.ws.send(frame, { binary: false });
  }

  // --- faults ------------------------------------------------------------------------------------
  dropSockets(code?: number): void {
    this.transport.dropSockets(code);
  }
  /** Half-open: the sockets stay open but nothing goes either way and no pings are sent. */
  freezeSockets(): void {
    for (const s of this.transport.sockets) s.frozen = true;
  }
  setPings(enabled: boolean): void {
    this.transport.pingsEnabled = enabled;
  }
  setPingInterval(ms: number): void {
    this.transport.pingIntervalMs = ms;
    this.transport.restartPings();
  }
  expireTokens(which: 'access' | 'all' = 'access'): void {
    this.auth.expireTokens(which);
  }
  revokeSessions(): void {
    this.auth.revokeSessions();
  }
  setTokenTtls(ttl: { accessMs?: number; refreshMs?: number }): void {
    if (ttl.accessMs) this.auth.accessTtlMs = ttl.accessMs;
    if (ttl.refreshMs) this.auth.refreshTtlMs = ttl.refreshMs;
  }
  failNext(method: string, options: FailOptions = {}): void {
    // A delay alone answers normally, late; otherwise the call fails (INTERNAL_ERROR unless told).
    const e = options.error ?? (options.delayMs && !options.hang ? undefined : 'INTERNAL_ERROR');
    const error = e === undefined ? undefined : typeof e === 'string' ? { ...BRIDGE_ERRORS[e], data: null } : { data: null, ...e };
    this.transport.faults.set(method, { remaining: options.times ?? 1, ...(error ? { error } : {}), ...pick(options) });
  }
  clearFaults(): void {
    this.transport.faults.clear();
  }

  // --- observation -------------------------------------------------------------------------------
  calls(method?: string): RecordedCall[] {
    return this.transport.calls.filter((c) => method === undefined || c.method === method);
  }
  socketCount(): number {
    return this.transport.sockets.size;
  }
  subscribedSockets(channel: BridgeChannel): number {
    return [...this.transport.sockets].filter((s) => (s.channels.get(channel)?.size ?? 0) > 0).length;
  }

  /** Stop and listen again on the same port, keeping every key, session and message (a Bridge restart). */
  async restart(downMs = 0): Promise<void> {
    await this.transport.close();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.transport.listen(this.port, this.host);
  }
  async stop(): Promise<void> {
    await this.transport.close();
  }

  private storeStats(storeId: string): void {
    const s = this.content.stores.get(storeId);
    if (s) this.emit('store', 'storeStatsChanged', { id: s.id, contextId: s.contextId, lastFileDate: s.lastFileDate, files: s.files });
  }
}

function pick(o: FailOptions): { hang?: boolean; delayMs?: number } {
  return { ...(o.hang ? { hang: true } : {}), ...(o.delayMs ? { delayMs: o.delayMs } : {}) };
}

export function startPrivmxBridgeEmulator(options?: PrivmxBridgeEmulatorOptions): Promise<PrivmxBridgeEmulator> {
  return PrivmxBridgeEmulator.start(options);
}
