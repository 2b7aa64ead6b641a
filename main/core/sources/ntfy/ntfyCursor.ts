// Where a topic's stream resumes: the last message whose alert is in history (`since=<id>`, exclusive), or — before
// the first message — the server time the first stream opened at (`since=<time>`, inclusive), so a reconnect never
// skips what came in between. Stored as `<time>/<id>` (the id may be empty).
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';

/** The cursor store (one string per key), as the MQTT source's session marks. */
export interface NtfyCursors {
  get(key: string): string | undefined;
  set(key: string, value: string): Promise<void>;
}

export interface NtfyCursor {
  /** Server time (unix seconds) of the last handled message, or of the first `open`. */
  time: number;
  id?: string;
}

export function cursorKey(baseUrl: string, topic: string): string {
  return `ntfy:${baseUrl.replace(/\/+$/, '')}/${topic}`;
}

export function encodeCursor(cursor: NtfyCursor): string {
  return `${cursor.time}/${cursor.id ?? ''}`;
}

export function decodeCursor(value: string | undefined): NtfyCursor | undefined {
  const match = value === undefined ? null : /^(\d{1,12})\/([A-Za-z0-9_-]{0,64})$/.exec(value);
  if (!match) return undefined;
  return { time: Number(match[1]), ...(match[2] ? { id: match[2] } : {}) };
}

/** The `since` query for a cursor; none on a first start (from now). */
export function sinceQuery(cursor: NtfyCursor | undefined): Record<string, string> {
  if (!cursor) return {};
  return { since: cursor.id ?? String(cursor.time) };
}

/**
 * Writes the latest cursor per key, one write at a time, without making the message loop wait for the disk. A cursor
 * that lags behind history is safe (the replayed messages are duplicates the pipeline drops); one ahead never happens,
 * because it is only set after the alert is in history.
 */
export class CursorWriter {
  private readonly pending = new Map<string, string>();
  private writing: Promise<void> | undefined;

  constructor(private readonly store: NtfyCursors, private readonly logger: Logger) {}

  write(key: string, value: string): void {
    this.pending.set(key, value);
    this.writing ??= this.drain();
  }

  /** Resolves once every cursor given so far is written (or failed and was logged). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const [key, value] = this.pending.entries().next().value as [string, string];
        this.pending.delete(key);
        await this.store.set(key, value).catch((err: unknown) => this.logger.warn({ err: safeErrorMessage(err), key }, 'ntfy: cursor not saved'));
      }
    } finally {
      this.writing = undefined;
    }
  }
}

/** Ids handled lately, so a replay of the whole cache (unknown `since` id) never even reaches the pipeline twice. */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly limit = 2_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.limit) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }
}
