/** The part of electron-store (and `conf`, which it extends) that Servicebell uses: one JSON file, written whole. */
export interface KeyValueFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/** `new ElectronStore(options)` in the app; `new Conf({configName, cwd})` in tests (same file format and writes). */
export type OpenKeyValueFile = (options: { name: string; cwd: string; configFileMode: number }) => KeyValueFile;
