import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Settings } from './schema.js';
import { readSettingsFile } from './settingsFile.js';

export interface SettingsWatcherOptions {
  file: string;
  onChange(settings: Settings): void;
  onInvalid(problems: string[]): void;
  debounceMs?: number;
}

/**
 * Watches the settings file (its folder, since editors and atomic writers replace the file by renaming) and
 * reports each valid new version; an invalid edit is reported and the running settings stay as they are.
 */
export function watchSettingsFile(options: SettingsWatcherOptions): { close(): void } {
  const base = path.basename(options.file);
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  const reload = async (): Promise<void> => {
    const read = await readSettingsFile(options.file);
    if (read.status === 'invalid') return options.onInvalid(read.problems);
    if (read.status === 'unparseable') return options.onInvalid([read.problem]);
    const text = JSON.stringify(read.settings);
    if (text === last) return;
    last = text;
    options.onChange(read.settings);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(path.dirname(options.file), (_event, name) => {
      if (name !== null && name !== base) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? 300);
    });
  } catch {
    // The folder does not exist (no settings yet): nothing to watch.
    return { close: () => {} };
  }
  void readSettingsFile(options.file).then((r) => {
    if (r.status === 'ok' || r.status === 'missing') last ??= JSON.stringify(r.settings);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
