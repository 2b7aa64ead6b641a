import type { Logger } from '../log/logger.js';

/** `moved_aside`: a data file could not be read and was set aside; `write_failing`: saves to it fail; `ok`: they work again. */
export type StorageState = 'moved_aside' | 'write_failing' | 'ok';

/** One problem with a file in the data folder, as the tray's status and the headless stream show it. */
export interface StorageProblem {
  /** File name inside the data folder, e.g. `state.json`. */
  file: string;
  state: Exclude<StorageState, 'ok'>;
  /** Human-readable, names the file and (when moved) where it went. */
  message: string;
  at: number;
}

/** A change: a new problem, or `ok` when a failing file saves again. */
export interface StorageChange {
  file: string;
  state: StorageState;
  message: string;
  at: number;
}

/**
 * What is wrong with the data folder right now: files moved aside at start-up (kept for the whole run, so the person
 * learns their pause or history was reset) and files whose saves fail (until one succeeds). Every change is logged.
 */
export class StorageHealth {
  private readonly problems = new Map<string, StorageProblem>();
  private readonly listeners = new Set<(change: StorageChange) => void>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  list(): StorageProblem[] {
    return [...this.problems.values()];
  }

  onChange(listener: (change: StorageChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  movedAside(file: string, message: string): void {
    this.logger.warn({ file }, message);
    this.set({ file, state: 'moved_aside', message, at: this.now() });
  }

  /** `problem` undefined: the file saves again. */
  writeProblem(file: string, problem: string | undefined): void {
    const key = `${file}\u0000write_failing`;
    const known = this.problems.get(key);
    if (problem === undefined) {
      if (!known) return;
      this.problems.delete(key);
      const message = `${file} is saved again`;
      this.logger.info({ file }, message);
      this.emit({ file, state: 'ok', message, at: this.now() });
      return;
    }
    if (known?.message === problem) return;
    this.logger.error({ file }, problem);
    this.set({ file, state: 'write_failing', message: problem, at: this.now() });
  }

  private set(problem: StorageProblem): void {
    this.problems.set(`${problem.file}\u0000${problem.state}`, problem);
    this.emit(problem);
  }

  private emit(change: StorageChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
