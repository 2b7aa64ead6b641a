// One nexmo-client session on one conversation: login and fetch with timeouts, listeners, token swaps.
import { describeNetworkError } from '../../connection/networkError.js';
import { trimSdkEvents } from './sdkEventRetention.js';
import { loadNexmoClient } from './sdkRuntime.js';
import { createGuardedParser } from './socketGuard.js';
import type { SdkApplication, SdkClient, SdkClientOptions, SdkConversation } from './sdkTypes.js';
import { withTimeout, type Timers } from './timers.js';
import type { VonageSettings } from '../../settings/schema.js';
import type { VonageTiming } from './vonageTiming.js';

export interface SessionHandlers {
  /** Every conversation event (all types), as the SDK emits it after its own ordering and gap fill. */
  onEvent(name: string, event: unknown): void;
  /** The socket is back after the SDK's own reconnect or after `connect()`. */
  onReconnected(): void;
  onDisconnect(reason: string): void;
  /** All of the SDK's automatic reconnect attempts failed; only `connect()` starts it again. */
  onReconnectFailed(): void;
  /** The server said the token is expired or invalid; it disconnects right after. */
  onTokenRejected(type: string): void;
  onDropped(reason: string): void;
  /** For the socket guard: the last id known for a conversation; events far ahead of it are dropped. */
  lastKnownId?(conversationId: string): number | undefined;
  onImplausibleId?(reason: string): void;
}

export interface SessionOptions {
  url?: string;
  apiUrl?: string;
  token: string;
  conversationId: string;
  loginTimeoutMs: number;
  restTimeoutMs: number;
  socket: { reconnectionAttempts: number; reconnectionDelay: number; reconnectionDelayMax: number };
  timers: Timers;
  /**
   * Give up at the first socket connect error instead of waiting out the login timeout (the SDK's createSession
   * never rejects on one): `check` wants the reason now; the running source lets socket.io retry.
   */
  failOnConnectError?: boolean;
}

/** The SDK's default socket endpoint, for messages when `vonage.sdk.url` is not set. */
const DEFAULT_SDK_URL = 'wss://ws.nexmo.com';

export function sessionOptions(settings: VonageSettings, timing: VonageTiming, token: { token: string; conversationId: string }, timers: Timers): SessionOptions {
  return {
    url: settings.sdk.url,
    apiUrl: settings.sdk.apiUrl,
    token: token.token,
    conversationId: token.conversationId,
    loginTimeoutMs: timing.loginTimeoutMs,
    restTimeoutMs: timing.restTimeoutMs,
    socket: { reconnectionAttempts: timing.socketReconnectAttempts, reconnectionDelay: timing.socketReconnectDelayMs, reconnectionDelayMax: timing.socketReconnectDelayMaxMs },
    timers,
  };
}

export class SdkSession {
  private closed = false;

  private constructor(
    private readonly client: SdkClient,
    private readonly app: SdkApplication,
    readonly conversation: SdkConversation,
    private readonly options: SessionOptions,
  ) {}

  static async open(options: SessionOptions, handlers: SessionHandlers): Promise<SdkSession> {
    const NexmoClient = loadNexmoClient();
    const config: SdkClientOptions = {
      debug: false,
      log_reporter: { enabled: false },
      socket_io: {
        ...options.socket,
        parser: createGuardedParser((reason) => handlers.onDropped(reason), {
          lastKnownId: (cid) => handlers.lastKnownId?.(cid),
          onImplausible: (reason) => (handlers.onImplausibleId ?? handlers.onDropped)(reason),
        }),
      },
      // The SDK deep-merges over its defaults: an `undefined` here would erase the default endpoint.
      ...(options.url !== undefined ? { url: options.url } : {}),
      ...(options.apiUrl !== undefined ? { nexmo_api_url: options.apiUrl } : {}),
    };
    const client = new NexmoClient(config);
    let opened = false;
    let session: SdkSession | undefined;
    const live = (): boolean => opened && session !== undefined && !session.closed;
    client.on('ready', () => live() && handlers.onReconnected());
    client.on('disconnect', (reason) => live() && handlers.onDisconnect(String(reason)));
    client.on('error', (err) => {
      if (live() && String((err as { type?: unknown } | undefined)?.type ?? err).includes('reconnection_failed')) handlers.onReconnectFailed();
    });
    try {
      const login = client.createSession(options.token);
      const connectFailed = new Promise<never>((_resolve, reject) => {
        if (!options.failOnConnectError) return;
        client.connection?.on('connect_error', (err) => reject(new Error(describeNetworkError(options.url ?? DEFAULT_SDK_URL, err))));
      });
      const app = await withTimeout(Promise.race([login, connectFailed]), options.loginTimeoutMs, 'login (createSession)', options.timers);
      for (const type of ['system:error:expired-token', 'system:error:invalid-token']) {
        app.on(type, 'NXM-errors', () => live() && handlers.onTokenRejected(type));
      }
      const conversation = await withTimeout(app.getConversation(options.conversationId), options.restTimeoutMs, 'getConversation', options.timers);
      // The wildcard sees every type, so the cursor advances over events we do not alert on.
      conversation.on('*', (...args: unknown[]) => {
        if (live()) handlers.onEvent(String(args[0]), args.length >= 3 ? args[2] : args[1]);
        trimSdkEvents(conversation.events);
      });
      session = new SdkSession(client, app, conversation, options);
      opened = true;
      return session;
    } catch (err) {
      if (client.connection) client.disconnect();
      throw err;
    }
  }

  get connected(): boolean {
    return this.client.connection?.connected === true;
  }

  /** While connected the SDK PUTs the new token to the session; while disconnected it only swaps the handshake's. */
  updateToken(token: string): Promise<void> {
    return withTimeout(this.app.updateToken(token), this.options.restTimeoutMs, 'updateToken', this.options.timers);
  }

  connect(): void {
    if (!this.closed && !this.connected) this.client.connect();
  }

  /**
   * Back-pressure: stop or resume reading the socket.io transport's WebSocket (engine.io's `ws` in Node). Frames wait
   * in the socket buffers and TCP slows the sender; none is lost. A transport without one (polling) is left alone.
   */
  setPaused(paused: boolean): boolean {
    const ws = this.client.connection?.io?.engine?.transport?.ws as { pause?: unknown; resume?: unknown; isPaused?: unknown } | undefined;
    if (typeof ws?.pause !== 'function' || typeof ws.resume !== 'function') return false;
    if (paused) (ws.pause as () => void).call(ws);
    else if (ws.isPaused === true) (ws.resume as () => void).call(ws);
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.disconnect();
  }
}
