// The languages Servicebell speaks. Adding one: a catalogue file in catalogues/ (a copy of en.ts, translated) and
// its line here; the catalogue test then checks it has every key, the same placeholders and its plural forms.
import type { Catalogue } from './catalogues/en.js';
import { de } from './catalogues/de.js';
import { en } from './catalogues/en.js';
import { pl } from './catalogues/pl.js';

export const LANGUAGES = [
  { code: 'en', name: 'English', catalogue: en },
  { code: 'pl', name: 'Polski', catalogue: pl },
  { code: 'de', name: 'Deutsch', catalogue: de },
] as const satisfies ReadonlyArray<{ code: string; name: string; catalogue: Catalogue }>;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}

export function catalogueOf(code: LanguageCode): Catalogue {
  return LANGUAGES.find((l) => l.code === code)?.catalogue ?? en;
}

/**
 * The language to speak: the setting when it names one, else the first of the person's preferred languages we have
 * (BCP 47 tags such as "pl-PL", or POSIX locales such as "de_DE.UTF-8"), else English.
 */
export function resolveLanguage(setting: string, preferred: readonly string[]): LanguageCode {
  if (setting !== 'auto' && isLanguageCode(setting)) return setting;
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
    if (isLanguageCode(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** What a headless process (no Electron) knows of the person's language: LC_ALL, else LC_MESSAGES, else LANG. */
export function environmentLanguages(env: Readonly<Record<string, string | undefined>>): string[] {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  // "C" and "POSIX" (and "C.UTF-8") name no language.
  return locale === undefined || /^(C|POSIX)([._@]|$)/.test(locale) ? [] : [locale];
}
