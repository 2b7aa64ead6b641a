import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './catalogues/en.js';
import { environmentLanguages, LANGUAGES, resolveLanguage } from './languages.js';
import { createTranslator } from './translator.js';

/** Every argument a message uses, and for each plural argument the forms it gives. */
function shape(message: string): { args: string[]; plurals: Record<string, string[]> } {
  const args = new Set<string>();
  const plurals: Record<string, string[]> = {};
  const walk = (elements: MessageFormatElement[]): void => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) args.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        args.add(e.value);
        if (e.type === TYPE.plural) plurals[e.value] = Object.keys(e.options).filter((o) => !o.startsWith('='));
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return { args: [...args].sort(), plurals };
}

const keys = Object.keys(en) as MessageKey[];

describe.each(LANGUAGES.map((l) => [l.code, l] as const))('the %s catalogue', (code, { catalogue }) => {
  it('has every key of English and no other', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
  });

  it('uses the same placeholders as English in every message', () => {
    for (const key of keys) expect(shape(catalogue[key]).args, key).toEqual(shape(en[key]).args);
  });

  it('gives every plural the forms its language needs', () => {
    const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    for (const key of keys) {
      for (const [arg, forms] of Object.entries(shape(catalogue[key]).plurals)) {
        expect(forms, `${key} {${arg}}`).toEqual(expect.arrayContaining([...needed]));
      }
    }
  });
});

describe('formatting', () => {
  it('Polish plurals: one, few, many', () => {
    const t = createTranslator('pl');
    expect([1, 3, 5, 22, 25].map((count) => t.t('summary.moreSupport', { count }))).toEqual([
      '1 kolejna prośba o pomoc',
      '3 kolejne prośby o pomoc',
      '5 kolejnych próśb o pomoc',
      '22 kolejne prośby o pomoc',
      '25 kolejnych próśb o pomoc',
    ]);
  });

  it('values stay plain text: markup in a value is not interpreted', () => {
    expect(createTranslator('de').t('support.body', { who: '<b>anna</b>' })).toBe('<b>anna</b> bittet um Hilfe');
  });

  it('times in the language and the given time zone', () => {
    const at = Date.UTC(2026, 11, 3, 18, 2);
    expect(createTranslator('pl').time(at, 'Europe/Warsaw')).toBe('19:02');
    expect(createTranslator('en').time(Date.UTC(2026, 11, 3, 5, 0), 'Europe/Warsaw')).toBe('06:00');
    expect(createTranslator('en').date(at, 'Europe/Warsaw')).toBe('December 3, 2026');
    expect(createTranslator('de').date(at, 'Europe/Warsaw')).toBe('3. Dezember 2026');
  });
});

describe('which language', () => {
  it('the setting when it names one, else the first preferred language we have, else English', () => {
    expect(resolveLanguage('de', ['pl-PL'])).toBe('de');
    expect(resolveLanguage('auto', ['fr-FR', 'pl-PL', 'en-US'])).toBe('pl');
    expect(resolveLanguage('auto', ['fr'])).toBe('en');
    expect(resolveLanguage('xx', [])).toBe('en');
  });

  it('headless: LC_ALL, else LC_MESSAGES, else LANG; C and POSIX name none', () => {
    expect(environmentLanguages({ LC_ALL: 'de_DE.UTF-8', LANG: 'pl_PL.UTF-8' })).toEqual(['de_DE.UTF-8']);
    expect(environmentLanguages({ LC_MESSAGES: 'pl_PL.UTF-8', LANG: 'en_US.UTF-8' })).toEqual(['pl_PL.UTF-8']);
    expect(resolveLanguage('auto', environmentLanguages({ LANG: 'pl_PL.UTF-8' }))).toBe('pl');
    expect(environmentLanguages({ LANG: 'C.UTF-8' })).toEqual([]);
    expect(environmentLanguages({ LC_ALL: 'POSIX' })).toEqual([]);
    expect(environmentLanguages({})).toEqual([]);
  });
});
