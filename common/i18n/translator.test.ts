import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from './catalogues/en.js';
import { catalogueOf, LANGUAGES } from './languages.js';
import { createTranslator } from './translator.js';

/** What intl-messageformat itself makes of a message, or the name of the error it throws. */
function reference(text: string, language: string, values: Record<string, string | number>): string {
  try {
    return String(new IntlMessageFormat(text, language, undefined, { ignoreTag: true }).format(values));
  } catch (err) {
    return `throws ${(err as Error).name}`;
  }
}

function ours(t: ReturnType<typeof createTranslator>, key: MessageKey, values: Record<string, string | number>): string {
  try {
    return t.t(key, values);
  } catch (err) {
    return `throws ${(err as Error).name}`;
  }
}

describe('the translator', () => {
  it('writes every catalogue message as intl-messageformat does: with text values, number values and missing values', () => {
    for (const { code } of LANGUAGES) {
      const t = createTranslator(code);
      const catalogue = catalogueOf(code);
      for (const key of Object.keys(catalogue) as MessageKey[]) {
        const text = catalogue[key];
        const names = [...text.matchAll(/\{\s*([A-Za-z]\w*)/g)].map((m) => m[1] ?? '');
        const cases = [Object.fromEntries(names.map((n) => [n, `'{x}' ${n}`])), Object.fromEntries(names.map((n, i) => [n, i + 1])), {}];
        for (const values of cases) expect(ours(t, key, values), `${code} ${key}`).toBe(reference(text, code, values));
      }
    }
  });
});
