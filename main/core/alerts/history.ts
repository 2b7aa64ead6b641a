import { performance } from 'node:perf_hooks';
import { HistoryJournal, addLine, type JournalRecord } from './historyJournal.js';
import { historyEntrySchema, type HistoryEntry } from './historyEntry.js';
import type { AlertKey } from './alert.js';

export { historyEntrySchema, type HistoryEntry };

type Patch = Partial<Omit<HistoryEntry, 'alert'>>;

/**
 * What a change may have ended: the entries it made handled or took out of history (fell off the end); `all` when it
 * may be any of them (cleared). Most changes (an add to a history not yet full, an outcome, read flags) end none.
 */
export interface HistoryChange {
  ended: readonly AlertKey[] | 'all';
}

const NOTHING_ENDED: HistoryChange = { ended: [] };

/**
 * An entry and its JSON, made once for its journal line and used again by every fold until the entry changes (a fold
 * every `limit` records serialized the whole history again: ≈ 2 µs per alert). The store forgets the text of what it
 * changes. (Keeping the texts in a Map or WeakMap by entry cost about as much as it saved.)
 */
interface Slot {
  entry: HistoryEntry;
  json: string | undefined;
  /** Its `indexKey`, kept for when it falls off the end. */
  key: string;
}

/** No write for this long (ms): the next add is taken to come alone, and writes at once. */
const QUIET_MS = 2;

const jsonOf = (slot: Slot): string => (slot.json ??= JSON.stringify(slot.entry));

/**
 * Every alert, newest first, bounded, persisted in `<dataDir>` (snapshot + journal, see HistoryJournal).
 * `add` resolves once the entry is on disk, so a source may advance its cursor then. Group commit: adds made while a
 * write is on its way share the next one. An add after a quiet spell (no write for `QUIET_MS`) writes at once, in its
 * own tick, so its write leaves before the source's own bookkeeping runs; any other first add writes after the current
 * tick, so that the adds of a burst made in it (a batch of frames, a catch-up) share its write.
 * The journal is folded into a new snapshot once it holds as many records as the history keeps.
 * The entries it hands out (`list`, `find`) are its own: change them only through its methods.
 */
export class HistoryStore {
  /**
   * The entries oldest first from `head` on: an add is a push and a drop off the end moves `head`, where a newest-first
   * array moved all of them for each add. `list()` hands them out newest first, built again only after a change.
   */
  private chronological: (Slot | undefined)[] = [];
  private head = 0;
  private newestFirst: HistoryEntry[] | undefined;
  /** The same entries by (restaurant, source, id): `find` runs for every add and update; a scan was O(history). */
  private readonly index = new Map<string, Slot>();
  /** What the next batch writes, in order: a change, or (a slot) the add of its entry. */
  private pending: (JournalRecord | Slot)[] = [];
  private batch: Promise<void> | undefined;
  /** The write on its way (never rejects); the next batch starts when it ends. */
  private writing: Promise<void> = Promise.resolve();
  /** Writes started and not yet ended (`writing` and those before it), and when the last one ended. */
  private writes = 0;
  private lastWriteEnded = Number.NEGATIVE_INFINITY;
  private readonly listeners = new Set<(change: HistoryChange) => void>();
  /** A fold of the journal into the snapshot is queued or on its way. */
  private folding = false;
  private constructor(
    private readonly journal: HistoryJournal,
    private readonly limit: number,
  ) {}

  static async open(dataDir: string, limit: number, onWarning: (message: string, file: string) => void = () => {}): Promise<HistoryStore> {
    const { journal, entries, replay } = await HistoryJournal.open(dataDir, onWarning);
    const store = new HistoryStore(journal, limit);
    const newestFirst: Slot[] = [];
    for (const entry of entries.slice(0, limit)) {
      if (store.index.has(indexKey(entry.alert))) continue;
      const slot = { entry, json: undefined, key: indexKey(entry.alert) };
      newestFirst.push(slot);
      store.index.set(slot.key, slot);
    }
    store.chronological = newestFirst.reverse();
    for (const record of replay) store.apply(record);
    // Start every run from one compact snapshot and an empty journal.
    await journal.snapshot(store.texts());
    return store;
  }

  /** Newest first. */
  list(): readonly HistoryEntry[] {
    if (!this.newestFirst) {
      const list: HistoryEntry[] = [];
      for (let i = this.chronological.length - 1; i >= this.head; i--) {
        const slot = this.chronological[i];
        if (slot) list.push(slot.entry);
      }
      this.newestFirst = list;
    }
    return this.newestFirst;
  }

  get size(): number {
    return this.chronological.length - this.head;
  }

  unreadCount(): number {
    return this.list().reduce((n, e) => n + (e.read ? 0 : 1), 0);
  }

  find(k: AlertKey): HistoryEntry | undefined {
    return this.index.get(indexKey(k))?.entry;
  }

