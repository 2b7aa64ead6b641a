// The language the window speaks: the one translator of the page (common/i18n, bundled into the page's script), the
// static texts of the page's HTML filled from the catalogue (data-i18n, data-i18n-aria-label, data-i18n-placeholder,
// data-i18n-title), and a switch at once when main says the language changed (no reload, nothing typed is lost).
import { en, type MessageKey } from '../common/i18n/catalogues/en.js';
import type { LanguageCode } from '../common/i18n/languages.js';
import { createTranslator, type MessageValues, type Translator } from '../common/i18n/translator.js';

let current: Translator = createTranslator('en');
const listeners = new Set<() => void>();

/** The page's translator now. */
export function translator(): Translator {
  return current;
}

/** A message of the catalogue in the page's language now. */
export function t(key: MessageKey, values?: MessageValues): string {
  return current.t(key, values);
}

/**
 * The locale for dates and times: the window's language, in the computer's regional form when the computer speaks
 * the same language (en-GB writes "12 May", de-AT "Jänner"), else the language's own form.
 */
export function locale(): string {
  const system = typeof navigator === 'undefined' ? '' : navigator.language;
  return system.toLowerCase().split('-')[0] === current.language ? system : current.language;
}

const ATTRIBUTES = ['aria-label', 'placeholder', 'title'] as const;

/** Fills every element under `root` that names a catalogue key; a key the catalogue lacks leaves the English. */
export function translateStatic(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n;
    if (key !== undefined && isKey(key)) node.textContent = t(key);
  }
  for (const attribute of ATTRIBUTES) {
    for (const node of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      const key = node.getAttribute(`data-i18n-${attribute}`) ?? '';
      if (isKey(key)) node.setAttribute(attribute, t(key));
    }
  }
}

/** Every catalogue has every key (a test says so), so English's keys are the keys. */
function isKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Called after every switch (the page redraws what it built in code). Returns the unsubscribe function. */
export function onLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setLanguage(language: LanguageCode): void {
  current = createTranslator(language);
  // Also used without a page (the plain-words modules' unit tests).
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    translateStatic();
  }
  for (const listener of listeners) listener();
}

/** Asks main which language to speak, and follows its changes. Until main answers the page speaks English. */
export async function startLanguage(): Promise<void> {
  window.servicebell.onLanguageChanged(({ language }) => setLanguage(language));
  const { language } = await window.servicebell.language();
  setLanguage(language);
}
