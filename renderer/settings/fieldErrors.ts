// Schema messages next to the plain form fields: each field has an `<id>-error` line and is marked aria-invalid.
import type { FieldSpec } from '../settingsForm.js';

export function clearFieldErrors(fields: readonly FieldSpec[]): void {
  for (const field of fields) {
    document.getElementById(field.id)?.removeAttribute('aria-invalid');
    const error = document.getElementById(`${field.id}-error`);
    if (error) {
      error.textContent = '';
      error.hidden = true;
    }
  }
}

/** Adds `text` under the field; returns the control to focus. */
export function showFieldError(field: FieldSpec, text: string): HTMLElement | undefined {
  const input = document.getElementById(field.id);
  const error = document.getElementById(`${field.id}-error`);
  input?.setAttribute('aria-invalid', 'true');
  if (error) {
    error.textContent = error.textContent ? `${error.textContent}\n${text}` : text;
    error.hidden = false;
  }
  return input ?? undefined;
}