  onChange(listener: (change: HistoryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(entry: HistoryEntry): Promise<void> {
    return this.record({ op: 'add', entry });
  }

  /** Updates an entry in place (e.g. the notifier's outcome arrived after it was stored). */
  update(key: AlertKey, patch: Patch): Promise<void> {
    if (!this.find(key)) return Promise.resolve();
    return this.record({ op: 'update', restaurant: key.restaurant, source: key.source, id: key.id, patch });
  }

  setRead(keys: readonly AlertKey[], read: boolean): Promise<void> {
    for (const k of keys) {
      const slot = this.index.get(indexKey(k));
      if (!slot) continue;
      slot.entry.read = read;
      slot.json = undefined;
    }
    return this.rewrite(NOTHING_ENDED);
  }

  /** Someone acted on these alerts (joined, or dismissed them in History): handled, and read. */
  markHandled(keys: readonly AlertKey[], how: NonNullable<HistoryEntry['handled']>): Promise<void> {
    for (const k of keys) {
      const slot = this.index.get(indexKey(k));
      if (!slot) continue;
      slot.entry.handled = how;
      slot.entry.read = true;
      slot.json = undefined;
    }
    return this.rewrite({ ended: keys });
  }

  markAllRead(): Promise<void> {
    for (const slot of this.index.values()) {
      slot.entry.read = true;
      slot.json = undefined;
    }
    return this.rewrite(NOTHING_ENDED);
  }

  clear(): Promise<void> {
    this.chronological = [];
    this.head = 0;
    this.newestFirst = undefined;
    this.index.clear();
    return this.rewrite({ ended: 'all' });
  }

  /** Resolves when everything changed so far is on disk. */
  async flush(): Promise<void> {
    await this.batch;
    // The last batch, once it ended, has queued its fold (if any) on the journal.
    await this.writing;
    await this.journal.idle();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.journal.close();
  }

  /** Applies a record in memory; says what it ended. */
  private apply(record: JournalRecord): HistoryChange {
    if (record.op === 'add') return this.insert(record.entry).change;
    const slot = this.index.get(indexKey(record));
    if (!slot) return NOTHING_ENDED;
    Object.assign(slot.entry, record.patch);
    slot.json = undefined;
    return 'handled' in record.patch ? { ended: [slot.entry.alert] } : NOTHING_ENDED;
  }

  /** A new entry, newest; what fell off the end for it. Idempotent (no slot): a replay may repeat what the snapshot holds. */
  private insert(entry: HistoryEntry): { change: HistoryChange; slot?: Slot } {
    const key = indexKey(entry.alert);
    if (this.index.has(key)) return { change: NOTHING_ENDED };
    let ended: AlertKey[] | undefined;
    const slot: Slot = { entry, json: undefined, key };
    this.chronological.push(slot);
    this.newestFirst = undefined;
    this.index.set(key, slot);
    while (this.size > this.limit) {
      const dropped = this.chronological[this.head];
      this.chronological[this.head] = undefined;
      this.head++;
      if (!dropped) continue;
      this.index.delete(dropped.key);
      (ended ??= []).push(dropped.entry.alert);
    }
    // Drop the dead front once it is as long as what is kept: amortized O(1) per add.
    if (this.head >= this.limit) {
      this.chronological.splice(0, this.head);
      this.head = 0;
    }
    return { change: ended ? { ended } : NOTHING_ENDED, slot };
  }

  private record(record: JournalRecord): Promise<void> {
    if (record.op === 'add') {
      const { change, slot } = this.insert(record.entry);
      this.changed(change);
      this.pending.push(slot ?? record);
    } else {
      this.changed(this.apply(record));
      this.pending.push(record);
    }
    if (this.batch) return this.batch;
    // After a quiet spell, write now: a hop to the next tick first cost every alert that comes alone the time its
    // source's caller (an SDK's listener) took to return (≈ 40 µs when events come one at a time, the latency bench).
    // Right after a write, more adds are likely in this tick (a burst): they share one write.
    if (this.writes === 0 && performance.now() - this.lastWriteEnded > QUIET_MS) return this.track(this.writeBatch());
    const batch = this.writing.then(() => this.writeBatch());
    this.batch = batch;
    return this.track(batch);
  }

  /** `run` becomes the write on its way. */
  private track(run: Promise<void>): Promise<void> {
    this.writes += 1;
    const ended = (): void => {
      this.writes -= 1;
      this.lastWriteEnded = performance.now();
    };
    this.writing = run.then(ended, ended);
    return run;
  }

  private async writeBatch(): Promise<void> {
    const records = this.pending;
    this.pending = [];
    this.batch = undefined;
    const lines: string[] = [];
    for (const r of records) lines.push('op' in r ? JSON.stringify(r) : addLine(jsonOf(r)));
    await this.journal.append(lines);
    // These records are on disk: their adds resolve now. The fold is queued behind them, so the next append waits for
    // it (the journal is emptied only once the snapshot holds what it held), but not the alerts already written.
    // A fold that fails leaves the journal as it was; the next batch tries again.
    if (this.journal.records >= this.limit && !this.folding) {
      this.folding = true;
      void this.journal
        .snapshot(this.texts())
        .catch(() => {})
        .finally(() => (this.folding = false));
    }
  }

  /** Rare changes made by a person (read flags, clear): one atomic snapshot. */
  private rewrite(change: HistoryChange): Promise<void> {
    this.changed(change);
    return this.journal.snapshot(this.texts());
  }

  /** The entries' JSON, newest first, made now (for those changed since their last text). */
  private texts(): string[] {
    const texts: string[] = [];
    for (let i = this.chronological.length - 1; i >= this.head; i--) {
      const slot = this.chronological[i];
      if (slot) texts.push(jsonOf(slot));
    }
    return texts;
  }

  private changed(change: HistoryChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/**
 * (restaurant, source, id) as one map key, unambiguous whatever they hold: the first two carry their length. (A JSON
 * array of the three cost a serialization per lookup, and every add and update looks up.)
 */
function indexKey(k: AlertKey): string {
  return `${k.restaurant.length}:${k.restaurant}${k.source.length}:${k.source}${k.id}`;
}
