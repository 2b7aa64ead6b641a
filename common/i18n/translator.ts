// Formats catalogue messages for one language with intl-messageformat (ICU plurals and placeholders), and dates
// and times with Intl. The same module runs in main and in the windows' bundle.
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './catalogues/en.js';
import { catalogueOf, type LanguageCode } from './languages.js';

export type MessageValues = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly language: LanguageCode;
  t(key: MessageKey, values?: MessageValues): string;
  /** "19:02" (or the language's form), in the given IANA time zone (absent: the machine's). */
  time(epochMs: number, timeZone?: string): string;
  /** "3 December 2026" in the language's form. */
  date(epochMs: number, timeZone?: string): string;
}

export function createTranslator(language: LanguageCode): Translator {
  const catalogue = catalogueOf(language);
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const format = (key: MessageKey): IntlMessageFormat => {
    let message = compiled.get(key);
    if (!message) {
      // Messages are plain text: no markup tags are interpreted, so a value can never become markup.
      message = new IntlMessageFormat(catalogue[key], language, undefined, { ignoreTag: true });
      compiled.set(key, message);
    }
    return message;
  };
  return {
    language,
    t: (key, values) => String(format(key).format(values)),
    // 24-hour times in every language: a restaurant's shift reads "Until 06:00", never "06:00 AM".
    time: (epochMs, timeZone) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(epochMs),
    date: (epochMs, timeZone) => new Intl.DateTimeFormat(language, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(epochMs),
  };
}
