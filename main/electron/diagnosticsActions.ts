// "Copy diagnostics" and "Save diagnostics…" (tray and Settings window): the core's redacted bundle to the clipboard
// or to a file the person picks. The bundle itself is built by the composition root (`collect`).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clipboard, Dialog } from 'electron';
import { createTranslator, type Translator } from '../../common/i18n/translator.js';
import { diagnosticsFileName } from '../core/diagnostics/diagnosticsBundle.js';

export interface DiagnosticsActions {
  copy(): Promise<{ copied: true }>;
  save(): Promise<{ saved: boolean; path?: string }>;
}

export interface DiagnosticsActionDeps {
  clipboard: Pick<Clipboard, 'writeText'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  collect(): Promise<string>;
  /** Where the save dialog starts (the Downloads folder). */
  defaultDir: string;
  now?: () => number;
  /** The running language, for the save dialog's words (English when not given). */
  translator?: () => Translator;
}

export function createDiagnosticsActions(deps: DiagnosticsActionDeps): DiagnosticsActions {
  const now = deps.now ?? Date.now;
  const english = createTranslator('en');
  const t = deps.translator ?? (() => english);
  return {
    async copy() {
      await deps.clipboard.writeText(await deps.collect());
      return { copied: true };
    },
    async save() {
      const choice = await deps.dialog.showSaveDialog({
        title: t().t('tray.saveDiagnostics.title'),
        defaultPath: path.join(deps.defaultDir, diagnosticsFileName(now())),
        filters: [{ name: t().t('tray.saveDiagnostics.fileKind'), extensions: ['txt'] }],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await fs.writeFile(choice.filePath, await deps.collect(), { mode: 0o600 });
      return { saved: true, path: choice.filePath };
    },
  };
}
