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

/** Fills a validated template with plain-text values; missing values render as an empty string. */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(TOKEN, (whole, name: string | undefined) => {
    if (name === undefined) return whole[0] ?? '';
    return toText(lookup(values, name));
  });
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
