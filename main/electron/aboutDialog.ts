// "About Servicebell" from the tray: a plain-text message box with the version, the update state and buttons to copy
// or save the diagnostics (Electron's dialog.showMessageBox; no window, no HTML).
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { Translator } from '../../common/i18n/translator.js';
import { aboutTextFor, type UpdateStateText } from '../core/text/aboutText.js';
import { ENGLISH } from '../core/text/english.js';
import type { DiagnosticsActions } from './diagnosticsActions.js';

/** Electron's `dialog` fits (its window-less overload). */
export interface MessageBoxPort {
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

export interface AboutDeps {
  dialog: MessageBoxPort;
  version: string;
  updateState(): UpdateStateText;
  diagnostics?: DiagnosticsActions;
  /** Absent: the translator's time ("19:30"). */
  formatTime?(ms: number): string;
  /** The language the box speaks, taken when it opens (`core.language.translator`); absent: English. */
  translator?: Translator;
}

/** Shows the box and runs the button chosen; resolves once that is done. */
export async function showAbout(deps: AboutDeps): Promise<void> {
  const t = deps.translator ?? ENGLISH;
  const aboutText = aboutTextFor(t);
  const formatTime = deps.formatTime ?? ((ms: number) => t.time(ms));
  const buttons = deps.diagnostics ? [aboutText.copyDiagnostics, aboutText.saveDiagnostics, aboutText.close] : [aboutText.close];
  const close = buttons.length - 1;
  const lines = [aboutText.update(deps.updateState(), formatTime), ...(deps.diagnostics ? [aboutText.diagnosticsHint] : [])];
  const { response } = await deps.dialog.showMessageBox({
    type: 'info',
    title: aboutText.title,
    message: aboutText.message(deps.version),
    detail: lines.join('\n\n'),
    buttons,
    defaultId: close,
    cancelId: close,
    noLink: true,
  });
  if (!deps.diagnostics || response === close) return;
  if (response === 0) await deps.diagnostics.copy();
  else if (response === 1) await deps.diagnostics.save();
}
