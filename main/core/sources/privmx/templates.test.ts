import { describe, expect, it } from 'vitest';
import { EMPTY_FIELD, renderTemplate, templateProblems } from './templates.js';

const values = { author: 'anna', type: 'threadNewMessage', publicMeta: { table: 4, note: '', nested: { a: 'x' } } };

describe('rule templates', () => {
  it('fills placeholders with plain text and keeps escaped braces', () => {
    expect(renderTemplate('Table {publicMeta.table}: {author} {{ok}}', values)).toBe('Table 4: anna {ok}');
    expect(renderTemplate('{publicMeta.nested}', values)).toBe('{"a":"x"}');
  });

  it('removes an empty placeholder with the separator before it', () => {
    expect(renderTemplate('{author} · {publicMeta.missing}', values)).toBe('anna');
    expect(renderTemplate('{author}, {publicMeta.missing}, {type}', values)).toBe('anna, threadNewMessage');
    expect(renderTemplate('From {author} - table {publicMeta.note}', values)).toBe('From anna - table');
    expect(renderTemplate('Order {publicMeta.missing} from {author}', values)).toBe('Order from anna');
  });

  it('at the start, removes it with the separator after it', () => {
    expect(renderTemplate('{publicMeta.missing}: {author}', values)).toBe('anna');
    expect(renderTemplate('{publicMeta.missing} | {publicMeta.table} | {author}', values)).toBe('4 | anna');
  });

  it('a field left with no text at all says "—"; a template without placeholders stays as written', () => {
    expect(renderTemplate('{publicMeta.missing}', values)).toBe(EMPTY_FIELD);
    expect(renderTemplate('{publicMeta.missing} · {publicMeta.note}', values)).toBe('—');
    expect(renderTemplate('', values)).toBe('');
    expect(renderTemplate('New order', values)).toBe('New order');
  });

  it('null and whitespace count as no value', () => {
    expect(renderTemplate('{author} · {publicMeta.x}', { author: 'anna', publicMeta: { x: null } })).toBe('anna');
    expect(renderTemplate('{author} · {publicMeta.x}', { author: 'anna', publicMeta: { x: '   ' } })).toBe('anna');
  });

  it('still refuses unknown placeholders', () => {
    expect(templateProblems('{nope}', 'thread')[0]).toMatch(/unknown placeholder \{nope\}/);
  });
});
