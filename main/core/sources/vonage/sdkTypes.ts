// The slice of nexmo-client 9.5.1 we use, typed narrowly (its own index.d.ts is mostly `any`).

export interface SdkSender {
  memberId?: string;
  userId?: string;
  userName?: string;
  displayName?: string;
}

/** What conversation listeners receive as `event` (an NXMEvent: `custom:` already stripped from `type`). */
export interface SdkEvent {
  id?: unknown;
  type?: unknown;
  cid?: unknown;
  from?: unknown;
  body?: unknown;
  timestamp?: unknown;
}

export interface SdkConversation {
  id: string;
  me: { id: string } | null;
  /** Every event the SDK has seen in this conversation, by id (grows for the session's life; see sdkEventRetention). */
  events?: Map<string, unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  off(event: string, listener: (...args: unknown[]) => void): void;
}

export interface SdkApplication {
  getConversation(id: string): Promise<SdkConversation>;
  updateToken(token: string): Promise<void>;
  on(event: string, group: string, listener: (group: string, payload: unknown) => void): void;
  releaseGroup?(group: string): void;
}

export interface SdkClient {
  createSession(token: string): Promise<SdkApplication>;
  connect(): unknown;
  disconnect(): unknown;
  on(event: string, listener: (...args: unknown[]) => void): void;
  off(event: string, listener: (...args: unknown[]) => void): void;
  /** socket.io-client socket; present after createSession was called. */
  connection?: {
    connected: boolean;
    disconnected: boolean;
    on(event: 'connect_error', listener: (err: unknown) => void): void;
    /** The Manager → engine.io socket → transport; a websocket transport in Node holds a `ws` WebSocket. */
    io?: { engine?: { transport?: { ws?: unknown } } };
  };
}

export interface SdkClientOptions {
  url?: string;
  nexmo_api_url?: string;
  debug?: boolean;
  log_reporter?: { enabled: boolean };
  socket_io?: Record<string, unknown>;
}

export type SdkClientConstructor = new (options: SdkClientOptions) => SdkClient;
