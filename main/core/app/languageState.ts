import { resolveLanguage, type LanguageCode } from '../../../common/i18n/languages.js';
import { createTranslator, type Translator } from '../../../common/i18n/translator.js';

/**
 * The language Servicebell speaks now: `ui.language`, or with "auto" the first of the system's languages it has
 * (Electron's preferred system languages in the tray app, the POSIX locale headless), else English. A settings change
 * switches it at once; listeners (tray menu, windows) hear of it.
 */
export class LanguageState {
  private current: Translator;
  private readonly listeners = new Set<(t: Translator) => void>();

  constructor(
    setting: string,
    private readonly systemLanguages: readonly string[],
  ) {
    this.current = createTranslator(resolveLanguage(setting, systemLanguages));
  }

  get translator(): Translator {
    return this.current;
  }

  get language(): LanguageCode {
    return this.current.language;
  }

  /** Applies `ui.language`; true when the language changed. */
  configure(setting: string): boolean {
    const next = resolveLanguage(setting, this.systemLanguages);
    if (next === this.current.language) return false;
    this.current = createTranslator(next);
    for (const listener of this.listeners) listener(this.current);
    return true;
  }

  onChange(listener: (t: Translator) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
