import path from 'node:path';
import { z } from 'zod';
import { alertSchema } from './alert.js';
import { loadJsonFile, saveJsonFile } from '../storage/jsonFile.js';

export const historyEntrySchema = z.object({
  alert: alertSchema,
  /** Whether a notification was shown for this alert itself (not as part of a summary). */
  shown: z.boolean(),
  /** Why it was not shown, or shown without its link: dnd, coalesced, link_not_allowed, failed, os_dnd. */
  reason: z.string().optional(),
  /** The link, when the link policy allowed it at the time it arrived. */
  joinUrl: z.string().optional(),
  read: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const historyFileSchema = z.object({ version: z.literal(1), entries: z.array(historyEntrySchema) });

/**
 * Every alert, newest first, bounded, persisted atomically in `<dataDir>/history.json`.
 * Writes are group-committed: `add` resolves once a write that includes the entry has reached the disk,
 * so a source may advance its cursor then; many adds in one tick share one write.
 */
export class HistoryStore {
  private entries: HistoryEntry[] = [];
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly file: string,
    private readonly limit: number,
  ) {}

  static async open(
    dataDir: string,
    limit: number,
    onWarning: (message: string) => void = () => {},
  ): Promise<HistoryStore> {
    const store = new HistoryStore(path.join(dataDir, 'history.json'), limit);
    const loaded = await loadJsonFile(store.file, historyFileSchema, () => ({ version: 1 as const, entries: [] }));
    if (loaded.status === 'corrupt') {
      onWarning(`history file was unreadable (${loaded.problem}); moved to ${loaded.movedTo}, starting with an empty history`);
    }
    store.entries = loaded.value.entries.slice(0, limit);
    return store;
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  get size(): number {
    return this.entries.length;
  }

  unreadCount(): number {
    return this.entries.reduce((n, e) => n + (e.read ? 0 : 1), 0);
  }

  find(source: string, id: string): HistoryEntry | undefined {
    return this.entries.find((e) => e.alert.source === source && e.alert.id === id);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(entry: HistoryEntry): Promise<void> {
    this.entries.unshift(entry);
    if (this.entries.length > this.limit) this.entries.length = this.limit;
    return this.persist();
  }

  /** Updates an entry in place (e.g. the notifier's outcome arrived after it was stored). */
  update(source: string, id: string, patch: Partial<Omit<HistoryEntry, 'alert'>>): Promise<void> {
    const entry = this.find(source, id);
    if (!entry) return Promise.resolve();
    Object.assign(entry, patch);
    return this.persist();
  }

  setRead(keys: ReadonlyArray<{ source: string; id: string }>, read: boolean): Promise<void> {
    for (const k of keys) {
      const entry = this.find(k.source, k.id);
      if (entry) entry.read = read;
    }
    return this.persist();
  }

  markAllRead(): Promise<void> {
    for (const e of this.entries) e.read = true;
    return this.persist();
  }

  clear(): Promise<void> {
    this.entries = [];
    return this.persist();
  }

  /** Resolves when everything added so far is on disk. */
  async flush(): Promise<void> {
    if (this.scheduled || this.waiters.length > 0) await this.persist();
    else if (this.writing) await this.writing;
  }

  private persist(): Promise<void> {
    for (const listener of this.listeners) listener();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.scheduled && !this.writing) {
        this.scheduled = true;
        setImmediate(() => void this.write());
      }
    });
  }

  private async write(): Promise<void> {
    this.scheduled = false;
    const waiters = this.waiters;
    this.waiters = [];
    const snapshot = { version: 1 as const, entries: this.entries };
    this.writing = saveJsonFile(this.file, snapshot, { compact: true });
    try {
      await this.writing;
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    } finally {
      this.writing = null;
    }
    if (this.waiters.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.write());
    }
  }
}
