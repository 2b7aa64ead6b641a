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
  // One formatter per form and time zone, made once: making an Intl.DateTimeFormat costs a few hundred µs (ICU), and
  // the tray formats a time for each recent alert at every redraw.
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const formatter = (form: 'time' | 'date', timeZone: string | undefined): Intl.DateTimeFormat => {
    const id = `${form} ${timeZone ?? ''}`;
    let made = formatters.get(id);
    if (!made) {
      const zone = timeZone ? { timeZone } : {};
      // 24-hour times in every language: a restaurant's shift reads "Until 06:00", never "06:00 AM".
      made = new Intl.DateTimeFormat(language, form === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone } : { dateStyle: 'long', ...zone });
      formatters.set(id, made);
    }
    return made;
  };
  return {
    language,
    t: (key, values) => String(format(key).format(values)),
    time: (epochMs, timeZone) => formatter('time', timeZone).format(epochMs),
    date: (epochMs, timeZone) => formatter('date', timeZone).format(epochMs),
  };
}
