// Schema messages next to the plain form fields: each field has an `<id>-error` line and is marked aria-invalid. The
// line says the problem in plain words; the core's own text (with the setting's path) is its tooltip, for IT.
import { el } from '../dom.js';
import type { FieldSpec } from '../settingsForm.js';
import { problemWords } from './problemWords.js';

export function clearFieldErrors(fields: readonly FieldSpec[]): void {
  for (const field of fields) {
    document.getElementById(field.id)?.removeAttribute('aria-invalid');
    const error = document.getElementById(`${field.id}-error`);
    if (error) {
      error.replaceChildren();
      error.hidden = true;
    }
  }
}

/** One problem as a line of text with the technical words in its tooltip. */
export function problemLine(problem: string, tag: 'span' | 'li' = 'span'): HTMLElement {
  const { words, technical } = problemWords(problem);
  return el(tag, { className: 'problem', text: words, attrs: technical === words ? {} : { title: technical } });
}

/** Adds `problem` under the field; returns the control to focus. */
export function showFieldError(field: FieldSpec, problem: string): HTMLElement | undefined {
  const input = document.getElementById(field.id);
  const error = document.getElementById(`${field.id}-error`);
  input?.setAttribute('aria-invalid', 'true');
  if (error) {
    error.append(problemLine(problem));
    error.hidden = false;
  }
  return input ?? undefined;
}
