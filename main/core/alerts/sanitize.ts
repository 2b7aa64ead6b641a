/**
 * Everything shown to a person is plain text. Sources hand raw strings; this makes them safe to display:
 * control and bidi-override characters removed, whitespace folded, length capped.
 * Escaping for markup-rendering notification servers happens in the adapter that knows the server.
 */
export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 500;

// C0/C1 controls (newline handled separately) and Unicode bidi overrides/isolates, which can disguise text.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Text the rules below would leave as it is (most of what arrives) is returned at once: these find anything they change.
// A title: a control or bidi character, whitespace other than a lone space, or a space at either end.
const TITLE_TO_CLEAN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[^\S ]| {2}|^ | $/;
// A body: the same, but a lone newline stays (three in a row do not), nor may it start or end with one.
const BODY_TO_CLEAN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[^\S\n ]| {2}|\n{3}|^\s|\s$/;

function cap(text: string, max: number): string {
  // No more UTF-16 units than the cap means no more characters either.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function sanitizeTitle(raw: string): string {
  if (!TITLE_TO_CLEAN.test(raw)) return cap(raw, MAX_TITLE_LENGTH);
  return cap(raw.replace(CONTROL, '').replace(/\s+/g, ' ').trim(), MAX_TITLE_LENGTH);
}

export function sanitizeBody(raw: string): string {
  if (!BODY_TO_CLEAN.test(raw)) return cap(raw, MAX_BODY_LENGTH);
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cap(text, MAX_BODY_LENGTH);
}

/** For notification servers that render a markup subset in the body. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
