// The tray app's LinkOpener. Only the pipeline calls it, and only with a URL that passed `checkLink`.
import type { Shell } from 'electron';
import type { LinkOpener } from '../core/links/linkOpener.js';

export function createElectronOpener(shell: Pick<Shell, 'openExternal'>): LinkOpener {
  return { open: (url) => shell.openExternal(url, { activate: true }) };
}
