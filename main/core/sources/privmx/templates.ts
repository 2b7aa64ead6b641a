import { PLACEHOLDERS, type PrivmxChannelName as PrivmxChannel } from '../../../../common/privmxPlaceholders.js';

const TOKEN = /\{\{|\}\}|\{([^{}]*)\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)*$/;

/** Problems with a template: unknown or malformed placeholders. Empty when fine. */
export function templateProblems(template: string, channel: PrivmxChannel): string[] {
  const problems: string[] = [];
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1];
    if (name === undefined) continue;
    if (!NAME.test(name)) problems.push(`malformed placeholder {${name}}`);
    else if (!isKnown(name, channel)) problems.push(`unknown placeholder {${name}} for channel ${channel}; known: ${PLACEHOLDERS[channel].join(', ')}, publicMeta.<field>`);
  }
  const stray = template.replace(TOKEN, '').match(/[{}]/);
  if (stray) problems.push(`unmatched "${stray[0]}" (write {{ or }} for a literal brace)`);
  return problems;
}

function isKnown(name: string, channel: PrivmxChannel): boolean {
  const root = name.split('.')[0] ?? '';
  if (root === 'publicMeta') return true;
  return !name.includes('.') && PLACEHOLDERS[channel].includes(root);
}

const MAX_VALUE = 200;

/** Shown for a field whose every placeholder was empty and which has no text of its own left. */
export const EMPTY_FIELD = '—';

// A separator a person puts between two values: " · ", " - ", ", ", ": ", " | ", " / " (with its spaces).
const SEPARATOR_AT_END = /\s*[·•|/,:;–—-]\s*$/u;
const SEPARATOR_AT_START = /^\s*[·•|/,:;–—-]\s*/u;

/**
 * Fills a validated template with plain-text values. A placeholder with no value (absent, null or empty) is
 * removed together with the separator that tied it to its neighbour ("{author} · {publicMeta.table}" without a
 * table: "Anna"; a separator is one of · • | / , : ; – — - with its spaces), spaces are folded, and a template that had placeholders and is left with no text becomes "—".
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  let placeholders = 0;
  let last = 0;
  let dropNextSeparator = false;
  const literal = (text: string): void => {
    parts.push(dropNextSeparator ? text.replace(SEPARATOR_AT_START, parts.length === 0 ? '' : ' ') : text);
    dropNextSeparator = false;
  };
  for (const m of template.matchAll(TOKEN)) {
    literal(template.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1];
    if (name === undefined) {
      parts.push(m[0][0] ?? '');
      continue;
    }
    placeholders++;
    const text = toText(lookup(values, name));
    if (text.trim() !== '') {
      parts.push(text);
      continue;
    }
    // Empty: take the separator before it with it, or (at the start, or with none before) the one after it.
    const before = parts.length > 0 ? (parts[parts.length - 1] ?? '') : '';
    const trimmed = before.replace(SEPARATOR_AT_END, '');
    if (parts.length > 0 && trimmed !== before) parts[parts.length - 1] = trimmed;
    else dropNextSeparator = true;
  }
  literal(template.slice(last));
  const rendered = parts.join('').replace(/ {2,}/g, ' ').trim();
  return rendered === '' && placeholders > 0 ? EMPTY_FIELD : rendered;
}

function lookup(values: Readonly<Record<string, unknown>>, name: string): unknown {
  let cur: unknown = values;
  for (const part of name.split('.')) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value) ?? '';
  // Plain text only: control characters would break a notification line; long values are cut.
  text = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
