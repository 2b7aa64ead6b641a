import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_SOUND_FILE = 'servicebell-bell.wav';

/**
 * The bell shipped with the app (made by scripts/makeSound.mjs), as a path another process can open: the notification
 * server plays it by path, so inside a package it lives beside app.asar, in app.asar.unpacked (electron-builder.yml
 * `asarUnpack`). `from` is this module's folder: main/core/notify in the sources, dist/main/core/notify when built.
 */
export function bundledSoundPath(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  const file = path.join(from, '..', '..', '..', 'assets', 'sounds', BUNDLED_SOUND_FILE);
  return file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
}
