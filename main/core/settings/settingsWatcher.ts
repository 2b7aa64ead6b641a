import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Settings } from './schema.js';
import { readSettingsFile, type SettingsReadResult } from './settingsFile.js';

export interface SettingsWatcherOptions {
  file: string;
  /** The settings running now: a change is reported only when the file says something else. */
  current: Settings;
  onChange(settings: Settings): void;
  onInvalid(problems: string[]): void;
  debounceMs?: number;
  /** Polling interval used when the folder cannot be watched (it does not exist yet, or inotify is exhausted). */
  pollMs?: number;
}

export interface SettingsWatcher {
  /** `events`: the folder is watched; `polling`: the file is stat-polled. */
  readonly mode: 'events' | 'polling';
  close(): void;
}

/**
 * Watches the settings file (its folder, since editors and atomic writers replace the file by renaming) and
 * reports each valid new version; an invalid edit is reported and the running settings stay as they are.
 *
 * `current` is what was read at start-up: the file is checked once as soon as the watch is on, so an edit
 * made between that read and the watch is not missed.
 */
export function watchSettingsFile(options: SettingsWatcherOptions): SettingsWatcher {
  const base = path.basename(options.file);
  const debounceMs = options.debounceMs ?? 300;
  let last = JSON.stringify(options.current);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Reloads run one at a time, so two quick edits are applied in the order they were made.
  let queue: Promise<void> = Promise.resolve();

  const reload = async (): Promise<void> => {
    if (closed) return;
    const read = await readQuietly(options.file);
    if (closed) return;
    if (read.status === 'invalid') return options.onInvalid(read.problems);
    if (read.status === 'unparseable') return options.onInvalid([read.problem]);
    const text = JSON.stringify(read.settings);
    if (text === last) return;
    last = text;
    options.onChange(read.settings);
  };
  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      queue = queue.then(reload);
    }, debounceMs);
  };

  let stopWatching: () => void;
  let mode: SettingsWatcher['mode'];
  const poll = (): void => {
    const listener = (): void => schedule();
    watchFile(options.file, { interval: options.pollMs ?? 2_000, persistent: false }, listener);
    stopWatching = () => unwatchFile(options.file, listener);
    mode = 'polling';
  };
  try {
    const watcher: FSWatcher = watch(path.dirname(options.file), { persistent: false }, (_event, name) => {
      if (name === null || name === base) schedule();
    });
    // The folder can go away (or the watch fail) while running: carry on by polling rather than crash.
    watcher.on('error', () => {
      watcher.close();
      if (!closed) poll();
    });
    stopWatching = () => watcher.close();
    mode = 'events';
  } catch {
    // No folder yet (no settings saved so far), or no inotify watches left: poll the file instead.
    poll();
  }
  schedule();

  return {
    get mode() {
      return mode;
    },
    close() {
      closed = true;
      clearTimeout(timer);
      stopWatching();
    },
  };
}

/** A file that cannot be read (permissions, a folder in its place) is reported, never thrown. */
async function readQuietly(file: string): Promise<SettingsReadResult> {
  try {
    return await readSettingsFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { status: 'unparseable', problem: `${file} cannot be read (${code})` };
  }
}
