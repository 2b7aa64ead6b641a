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

/** The journal line of an add, given its entry's JSON: the text `JSON.stringify({ op: 'add', entry })` gives. */
export const addLine = (entryJson: string): string => `{"op":"add","entry":${entryJson}}`;

/**
 * Every write is on disk when it returns (O_DSYNC), so an append is one write and one thread-pool trip. Windows has no
 * O_DSYNC in Node (`constants.O_DSYNC` is undefined there): it gets a datasync after each write instead.
 */
const DSYNC: number | undefined = constants.O_DSYNC;
const JOURNAL_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | (DSYNC ?? 0);
/** A journal set aside by a fold, `history.journal.<generation>`, until the snapshot that holds it is on disk. */
const SET_ASIDE = /^history\.journal\.(\d+)$/;

/**
 * History on disk: a snapshot (`history.json`, rewritten atomically) plus an append-only journal
 * (`history.journal`, one JSON line per change, written on an O_APPEND|O_DSYNC descriptor). Adding an alert appends one short line instead of
 * rewriting the whole history, which kept the event loop busy on every alert. Replaying is idempotent, so a crash
 * between a snapshot and the removal of the journals it holds only replays what the snapshot already holds.
 *
 * A snapshot first sets the journal aside (renamed `history.journal.<n>`, in the appends' order) and appends go on
 * into a new one at once; the snapshot is written meanwhile and removes the journals set aside up to its own once it
 * is on disk. (Truncating the journal instead held every append back for the whole fold: ≈ 4 ms each `limit` alerts.)
 * Opening replays the journals set aside, oldest first, then the journal.
 */
export class HistoryJournal {
  private handle: fs.FileHandle | undefined;
  /** Appends and the set-asides of snapshots, one at a time, in the order asked; `queued` of them not ended yet. */
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  /** Snapshots, one at a time; each waits for its set-aside on `chain`. */
  private snapshots: Promise<void> = Promise.resolve();
  /** The last generation set aside; the journals set aside still on disk. */
  private generation = 0;
  private setAside: number[] = [];
  /** Records in the journal since the last snapshot. */
  records = 0;

  private constructor(
    readonly snapshotFile: string,
    readonly journalFile: string,
  ) {}

  /** Loads snapshot + journals; a corrupt snapshot or journal is moved aside with a warning, never overwritten. */
  static async open(dataDir: string, onWarning: (message: string, file: string) => void): Promise<{ journal: HistoryJournal; entries: HistoryEntry[]; replay: JournalRecord[] }> {
    await fs.mkdir(dataDir, { recursive: true });
    const journal = new HistoryJournal(path.join(dataDir, 'history.json'), path.join(dataDir, 'history.journal'));
    const loaded = await loadJsonFile(journal.snapshotFile, snapshotSchema, () => ({ version: 1 as const, entries: [] }));
    if (loaded.status === 'corrupt') {
      onWarning(`history file was unreadable (${loaded.problem}); moved to ${loaded.movedTo}, starting with an empty history`, 'history.json');
    }
    journal.setAside = (await fs.readdir(dataDir))
      .flatMap((name) => {
        const match = SET_ASIDE.exec(name);
        return match?.[1] === undefined ? [] : [Number(match[1])];
      })
      .sort((a, b) => a - b);
    journal.generation = journal.setAside.at(-1) ?? 0;
    const replay: JournalRecord[] = [];
    for (const n of journal.setAside) replay.push(...(await readJournal(journal.setAsideFile(n), onWarning)));
    replay.push(...(await readJournal(journal.journalFile, onWarning)));
    return { journal, entries: loaded.value.entries, replay };
  }

  /**
   * Appends records (their JSON lines, each a JournalRecord's `JSON.stringify`) in one synchronous-data write;
   * resolves once they are on disk. Serialized with set-asides.
   */
  append(lines: readonly string[]): Promise<void> {
    const text = `${lines.join('\n')}\n`;
    // With nothing queued and the journal open, the write leaves in this tick (a hop first cost ≈ 10 µs an alert).
    const handle = this.handle;
    if (this.queued === 0 && handle) return this.enqueue(() => this.write(handle, text, lines.length), true);
    return this.enqueue(async () => this.write(await this.open(), text, lines.length));
  }

