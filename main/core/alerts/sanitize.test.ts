import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH, escapeMarkup, sanitizeBody, sanitizeTitle } from './sanitize.js';

describe('text shown to a person', () => {
  it('keeps markup literally (escaping is the adapter’s job)', () => {
    expect(sanitizeBody('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(escapeMarkup('<img src=x onerror=alert(1)> & <b>')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;');
  });

  it('strips control and bidi-override characters', () => {
    expect(sanitizeTitle('Sup\u0000port\u0007 \u202Eevil\u202C')).toBe('Support evil');
    expect(sanitizeBody('a\u001b[31mred\u001b[0m')).toBe('a[31mred[0m');
  });

  it('folds whitespace; titles are one line, bodies keep paragraphs', () => {
    expect(sanitizeTitle('  a\n\nb\t c ')).toBe('a b c');
    expect(sanitizeBody('a\r\n\r\n\r\n\r\nb  c')).toBe('a\n\nb c');
  });

  it('caps lengths by characters, not bytes', () => {
    expect(Array.from(sanitizeTitle('x'.repeat(1000)))).toHaveLength(MAX_TITLE_LENGTH);
    const body = sanitizeBody('é'.repeat(100_000));
    expect(Array.from(body)).toHaveLength(MAX_BODY_LENGTH);
    expect(body.endsWith('…')).toBe(true);
  });
});
