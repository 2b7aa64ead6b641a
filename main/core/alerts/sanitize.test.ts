import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH, escapeMarkup, sanitizeBody, sanitizeTitle } from './sanitize.js';

// The rules spelled out step by step, as they were before clean text took a short cut: both must agree on any text.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const capped = (text: string, max: number) => (Array.from(text).length <= max ? text : `${Array.from(text).slice(0, max - 1).join('')}…`);
const titleByTheRules = (raw: string) => capped(raw.replace(CONTROL, '').replace(/\s+/g, ' ').trim(), MAX_TITLE_LENGTH);
const bodyByTheRules = (raw: string) =>
  capped(
    raw
      .replace(/\r\n?/g, '\n')
      .replace(CONTROL, '')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    MAX_BODY_LENGTH,
  );

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

  it('gives what the step-by-step rules give, clean text and dirty alike', () => {
    const pieces = ['a', 'Zoë', ' ', '  ', '\n', '\n\n\n', '\r', '\r\n', '\t', '\u00a0', '\u2028', '\u0000', '\u001b', '\u0085', '\u200e', '\u202e', '\u2066', '\ufeff', '😀', '…', 'x'.repeat(60)];
    // A fixed seed: the same texts every run.
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(next() * pieces.length)];
      expect(sanitizeTitle(text), JSON.stringify(text)).toBe(titleByTheRules(text));
      expect(sanitizeBody(text), JSON.stringify(text)).toBe(bodyByTheRules(text));
    }
  });
});
