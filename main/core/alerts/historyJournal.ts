import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile } from '../storage/jsonFile.js';
import { historyEntrySchema, type HistoryEntry } from './historyEntry.js';

const snapshotSchema = z.object({ version: z.literal(1), entries: z.array(historyEntrySchema) });

/** One line of the journal: a new entry, or a change to one (both replay idempotently). */
const journalRecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), entry: historyEntrySchema }),
  z.object({
    op: z.literal('update'),
    /** Absent in journals written before settings v2: those were all the `default` restaurant's. */
    restaurant: z.string().default('default'),
    source: z.string(),
    id: z.string(),
    patch: historyEntrySchema.pick({ shown: true, reason: true, joinUrl: true, read: true, pending: true }).partial(),
  }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;

/**
 * Every write is on disk when it returns (O_DSYNC), so an append is one write and one thread-pool trip. Windows has no
 * O_DSYNC in Node (`constants.O_DSYNC` is undefined there): it gets a datasync after each write instead.
 */
const DSYNC: number | undefined = constants.O_DSYNC;
const JOURNAL_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | (DSYNC ?? 0);

/**
 * History on disk: a snapshot (`history.json`, rewritten atomically) plus an append-only journal
 * (`history.journal`, one JSON line per change, written on an O_APPEND|O_DSYNC descriptor). Adding an alert appends one short line instead of
 * rewriting the whole history, which kept the event loop busy on every alert. Replaying is idempotent, so a crash
 * between a snapshot and the journal's truncation only replays what the snapshot already holds.
 */
export class HistoryJournal {
  private handle: fs.FileHandle | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** Records in the journal since the last snapshot. */
  records = 0;

  private constructor(
    readonly snapshotFile: string,
    readonly journalFile: string,
  ) {}

  /** Loads snapshot + journal; a corrupt snapshot or journal is moved aside with a warning, never overwritten. */
  static async open(dataDir: string, onWarning: (message: string, file: string) => void): Promise<{ journal: HistoryJournal; entries: HistoryEntry[]; replay: JournalRecord[] }> {
    await fs.mkdir(dataDir, { recursive: true });
    const journal = new HistoryJournal(path.join(dataDir, 'history.json'), path.join(dataDir, 'history.journal'));
    const loaded = await loadJsonFile(journal.snapshotFile, snapshotSchema, () => ({ version: 1 as const, entries: [] }));
    if (loaded.status === 'corrupt') {
      onWarning(`history file was unreadable (${loaded.problem}); moved to ${loaded.movedTo}, starting with an empty history`, 'history.json');
    }
    const replay = await journal.readJournal(onWarning);
    return { journal, entries: loaded.value.entries, replay };
  }

  private async readJournal(onWarning: (message: string, file: string) => void): Promise<JournalRecord[]> {
    let text: string;
    try {
      text = await fs.readFile(this.journalFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const lines = text.split('\n');
    const records: JournalRecord[] = [];
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const parsed = safeRecord(line);
      if (parsed) {
        records.push(parsed);
        continue;
      }
      // A torn last line (no newline after it) is a write that never completed, so was never acknowledged.
      if (index === lines.length - 1 && !text.endsWith('\n')) break;
      const movedTo = `${this.journalFile}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.copyFile(this.journalFile, movedTo);
      onWarning(`history journal line ${index + 1} was unreadable; a copy is at ${movedTo}, later lines are skipped`, 'history.journal');
      break;
    }
    return records;
  }

  /** Appends records in one synchronous-data write; resolves once they are on disk. Serialized with snapshots. */
  append(records: readonly JournalRecord[]): Promise<void> {
    let text = '';
    for (const r of records) text += `${JSON.stringify(r)}\n`;
    return this.enqueue(async () => {
      const handle = await this.open();
      const data = Buffer.from(text);
      // A regular file takes the whole buffer in one write; the loop only covers a short write.
      for (let offset = 0; offset < data.length; ) offset += (await handle.write(data, offset)).bytesWritten;
      if (DSYNC === undefined) await handle.datasync();
      this.records += records.length;
    });
  }

  /** Writes the whole history atomically, then empties the journal. */
  snapshot(entries: readonly HistoryEntry[]): Promise<void> {
    const value = { version: 1 as const, entries };
    return this.enqueue(async () => {
      await replaceFile(this.snapshotFile, `${JSON.stringify(value)}\n`);
      const handle = await this.open();
      await handle.truncate(0);
      await handle.datasync(); // O_DSYNC covers writes, not a truncation
      this.records = 0;
    });
  }

  /** Resolves when every write asked for so far has finished. */
  idle(): Promise<void> {
    return this.chain;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle?.close();
    this.handle = undefined;
  }

  private async open(): Promise<fs.FileHandle> {
    this.handle ??= await fs.open(this.journalFile, JOURNAL_FLAGS, 0o600);
    return this.handle;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work);
    // Later writes still run after a failed one; the failure reaches whoever asked for that write.
    this.chain = run.catch(() => {});
    return run;
  }
}

/**
 * Atomic as saveJsonFile is (a temporary file in the same folder, on disk before it is renamed over the old one, so a
 * crash leaves the old or the new file whole), in five thread-pool trips instead of about eleven: the journal's chain
 * already keeps its writes one at a time, and the folder exists. A fold comes every `limit` records, so it counts.
 */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await fs.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (err) {
    await fs.rm(temporary, { force: true }).catch(() => {});
    throw err;
  }
}

function safeRecord(line: string): JournalRecord | undefined {
  try {
    const parsed = journalRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
