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

/** One step of a template: text as written, a literal brace (`{{`, `}}`), or a placeholder's path. */
type TemplatePart = { kind: 'text'; text: string } | { kind: 'brace'; text: string } | { kind: 'value'; path: readonly string[] };

/** A validated template split once into its parts, so rendering an event scans no pattern. */
export interface CompiledTemplate {
  readonly parts: readonly TemplatePart[];
  /** The first segment of each placeholder (`publicMeta` for `{publicMeta.table}`): what a view must hold for it. */
  readonly roots: ReadonlySet<string>;
}

export function compileTemplate(template: string): CompiledTemplate {
  const parts: TemplatePart[] = [];
  const roots = new Set<string>();
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    parts.push({ kind: 'text', text: template.slice(last, m.index) });
    last = m.index + m[0].length;
    const name = m[1];
    if (name === undefined) {
      parts.push({ kind: 'brace', text: m[0][0] ?? '' });
      continue;
    }
    const path = name.split('.');
    roots.add(path[0] ?? '');
    parts.push({ kind: 'value', path });
  }
  parts.push({ kind: 'text', text: template.slice(last) });
  return { parts, roots };
}

/**
 * Fills a validated template with plain-text values. A placeholder with no value (absent, null or empty) is
 * removed together with the separator that tied it to its neighbour ("{author} · {publicMeta.table}" without a
 * table: "Anna"; a separator is one of · • | / , : ; – — - with its spaces), spaces are folded, and a template that had placeholders and is left with no text becomes "—".
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return renderCompiled(compileTemplate(template), values);
}

/** `renderTemplate` for a template compiled once (a rule's, at start): the same text. */
export function renderCompiled(template: CompiledTemplate, values: Readonly<Record<string, unknown>>): string {
  const out: string[] = [];
  let placeholders = 0;
  let dropNextSeparator = false;
  for (const part of template.parts) {
    if (part.kind === 'text') {
      out.push(dropNextSeparator ? part.text.replace(SEPARATOR_AT_START, out.length === 0 ? '' : ' ') : part.text);
      dropNextSeparator = false;
      continue;
    }
    if (part.kind === 'brace') {
      out.push(part.text);
      continue;
    }
    placeholders++;
    const text = toText(lookup(values, part.path));
    if (text.trim() !== '') {
      out.push(text);
      continue;
    }
    // Empty: take the separator before it with it, or (at the start, or with none before) the one after it.
    const before = out.length > 0 ? (out[out.length - 1] ?? '') : '';
    const trimmed = before.replace(SEPARATOR_AT_END, '');
    if (out.length > 0 && trimmed !== before) out[out.length - 1] = trimmed;
    else dropNextSeparator = true;
  }
  const joined = out.join('');
  const rendered = (joined.includes('  ') ? joined.replace(/ {2,}/g, ' ') : joined).trim();
  return rendered === '' && placeholders > 0 ? EMPTY_FIELD : rendered;
}

function lookup(values: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let cur: unknown = values;
  for (const part of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROLS = /[\u0000-\u001f\u007f]+/g;

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value) ?? '';
  // Plain text only: control characters would break a notification line; long values are cut.
  if (CONTROL.test(text)) text = text.replace(CONTROLS, ' ');
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