  private async write(handle: fs.FileHandle, text: string, records: number): Promise<void> {
    // The text as it is: Node encodes it on its way to the write (a Buffer made here first was ≈ 10 µs an alert).
    const { bytesWritten } = await handle.write(text);
    // A regular file takes the whole text in one write; a short one (a full disk, a signal) goes on from where it ended.
    const size = Buffer.byteLength(text);
    if (bytesWritten < size) {
      const data = Buffer.from(text);
      for (let offset = bytesWritten; offset < size; ) offset += (await handle.write(data, offset)).bytesWritten;
    }
    if (DSYNC === undefined) await handle.datasync();
    this.records += records;
  }

  /**
   * Writes the whole history atomically (the entries' JSON, newest first); what the journal held up to this call is
   * then in it. `entries` must hold every change appended before the call (the caller applies a change in memory
   * before it appends it).
   */
  snapshot(entries: readonly string[]): Promise<void> {
    const text = `{"version":1,"entries":[${entries.join(',')}]}\n`;
    const setAside = this.enqueue(() => this.setJournalAside());
    const run = this.snapshots.then(async () => {
      const generation = await setAside;
      await replaceFile(this.snapshotFile, text);
      for (const n of this.setAside.filter((g) => g <= generation)) await fs.rm(this.setAsideFile(n), { force: true });
      this.setAside = this.setAside.filter((g) => g > generation);
    });
    // Later snapshots still run after a failed one; the failure reaches whoever asked for this one.
    this.snapshots = run.catch(() => {});
    return run;
  }

  /** Resolves when every write asked for so far has finished. */
  async idle(): Promise<void> {
    await this.chain;
    await this.snapshots;
  }

  async close(): Promise<void> {
    await this.idle();
    await this.handle?.close();
    this.handle = undefined;
  }

  /** The journal becomes `history.journal.<n>` (n: the next generation); the next append starts a new one. */
  private async setJournalAside(): Promise<number> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
    const generation = ++this.generation;
    try {
      await fs.rename(this.journalFile, this.setAsideFile(generation));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return generation; // no journal yet: nothing to set aside
    }
    this.setAside.push(generation);
    this.records = 0;
    return generation;
  }

  private setAsideFile(generation: number): string {
    return `${this.journalFile}.${generation}`;
  }

  /**
   * The journal's descriptor, opened at the first append after a start or a set-aside. No folder sync for a new
   * journal's name: its first O_DSYNC write commits the file system's log, which holds the creation and the rename
   * before it (ext4, XFS, btrfs, NTFS keep metadata changes in order), as the project's other atomic writes rely on.
   * (A folder sync per fold held the appends back ≈ 1 ms each `limit` alerts.)
   */
  private async open(): Promise<fs.FileHandle> {
    this.handle ??= await fs.open(this.journalFile, JOURNAL_FLAGS, 0o600);
    return this.handle;
  }

  /** Runs `work` after what is queued (`now`: at once, for the caller who saw nothing queued). */
  private enqueue<T>(work: () => Promise<T>, now = false): Promise<T> {
    const run = now ? work() : this.chain.then(work);
    this.queued += 1;
    // Later writes still run after a failed one; the failure reaches whoever asked for that write.
    const settled = (): void => void (this.queued -= 1);
    this.chain = run.then(settled, settled);
    return run;
  }
}

/** Reads one journal; a torn last line is dropped, a bad line in the middle copies the file aside and ends the read. */
async function readJournal(file: string, onWarning: (message: string, file: string) => void): Promise<JournalRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
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
    const movedTo = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.copyFile(file, movedTo);
    onWarning(`history journal line ${index + 1} was unreadable; a copy is at ${movedTo}, later lines are skipped`, path.basename(file));
    break;
  }
  return records;
}

/**
 * Atomic as saveJsonFile is (a temporary file in the same folder, on disk before it is renamed over the old one, so a
 * crash leaves the old or the new file whole), in five thread-pool trips instead of about eleven: snapshots are
 * written one at a time, and the folder exists. A fold comes every `limit` records, so it counts.
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
