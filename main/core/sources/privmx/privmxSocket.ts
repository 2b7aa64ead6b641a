import WebSocket from 'ws';
import { describeNetworkError } from '../../connection/networkError.js';
import type { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { parseNotificationFrame, type NotificationFrame } from './bridgeFrames.js';
import { GarbageLog, parseResult } from './privmxRpc.js';

export interface PrivmxSocketOptions {
  /** ws(s)://host/api */
  url: string;
  logger: Logger;
  /** A notification frame, validated (envelope and data) by its event type's schema; unusable ones are counted as garbage. */
  onNotification(frame: NotificationFrame): void;
  /** Called once, whatever ended the socket. */
  onClose(reason: string): void;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** No ping and no frame for this long means the connection is dead (the Bridge pings every 10 s). */
  deadAfterMs?: number;
  maxPayloadBytes?: number;
}

interface Pending {
  resolve(frame: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** One management WebSocket: requests matched by id, notifications passed on, garbage counted, silence detected. */
export class PrivmxSocket {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private lastSeen = Date.now();
  private watchdog: NodeJS.Timeout | undefined;
  private closed = false;
  readonly garbage: GarbageLog;

  private constructor(private readonly ws: WebSocket, private readonly options: PrivmxSocketOptions) {
    this.garbage = new GarbageLog(options.logger);
    ws.on('ping', () => (this.lastSeen = Date.now()));
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('close', (code) => this.finish(`closed (${code})`));
    ws.on('error', (err) => this.finish(`socket error: ${err.message}`));
    const deadAfter = options.deadAfterMs ?? 25_000;
    this.watchdog = setInterval(() => {
      // While we do not read (back-pressure), silence is ours, not the Bridge's.
      if (this.ws.isPaused) return;
      if (Date.now() - this.lastSeen > deadAfter) {
        this.finish(`no ping or frame for ${deadAfter} ms`);
      }
    }, Math.max(50, Math.floor(deadAfter / 5)));
  }

  static open(options: PrivmxSocketOptions): Promise<PrivmxSocket> {
    const ws = new WebSocket(options.url, { maxPayload: options.maxPayloadBytes ?? 8 * 1024 * 1024, handshakeTimeout: options.connectTimeoutMs ?? 10_000 });
    return new Promise((resolve, reject) => {
      const fail = (err: Error) => {
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        reject(err);
      };
      ws.once('error', (err) => fail(new Error(describeNetworkError(options.url, err))));
      ws.once('unexpected-response', (_req, res) => fail(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`)));
      ws.once('open', () => {
        ws.removeAllListeners();
        resolve(new PrivmxSocket(ws, options));
      });
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a request and waits for the response with the same id (responses may arrive out of order). */
  request<S extends z.ZodType>(method: string, params: Record<string, unknown>, resultSchema: S): Promise<z.output<S>> {
    if (this.closed) return Promise.reject(new Error(`${method}: socket is closed`));
    const id = this.nextId++;
    const frame = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${this.options.requestTimeoutMs ?? 10_000} ms`));
      }, this.options.requestTimeoutMs ?? 10_000);
      this.pending.set(id, { resolve, reject, timer });
    });
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return frame.then((f) => parseResult(method, f, resultSchema));
  }

  /** Stops reading frames (back-pressure); what the Bridge sends waits in the socket buffers. */
  pause(): void {
    if (!this.closed) this.ws.pause();
  }

  /** Reads again; the silence while paused does not count against the watchdog. */
  resume(): void {
    if (this.closed || !this.ws.isPaused) return;
    this.lastSeen = Date.now();
    this.ws.resume();
  }

  /** Clean close (code 1000); pending requests fail. */
  close(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, 'bye');
    this.finish('closed by client');
  }

  /** Abrupt end: for a connection judged dead. */
  terminate(reason: string): void {
    this.finish(reason);
  }

  private onFrame(data: WebSocket.RawData, isBinary: boolean): void {
    this.lastSeen = Date.now();
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
    if (isBinary) return this.garbage.note('binary frame', size);
    let value: unknown;
    try {
      value = JSON.parse(data.toString());
    } catch {
      return this.garbage.note('not JSON', size);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.garbage.note('not an object', size);
    if ('jsonrpc' in value) return this.onResponse(value as Record<string, unknown>, size);
    const note = parseNotificationFrame(value as Record<string, unknown>);
    if (!note.ok) return this.garbage.note(note.problem, size);
    this.options.onNotification(note.frame);
  }

  private onResponse(frame: Record<string, unknown>, size: number): void {
    const pending = typeof frame.id === 'number' ? this.pending.get(frame.id) : undefined;
    if (!pending) return this.garbage.note('response to no request', size);
    this.pending.delete(frame.id as number);
    clearTimeout(pending.timer);
    pending.resolve(frame);
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watchdog);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`socket ended: ${reason}`));
    }
    this.pending.clear();
    if (this.ws.readyState !== WebSocket.CLOSED && this.ws.readyState !== WebSocket.CLOSING) this.ws.terminate();
    else if (this.ws.readyState === WebSocket.CLOSING && reason !== 'closed by client') this.ws.terminate();
    this.ws.on('error', () => {});
    this.options.onClose(reason);
  }
}
