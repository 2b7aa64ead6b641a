// The write-only secret fields (Backend token, API key secret, SMSAPI token): where each secret of the restaurant shown
// lives, never its value.
import type { SecretNameValue, SecretStatus } from '../../preload/contract.js';
import { byId } from '../dom.js';
import type { MessageKey } from '../../common/i18n/catalogues/en.js';
import { t } from '../i18n.js';

const SECRET_TEXT: Record<SecretStatus[SecretNameValue], MessageKey> = {
  keychain: 'settings.secret.keychain',
  environment: 'settings.secret.environment',
  'encrypted store': 'settings.secret.encrypted',
  memory: 'settings.secret.memory',
  missing: 'settings.secret.missing',
};
export const DELETABLE = new Set<string>(['keychain', 'encrypted store', 'memory']);

export function secretInputs(form: HTMLFormElement): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-secret]')];
}

/** Where each secret of the restaurant shown lives; a restaurant not saved yet has none to remove. */
export function showSecretStatus(form: HTMLFormElement, status: SecretStatus, saved: boolean): void {
  for (const input of secretInputs(form)) {
    const where = status[input.dataset.secret as SecretNameValue];
    byId(`${input.id}-status`).textContent = t(SECRET_TEXT[where]);
    byId<HTMLButtonElement>(`${input.id}-forget`).hidden = !saved || !DELETABLE.has(where);
    input.placeholder = where === 'missing' ? '' : t('settings.secret.replace');
  }
}
