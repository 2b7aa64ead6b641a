// The tray app's settings: the same config.json the headless mode reads, written atomically through electron-store.
import path from 'node:path';
import { loadSettingsForApp } from '../core/settings/settingsFile.js';
import { settingsSchema, type Settings } from '../core/settings/schema.js';
import type { OpenKeyValueFile } from './keyValueFile.js';

export interface SettingsStore {
  readonly file: string;
  readonly settings: Settings;
  /** Set when the file on disk could not be used and was moved aside (shown in the settings window). */
  readonly notice?: string;
  save(settings: Settings): Promise<void>;
}

export async function openSettingsStore(deps: {
  dataDir: string;
  openFile: OpenKeyValueFile;
  now?: () => number;
  onWarning?: (message: string) => void;
}): Promise<SettingsStore> {
  const file = path.join(deps.dataDir, 'config.json');
  // The core's reader first: a corrupt or invalid file is moved aside, never overwritten (electron-store would throw);
  // an older version is upgraded on disk once it validates, with a backup next to it.
  const loaded = await loadSettingsForApp(file, deps.now, deps.onWarning);
  const store = deps.openFile({ name: 'config', cwd: deps.dataDir, configFileMode: 0o600 });
  let current = loaded.settings;
  const notice =
    loaded.status === 'recovered'
      ? `The settings file had problems and was moved to ${loaded.movedTo}; Servicebell started with defaults. ${loaded.problems.join('; ')}`
      : undefined;
  return {
    file: store.path,
    get settings() {
      return current;
    },
    notice,
    async save(next) {
      const valid = settingsSchema.parse(next);
      store.store = { ...valid };
      current = valid;
    },
  };
}
