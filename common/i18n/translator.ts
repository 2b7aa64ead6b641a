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

/** A message's text and placeholder names in order, for a message of plain text and `{name}` placeholders only. */
type Pieces = ReadonlyArray<{ text: string } | { name: string }>;

/**
 * The pieces of a message with no plural, select, number, date or tag in it, else undefined. intl-messageformat
 * writes such a placeholder as its value turned into a string (`String(value)`), so joining the pieces gives its
 * very text, without building and merging its parts: most messages of an alert ("{who} has requested support", a
 * default rule's wording) are of this kind, and each event formats one or two before its history write.
 */
function plainPieces(message: IntlMessageFormat): Pieces | undefined {
  const pieces: Array<{ text: string } | { name: string }> = [];
  for (const el of message.getAst()) {
    // 0: literal text, 1: a plain argument (@formatjs/icu-messageformat-parser's TYPE).
    if (el.type === 0) pieces.push({ text: el.value });
    else if (el.type === 1) pieces.push({ name: el.value });
    else return undefined;
  }
  return pieces;
}

export function createTranslator(language: LanguageCode): Translator {
  const catalogue = catalogueOf(language);
  const compiled = new Map<MessageKey, { message: IntlMessageFormat; pieces: Pieces | undefined }>();
  const format = (key: MessageKey): { message: IntlMessageFormat; pieces: Pieces | undefined } => {
    let made = compiled.get(key);
    if (!made) {
      // Messages are plain text: no markup tags are interpreted, so a value can never become markup.
      const message = new IntlMessageFormat(catalogue[key], language, undefined, { ignoreTag: true });
      made = { message, pieces: plainPieces(message) };
      compiled.set(key, made);
    }
    return made;
  };
  const t = (key: MessageKey, values?: MessageValues): string => {
    const { message, pieces } = format(key);
    if (pieces) {
      let text = '';
      for (const piece of pieces) {
        if ('text' in piece) text += piece.text;
        else {
          const value = values !== undefined && Object.hasOwn(values, piece.name) ? values[piece.name] : undefined;
          // Anything but a string or a number (a missing value: its error) is intl-messageformat's to handle.
          if (typeof value !== 'string' && typeof value !== 'number') return String(message.format(values));
          text += String(value);
        }
      }
      return text;
    }
    return String(message.format(values));
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
    t,
    time: (epochMs, timeZone) => formatter('time', timeZone).format(epochMs),
    date: (epochMs, timeZone) => formatter('date', timeZone).format(epochMs),
  };
}
