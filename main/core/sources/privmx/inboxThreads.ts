import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { CursorPort } from './threadCursors.js';

/**
 * One key for the whole map, not one per inbox: the cursor store cannot list its keys, and a `"*"` rule needs every
 * inbox seen so far. Bounded, so the value stays small (200 × two 24-hex ids).
 */
export const INBOX_THREADS_KEY = 'privmx:inboxThreads';
export const DEFAULT_INBOX_LIMIT = 200;

const id = z.string().min(1).max(256);
const storedSchema = z.array(z.tuple([id, id]));

/** Which inboxes catch-up covers: those a rule names, or every inbox seen when a rule says `"*"`. */
export type InboxWant = '*' | ReadonlySet<string>;

/**
 * inboxId → its hidden thread id. The management API never tells us an inbox's thread (it sits in the inbox's
 * encrypted data), but every inbox entry does (`keyId` `<inbox-ID>`, `threadId`). Learned from live entries and
 * persisted, so catch-up can read that thread after a reconnect or a restart. Oldest learned is dropped first.
 */
export class InboxThreads {
  private readonly map = new Map<string, string>();
  private readonly threads = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: CursorPort,
    private readonly want: InboxWant,
    private readonly logger: Logger,
    private readonly limit = DEFAULT_INBOX_LIMIT,
  ) {
    for (const [inboxId, threadId] of this.load()) if (this.wants(inboxId)) this.put(inboxId, threadId);
  }

  wants(inboxId: string): boolean {
    return this.want === '*' || this.want.has(inboxId);
  }

  /** From an inbox entry; writes only when the mapping is new or changed (not once per entry). */
  learn(inboxId: string, threadId: string): void {
    if (!this.wants(inboxId) || this.map.get(inboxId) === threadId) return;
    this.put(inboxId, threadId);
    this.persist();
  }

  /** A learned inbox thread: its cursor is kept, and catch-up reads it. */
  tracks(threadId: string): boolean {
    return this.threads.has(threadId);
  }

  threadIds(): string[] {
    return [...this.threads.keys()];
  }

  /** The thread is gone (inbox deleted or re-created): stop reading it until a new entry teaches us again. */
  forgetThread(threadId: string): boolean {
    const inboxId = this.threads.get(threadId);
    if (inboxId === undefined) return false;
    this.map.delete(inboxId);
    this.threads.delete(threadId);
    this.persist();
    this.logger.info({ inboxId, threadId }, 'privmx: an inbox thread is gone; its catch-up stops until a new entry arrives');
    return true;
  }

  async flush(): Promise<void> {
    await this.writing;
  }

  private put(inboxId: string, threadId: string): void {
    const old = this.map.get(inboxId);
    if (old !== undefined) this.threads.delete(old);
    // One thread, one inbox: a thread now claimed by another inbox id drops the stale pairing.
    const previousOwner = this.threads.get(threadId);
    if (previousOwner !== undefined) this.map.delete(previousOwner);
    this.map.delete(inboxId); // re-inserted last: newest learned
    this.map.set(inboxId, threadId);
    this.threads.set(threadId, inboxId);
    while (this.map.size > this.limit) {
      const [oldestInbox, oldestThread] = this.map.entries().next().value ?? [];
      if (oldestInbox === undefined || oldestThread === undefined) break;
      this.map.delete(oldestInbox);
      this.threads.delete(oldestThread);
    }
  }

  private load(): Array<[string, string]> {
    const raw = this.store.get(INBOX_THREADS_KEY);
    if (raw === undefined) return [];
    try {
      const parsed = storedSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: same as a bad shape below
    }
    this.logger.warn('privmx: the remembered inbox threads were unreadable; inbox catch-up starts afresh');
    return [];
  }

  private persist(): void {
    const value = JSON.stringify([...this.map]);
    // Serialized, so the store always ends with the latest map.
    this.writing = this.writing.then(() => this.store.set(INBOX_THREADS_KEY, value)).catch((err: unknown) => {
      this.logger.warn({ err: safeErrorMessage(err) }, 'privmx: inbox threads not saved');
    });
  }
}
