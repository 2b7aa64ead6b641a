// One HTTP JSON stream of one ntfy topic (`GET /<topic>/json`), read line by line with backpressure: the next line is
// read only once the previous message is handled. A watchdog ends the link when no byte came for the keepalive
// deadline (the server sends a `keepalive` event every interval), so a frozen connection never hangs.
import { systemClock, type Clock, type TimerHandle } from '../../connection/clock.js';
import { withTimeout } from '../../connection/timeout.js';
import { safeErrorMessage } from '../../log/redact.js';
import { parseNtfyLine, type NtfyEvent } from './ntfyFrames.js';
import type { NtfyLogin } from './ntfyOptions.js';
import { describeRefusal } from './ntfyRefusal.js';

export interface NtfyStreamOptions {
  url: string;
  headers: Record<string, string>;
  login: NtfyLogin;
  topic: string;
  connectTimeoutMs: number;
  /** No byte for this long = a dead link. */
  silenceTimeoutMs: number;
  messageTimeoutMs: number;
  maxLineBytes: number;
  clock?: Clock;
  /** Each `message` event, one at a time; the stream reads on once it resolves. */
  onMessage(event: NtfyEvent): Promise<void>;
  /** A line that is not a usable ntfy event (logged by the caller, then skipped). */
  onBadLine(reason: string): void;
  /** The stream ended on its own (server gone, keepalive lost, a message not stored), not by `close`. */
  onEnd(reason: string): void;
}

export class NtfyStream {
  private ended = false;
  private readonly controller = new AbortController();
  private readonly clock: Clock;
  private opened: ((event: NtfyEvent) => void) | undefined;

  private constructor(private readonly o: NtfyStreamOptions) {
    this.clock = o.clock ?? systemClock;
  }

  /** Resolves with the `open` event once the server has accepted the subscription; rejects with its reason otherwise. */
  static async open(o: NtfyStreamOptions): Promise<{ stream: NtfyStream; open: NtfyEvent }> {
    const stream = new NtfyStream(o);
    const clock = stream.clock;
    const deadline = clock.now() + o.connectTimeoutMs;
    const left = (): number => Math.max(1, deadline - clock.now());
    const timedOut = (what: string) => () => {
      stream.controller.abort();
      return new Error(`no ${what} from the server within ${seconds(o.connectTimeoutMs)}`);
    };
    try {
      const res = await withTimeout(
        fetch(o.url, { headers: { Accept: 'application/x-ndjson', ...o.headers }, signal: stream.controller.signal, redirect: 'error', cache: 'no-store' }),
        left(), timedOut('answer'), clock,
      ).catch((err: unknown) => {
        throw new Error(connectError(err));
      });
      if (!res.ok || !res.body) {
        const body = await withTimeout(res.text(), left(), timedOut('error body'), clock).catch(() => '');
        throw describeRefusal(res.status, body, res.headers.get('retry-after'), o.topic, o.login, clock.now());
      }
      const opened = new Promise<NtfyEvent>((resolve) => (stream.opened = resolve));
      const ended = new Promise<never>((_, reject) => {
        void stream.pump(res.body as ReadableStream<Uint8Array>, (reason) => reject(new Error(reason)));
      });
      const open = await withTimeout(Promise.race([opened, ended]), left(), timedOut('open event'), clock);
      return { stream, open };
    } catch (err) {
      stream.close();
      throw err;
    }
  }

  get active(): boolean {
    return !this.ended;
  }

  /** Ends the link at once (stopping, replacing, or judged dead). */
  close(): void {
    this.ended = true;
    this.controller.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>, beforeOpen: (reason: string) => void): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    let reason = 'the server closed the stream';
    try {
      for (;;) {
        const chunk = await this.readWithin(reader);
        if (chunk === undefined) break;
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line.length > 0) await this.handleLine(line);
          if (this.ended) return;
        }
        if (buffer.length > this.o.maxLineBytes) throw new Error(`a stream line over ${this.o.maxLineBytes} bytes`);
      }
    } catch (err) {
      reason = safeErrorMessage(err);
    } finally {
      void reader.cancel().catch(() => {});
    }
    const wasOpen = this.opened === undefined;
    if (this.ended) return;
    this.ended = true;
    this.controller.abort();
    if (wasOpen) this.o.onEnd(reason);
    else beforeOpen(reason);
  }

  /** The next chunk, or undefined at the end; rejects when nothing came within the silence deadline. */
  private readWithin(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | undefined> {
    return new Promise((resolve, reject) => {
      const ms = this.o.silenceTimeoutMs;
      const timer: TimerHandle = this.clock.setTimeout(() => {
        this.controller.abort();
        reject(new Error(`nothing from the server for ${Math.round(ms / 1000)} s (keepalive lost)`));
      }, ms);
      reader.read().then(
        ({ value, done }) => {
          this.clock.clearTimeout(timer);
          resolve(done ? undefined : value);
        },
        (err: unknown) => {
          this.clock.clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  private async handleLine(line: string): Promise<void> {
    const parsed = parseNtfyLine(line);
    if (!parsed.ok) return this.o.onBadLine(parsed.reason);
    const { event } = parsed;
    if (event.event === 'open') {
      const opened = this.opened;
      this.opened = undefined;
      opened?.(event);
      return;
    }
    if (event.event !== 'message') return; // keepalive, poll_request, and what later versions add
    if (this.opened !== undefined) {
      // A message before `open` does not happen with ntfy; treat the subscription as open anyway.
      const opened = this.opened;
      this.opened = undefined;
      opened(event);
    }
    await withTimeout(this.o.onMessage(event), this.o.messageTimeoutMs, () => new Error('a message could not be stored in time'), this.clock);
  }
}

/** 0.8 s, 2.5 s, 10 s: a deadline as a person reads it. */
function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function connectError(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : undefined;
  if (code === 'ECONNREFUSED') return 'connection refused (is the ntfy server running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the server name could not be resolved';
  const message = safeErrorMessage(cause instanceof Error ? cause : err);
  return message === 'fetch failed' || message === '' ? 'connection failed' : message;
}
