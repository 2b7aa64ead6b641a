import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile, saveJsonFile } from './jsonFile.js';

const cursorFileSchema = z.object({
  version: z.literal(1),
  cursors: z.record(z.string(), z.string()),
});

/**
 * The last event id a source has safely handed to history, per key (e.g. `vonage:CON-…`, `privmx:thread:…`).
 * Persisted in `<dataDir>/cursors.json` so a restart catches up from where it stopped and never replays older events.
 */
export class CursorStore {
  private cursors = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string, onWarning: (message: string) => void = () => {}): Promise<CursorStore> {
    const store = new CursorStore(path.join(dataDir, 'cursors.json'));
    const loaded = await loadJsonFile(store.file, cursorFileSchema, () => ({ version: 1 as const, cursors: {} }));
    if (loaded.status === 'corrupt') {
      onWarning(`cursor file was unreadable (${loaded.problem}); moved to ${loaded.movedTo}`);
    }
    store.cursors = new Map(Object.entries(loaded.value.cursors));
    return store;
  }

  get(key: string): string | undefined {
    return this.cursors.get(key);
  }

  /** Sets and persists; writes are serialized so the file always holds the latest value. */
  async set(key: string, value: string): Promise<void> {
    if (this.cursors.get(key) === value) return;
    this.cursors.set(key, value);
    const snapshot = { version: 1 as const, cursors: Object.fromEntries(this.cursors) };
    this.writing = this.writing.then(() => saveJsonFile(this.file, snapshot));
    await this.writing;
  }

  async flush(): Promise<void> {
    await this.writing;
  }
}
