// The settings window: the restaurants (each with its connections, write-only secrets, rules, SMS and links) and the
// settings of all of them (quiet hours, launch at login). Save sends everything at once; main validates it.
import type { SecretNameValue, SecretStatus } from '../preload/contract.js';
import { api, byId, el, onClick, setStatus } from './dom.js';
import { GLOBAL_FIELDS, fieldForProblem, fillForm, readForm } from './settingsForm.js';
import { clearFieldErrors, showFieldError } from './settings/fieldErrors.js';
import { idOf, nameOf, settingsFrom, splitProblem, typedSecrets } from './settings/restaurantDrafts.js';
import { RestaurantEditor } from './settings/restaurantEditor.js';
import { RESTAURANT_TEXT } from './settings/restaurantText.js';
import { RulesEditor } from './settings/rulesEditor.js';

const SECRET_TEXT: Record<SecretStatus[SecretNameValue], string> = {
  keychain: 'Stored in keychain',
  environment: 'Set by an environment variable',
  'encrypted store': 'Stored encrypted on this computer',
  memory: 'Kept in memory until Servicebell quits',
  missing: 'Not set',
};
const DELETABLE = new Set<string>(['keychain', 'encrypted store', 'memory']);

const form = byId<HTMLFormElement>('settings-form');
const saveStatus = byId('save-status');
const problemsBox = byId('problems');
const rules = new RulesEditor(byId<HTMLOListElement>('privmx-rules'), byId('privmx-rules-empty'), byId('privmx-rules-error'), byId('rules-status'), byId<HTMLButtonElement>('add-rule'));
const restaurants = new RestaurantEditor(form, rules, showSecretStatus);
/** The global settings as main has them (everything but `restaurants`). */
let globals: Record<string, unknown> = {};

function secretInputs(): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-secret]')];
}

/** Where each secret of the restaurant shown lives; a restaurant not saved yet has none to remove. */
function showSecretStatus(status: SecretStatus, saved: boolean): void {
  for (const input of secretInputs()) {
    const where = status[input.dataset.secret as SecretNameValue];
    byId(`${input.id}-status`).textContent = SECRET_TEXT[where];
    byId<HTMLButtonElement>(`${input.id}-forget`).hidden = !saved || !DELETABLE.has(where);
    input.placeholder = where === 'missing' ? '' : '••••••••  (type to replace)';
  }
}

function clearProblems(): void {
  problemsBox.replaceChildren();
  problemsBox.hidden = true;
  clearFieldErrors(GLOBAL_FIELDS);
}

/** The list at the top names each problem's restaurant; each restaurant's problems also sit at its fields. */
function showProblems(problems: readonly string[]): void {
  clearProblems();
  const global = restaurants.assignProblems(problems);
  const words = (problem: string): string => {
    const { restaurant, local } = splitProblem(problem);
    const draft = restaurant === undefined ? undefined : restaurants.drafts[restaurant];
    return draft ? RESTAURANT_TEXT.problemIn(RESTAURANT_TEXT.heading(nameOf(draft)), rules.describe(local)) : problem;
  };
  problemsBox.append(el('p', { text: 'Not saved. Please fix:' }), el('ul', {}, problems.map((p) => el('li', { text: words(p) }))));
  problemsBox.hidden = false;
  let first = restaurants.showProblems();
  for (const problem of global) {
    const field = fieldForProblem(GLOBAL_FIELDS, problem);
    const target = field ? showFieldError(field, problem) : undefined;
    first ??= target;
  }
  (first ?? problemsBox).focus();
}

async function load(): Promise<void> {
  const current = await api().getSettings();
  const { restaurants: _list, ...rest } = current.settings;
  globals = rest;
  fillForm(form, GLOBAL_FIELDS, globals);
  restaurants.load(current.settings, current.newRestaurant, current.restaurantSecrets);
  const notice = byId('notice');
  const keychainText = current.keychainUsable ? '' : `The OS keychain is not available${current.keychainProblem ? ` (${current.keychainProblem})` : ''}: secrets cannot be stored safely.`;
  const problems = [current.notice ?? keychainText, current.notificationProblem ?? ''].filter((text) => text !== '');
  setStatus(notice, problems.join(' '), 'error');
}

/** A removed restaurant's stored secrets are deleted once the settings without it are saved. */
async function forgetRemoved(removed: typeof restaurants.removed): Promise<void> {
  const kept = new Set(restaurants.drafts.map(idOf));
  for (const { id, secrets } of removed) {
    if (kept.has(id)) continue;
    for (const [name, where] of Object.entries(secrets)) if (DELETABLE.has(where)) await api().deleteSecret(name as SecretNameValue, id);
  }
}

async function save(): Promise<void> {
  setStatus(saveStatus, 'Saving…');
  restaurants.stash();
  const nextGlobals = readForm(form, GLOBAL_FIELDS, globals);
  const settings = settingsFrom(nextGlobals, restaurants.drafts);
  const result = await api().saveSettings({ settings, restaurantSecrets: typedSecrets(restaurants.drafts) });
  if (!result.ok) {
    setStatus(saveStatus, '');
    showProblems(result.problems);
    return;
  }
  const removed = restaurants.removed;
  clearProblems();
  globals = nextGlobals;
  restaurants.saved(result.restaurantSecrets);
  await forgetRemoved(removed);
  setStatus(saveStatus, result.warnings.length > 0 ? `Saved. Warning: ${result.warnings.join('; ')}` : 'Saved.', 'ok');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save().catch((err: unknown) => setStatus(saveStatus, `Could not save: ${err instanceof Error ? err.message : String(err)}`, 'error'));
});

for (const input of secretInputs()) {
  const forget = byId<HTMLButtonElement>(`${input.id}-forget`);
  onClick(forget, saveStatus, async () => {
    const draft = restaurants.current();
    if (!draft) return;
    const status = await api().deleteSecret(input.dataset.secret as SecretNameValue, idOf(draft));
    restaurants.secretStatus = { ...restaurants.secretStatus, [idOf(draft)]: status };
    showSecretStatus(status, true);
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

const diagnosticsStatus = byId('diagnostics-status');
onClick(byId<HTMLButtonElement>('copy-diagnostics'), diagnosticsStatus, async () => {
  setStatus(diagnosticsStatus, 'Collecting…');
  await api().copyDiagnostics();
  setStatus(diagnosticsStatus, 'Diagnostics copied (secrets and phone numbers left out). Paste them into your message to support.', 'ok');
});
onClick(byId<HTMLButtonElement>('save-diagnostics'), diagnosticsStatus, async () => {
  setStatus(diagnosticsStatus, 'Collecting…');
  const result = await api().saveDiagnostics();
  setStatus(diagnosticsStatus, result.saved ? `Diagnostics saved to ${result.path ?? 'the chosen file'}.` : 'Not saved.', result.saved ? 'ok' : undefined);
});

load().catch((err: unknown) => setStatus(saveStatus, `Could not load settings: ${err instanceof Error ? err.message : String(err)}`, 'error'));
