// What "About Servicebell" says, made in the language spoken now (common/i18n catalogues, the tray section).
import type { Translator } from '../../../common/i18n/translator.js';
import { ENGLISH } from './english.js';

/** How the about box names the update state; mirrors main/electron/autoUpdate.ts's UpdateState. */
export type UpdateStateText =
  | { kind: 'off'; why: 'disabled' | 'refused-feed' | 'package-manager' | 'development' }
  | { kind: 'checking'; lastCheck?: { at: number; ok: boolean } }
  | { kind: 'ready'; version: string };

const OFF = {
  disabled: 'about.update.disabled',
  'refused-feed': 'about.update.refusedFeed',
  'package-manager': 'about.update.packageManager',
  development: 'about.update.development',
} as const satisfies Record<Extract<UpdateStateText, { kind: 'off' }>['why'], string>;

export function aboutTextFor(t: Translator) {
  return {
    title: t.t('about.title'),
    message: (version: string): string => t.t('about.message', { version }),
    update(state: UpdateStateText, formatTime: (ms: number) => string): string {
      if (state.kind === 'off') return t.t(OFF[state.why]);
      if (state.kind === 'ready') return t.t('about.update.ready', { version: state.version });
      if (!state.lastCheck) return t.t('about.update.checking');
      const time = formatTime(state.lastCheck.at);
      return state.lastCheck.ok ? t.t('about.update.checked', { time }) : t.t('about.update.checkFailed', { time });
    },
    diagnosticsHint: t.t('about.diagnosticsHint'),
    copyDiagnostics: t.t('about.copyDiagnostics'),
    saveDiagnostics: t.t('about.saveDiagnostics'),
    close: t.t('about.close'),
  };
}

export type AboutText = ReturnType<typeof aboutTextFor>;

/** English (tests and callers without a language). */
export const aboutText: AboutText = aboutTextFor(ENGLISH);
