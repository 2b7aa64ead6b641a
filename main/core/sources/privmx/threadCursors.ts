import type { Cursors } from '../../storage/cursorStore.js';

export type CursorPort = Pick<Cursors, 'get' | 'set'>;

export function threadCursorKey(threadId: string): string {
  return `privmx:thread:${threadId}`;
}

/** Bridge ids are 24-hex ObjectIds: same length, so string order is id order. */
export function isAfter(id: string, cursor: string | undefined): boolean {
  if (cursor === undefined) return true;
  return id.length === cursor.length ? id > cursor : id !== cursor;
}

/**
 * Last-seen message id per thread. Reads see every advance at once; writes to disk are coalesced (one per
 * `flushMs`), so a burst of 10,000 messages costs a few file writes, not 10,000. Worst case after a crash:
 * catch-up re-reads up to `flushMs` worth of messages, which history dedupes.
 */
export class ThreadCursors {
  private pending = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: CursorPort, private readonly flushMs = 250, private readonly onError: (err: unknown) => void = () => {}) {}

  get(threadId: string): string | undefined {
    const key = threadCursorKey(threadId);
    return this.pending.get(key) ?? this.store.get(key);
  }

  /** Moves forward only; call it after the alert for `messageId` is safely in history. */
  advance(threadId: string, messageId: string): void {
    if (!isAfter(messageId, this.get(threadId))) return;
    this.pending.set(threadCursorKey(threadId), messageId);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    this.writing = this.writing.then(async () => {
      for (const [key, value] of batch) await this.store.set(key, value).catch(this.onError);
    });
    await this.writing;
  }
}
