// The settings window: connections, secrets (write-only), rules, SMS, links, quiet hours, launch at login.
import type { SecretNameValue, SecretStatus } from '../preload/contract.js';
import { api, byId, el, onClick, setStatus } from './dom.js';
import { FIELDS, fieldForProblem, fillForm, getPath, readForm, setPath } from './settingsForm.js';
import { RulesEditor } from './settings/rulesEditor.js';
import { fromView, toView, viewProblem } from './settings/restaurantView.js';

const SECRET_TEXT: Record<SecretStatus[SecretNameValue], string> = {
  keychain: 'Stored in keychain',
  environment: 'Set by an environment variable',
  'encrypted store': 'Stored encrypted on this computer',
  memory: 'Kept in memory until Servicebell quits',
  missing: 'Not set',
};

const form = byId<HTMLFormElement>('settings-form');
const saveStatus = byId('save-status');
const problemsBox = byId('problems');
const rules = new RulesEditor(byId<HTMLOListElement>('privmx-rules'), byId('privmx-rules-empty'), byId('privmx-rules-error'), byId('rules-status'), byId<HTMLButtonElement>('add-rule'));
/** The settings as main has them (version 2) and the flat view of the first restaurant the form edits. */
let saved: Record<string, unknown> = {};
let base: Record<string, unknown> = {};

function secretInputs(): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-secret]')];
}

function showSecretStatus(status: SecretStatus): void {
  for (const input of secretInputs()) {
    const name = input.dataset.secret as SecretNameValue;
    const where = status[name];
    byId(`${input.id}-status`).textContent = SECRET_TEXT[where];
    byId<HTMLButtonElement>(`${input.id}-forget`).hidden = where !== 'keychain' && where !== 'encrypted store' && where !== 'memory';
    input.placeholder = where === 'missing' ? '' : '••••••••  (type to replace)';
  }
}

function clearProblems(): void {
  problemsBox.replaceChildren();
  problemsBox.hidden = true;
  rules.clearProblems();
  for (const field of FIELDS) {
    const input = document.getElementById(field.id);
    input?.removeAttribute('aria-invalid');
    const error = document.getElementById(`${field.id}-error`);
    if (error) {
      error.textContent = '';
      error.hidden = true;
    }
  }
}

function showProblems(raw: readonly string[]): void {
  clearProblems();
  const problems = raw.map(viewProblem);
  problemsBox.append(el('p', { text: 'Not saved. Please fix:' }), el('ul', {}, problems.map((p) => el('li', { text: rules.describe(p) }))));
  problemsBox.hidden = false;
  let first: HTMLElement | undefined;
  for (const problem of problems) {
    const inRules = rules.showProblem(problem);
    if (inRules) {
      first ??= inRules;
      continue;
    }
    const field = fieldForProblem(problem);
    if (!field) continue;
    const input = document.getElementById(field.id);
    const error = document.getElementById(`${field.id}-error`);
    input?.setAttribute('aria-invalid', 'true');
    if (error) {
      error.textContent = error.textContent ? `${error.textContent}\n${problem}` : problem;
      error.hidden = false;
    }
    first ??= input ?? undefined;
  }
  (first ?? problemsBox).focus();
}

async function load(): Promise<void> {
  const current = await api().getSettings();
  saved = current.settings;
  base = toView(saved);
  fillForm(form, base);
  rules.fill(getPath(base, 'privmx.rules'));
  showSecretStatus(current.secrets);
  const notice = byId('notice');
  const keychainText = current.keychainUsable ? '' : `The OS keychain is not available${current.keychainProblem ? ` (${current.keychainProblem})` : ''}: secrets cannot be stored safely.`;
  const problems = [current.notice ?? keychainText, current.notificationProblem ?? ''].filter((text) => text !== '');
  setStatus(notice, problems.join(' '), 'error');
}

async function save(): Promise<void> {
  setStatus(saveStatus, 'Saving…');
  const view = readForm(form, base);
  setPath(view, 'privmx.rules', rules.read());
  const settings = fromView(view, saved);
  const secrets: Partial<Record<SecretNameValue, string>> = {};
  for (const input of secretInputs()) if (input.value !== '') secrets[input.dataset.secret as SecretNameValue] = input.value;
  const result = await api().saveSettings({ settings, secrets });
  if (!result.ok) {
    setStatus(saveStatus, '');
    showProblems(result.problems);
    return;
  }
  clearProblems();
  for (const input of secretInputs()) input.value = '';
  showSecretStatus(result.secrets);
  saved = settings;
  base = view;
  setStatus(saveStatus, result.warnings.length > 0 ? `Saved. Warning: ${result.warnings.join('; ')}` : 'Saved.', 'ok');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save().catch((err: unknown) => setStatus(saveStatus, `Could not save: ${err instanceof Error ? err.message : String(err)}`, 'error'));
});

for (const input of secretInputs()) {
  const forget = byId<HTMLButtonElement>(`${input.id}-forget`);
  onClick(forget, saveStatus, async () => {
    showSecretStatus(await api().deleteSecret(input.dataset.secret as SecretNameValue));
    setStatus(saveStatus, 'Secret removed.', 'ok');
    input.focus();
  });
}

const testStatus = byId('test-status');
onClick(byId<HTMLButtonElement>('send-test'), testStatus, async () => {
  const result = await api().sendTestNotification();
  setStatus(testStatus, result.shown ? 'Test notification sent.' : `Not shown (${result.reason ?? 'unknown reason'}).`, result.shown ? 'ok' : 'error');
});

const checkStatus = byId('check-status');
const checkList = byId('check-results');
onClick(byId<HTMLButtonElement>('check-connections'), checkStatus, async () => {
  setStatus(checkStatus, 'Checking…');
  const lines = await api().checkConnections();
  checkList.replaceChildren(
    ...lines.map((line) => {
      const [className, mark] = !line.ok ? ['fail', 'FAIL '] : line.warning ? ['warn', 'WARNING '] : ['ok', 'OK '];
      return el('li', { className }, [el('strong', { text: mark }), document.createTextNode(`${line.name}: ${line.detail}`)]);
    }),
  );
  const failed = lines.filter((l) => !l.ok).length;
  const warned = lines.filter((l) => l.ok && l.warning).length;
  const summary = failed > 0 ? `${failed} check(s) failed.` : warned > 0 ? `All checks passed, with ${warned} warning(s).` : 'All checks passed.';
  setStatus(checkStatus, summary, failed === 0 ? 'ok' : 'error');
});

load().catch((err: unknown) => setStatus(saveStatus, `Could not load settings: ${err instanceof Error ? err.message : String(err)}`, 'error'));
