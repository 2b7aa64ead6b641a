import path from 'node:path';
import { z } from 'zod';
import { systemClock, type Clock, type TimerHandle } from '../connection/clock.js';
import { loadJsonFile, saveJsonFile } from './jsonFile.js';

const cursorFileSchema = z.object({
  version: z.literal(1),
  cursors: z.record(z.string(), z.string()),
});

const FILE_NAME = 'cursors.json';

export interface CursorStoreOptions {
  /** A save failed (message naming the file and the error), or, with `undefined`, saves work again. */
  onWriteProblem?: (problem: string | undefined) => void;
  /** After a failed save, how soon the latest cursors are saved again when nothing else asks to. */
  retryMs?: number;
  clock?: Clock;
}

/** What a source sees of the cursor store: its own restaurant's keys only. */
export interface Cursors {
  get(key: string): string | undefined;
  set(key: string, value: string): Promise<void>;
  flush(): Promise<void>;
}

/** Restaurant ids are slugs, so this separator never occurs in one. */
const SCOPE_SEPARATOR = '|';

/**
 * The last event id a source has safely handed to history, per key (e.g. `vonage:CON-…`, `privmx:thread:…`).
 * Persisted in `<dataDir>/cursors.json` so a restart catches up from where it stopped and never replays older events.
 * Saves are serialized and each writes the whole latest map, so a failed save (a full disk) is made good by the next
 * one, never repeated by it; after a failure the latest map is retried on a timer until it is on disk.
 */
export class CursorStore implements Cursors {
  private cursors = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();
  /** The in-memory map is newer than the file (the last save failed). */
  private unsaved = false;
  private retryTimer: TimerHandle | undefined;
  private readonly clock: Clock;

  private constructor(
    private readonly file: string,
    private readonly options: CursorStoreOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  static async open(dataDir: string, onWarning: (message: string, file: string) => void = () => {}, options: CursorStoreOptions = {}): Promise<CursorStore> {
    const store = new CursorStore(path.join(dataDir, FILE_NAME), options);
    const loaded = await loadJsonFile(store.file, cursorFileSchema, () => ({ version: 1 as const, cursors: {} }));
    if (loaded.status === 'corrupt') {
      onWarning(`cursor file was unreadable (${loaded.problem}); moved to ${loaded.movedTo}`, FILE_NAME);
    }
    store.cursors = new Map(Object.entries(loaded.value.cursors));
    return store;
  }

  get(key: string): string | undefined {
    return this.cursors.get(key);
  }

  /** Sets and persists; rejects when this save failed (the next save still runs, and retries cover this one). */
  async set(key: string, value: string): Promise<void> {
    if (this.cursors.get(key) === value) return;
    this.cursors.set(key, value);
    await this.save();
  }

  /** Resolves once the latest cursors are on disk; rejects when they still cannot be saved. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.unsaved) await this.save();
  }

  /** Stops the retry timer (the owner flushes first when it wants the cursors saved). */
  close(): void {
    this.cancelRetry();
  }

  private save(): Promise<void> {
    const run = this.writing.then(() => this.write());
    this.writing = run.catch(() => {});
    return run;
  }

  private async write(): Promise<void> {
    this.cancelRetry();
    const snapshot = { version: 1 as const, cursors: Object.fromEntries(this.cursors) };
    try {
      await saveJsonFile(this.file, snapshot);
    } catch (err) {
      this.unsaved = true;
      this.options.onWriteProblem?.(`${FILE_NAME} cannot be saved (${errorText(err)}); cursors are kept in memory and retried`);
      this.retryTimer = this.clock.setTimeout(() => {
        this.retryTimer = undefined;
        this.save().catch(() => {});
      }, this.options.retryMs ?? 5_000);
      throw err;
    }
    if (this.unsaved) {
      this.unsaved = false;
      this.options.onWriteProblem?.(undefined);
    }
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /**
   * One restaurant's view. The `default` restaurant (what a version-1 install becomes) keeps the unprefixed keys it
   * always had, so an upgrade neither replays nor skips; any other restaurant's keys are `<id>|<key>`.
   */
  scoped(restaurantId: string, defaultId: string): Cursors {
    if (restaurantId === defaultId) return this;
    const prefix = `${restaurantId}${SCOPE_SEPARATOR}`;
    return {
      get: (key) => this.get(prefix + key),
      set: (key, value) => this.set(prefix + key, value),
      flush: () => this.flush(),
    };
  }
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : String(e.message ?? err);
}
