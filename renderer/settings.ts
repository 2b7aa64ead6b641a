// The settings window: four sections as tabs (Notifications; Restaurants and connections; Rules; Advanced) in one form,
// with Save and the "Unsaved changes" flag always on screen. Save sends everything at once; main validates it.
import type { SecretNameValue } from '../preload/contract.js';
import { api, byId, el, onClick, setStatus } from './dom.js';
import { GLOBAL_FIELDS, fieldForProblem, fillForm, readForm } from './settingsForm.js';
import { wireConnectionCheck } from './settings/checkResults.js';
import { warningWords } from './settings/checkText.js';
import { wireTools } from './settings/tools.js';
import { clearFieldErrors, problemLine, showFieldError } from './settings/fieldErrors.js';
import { problemWords } from './settings/problemWords.js';
import { idOf, nameOf, settingsFrom, splitProblem, typedSecrets } from './settings/restaurantDrafts.js';
import { DELETABLE, secretInputs, showSecretStatus } from './settings/secretFields.js';
import { RestaurantEditor } from './settings/restaurantEditor.js';
import { RestaurantPicker } from './settings/restaurantPicker.js';
import { RESTAURANT_TEXT } from './settings/restaurantText.js';
import { RulesEditor } from './settings/rulesEditor.js';
import { SectionTabs } from './settings/sectionTabs.js';
import { SoundControls } from './settings/soundControls.js';
import { completeTypedTime } from './settings/typedTime.js';
import { UnsavedChanges, type Section } from './settings/unsavedChanges.js';
import { LANGUAGES } from '../common/i18n/languages.js';
import { onLanguage, startLanguage, t } from './i18n.js';

const form = byId<HTMLFormElement>('settings-form');
/** `ui.language`: automatic, or one of the languages by its own name (the same in every language). */
const languageSelect = byId<HTMLSelectElement>('ui-language');
languageSelect.append(el('option', { text: 'Automatic (system language)', attrs: { value: 'auto', 'data-i18n': 'settings.language.auto' } }), ...LANGUAGES.map((l) => el('option', { text: l.name, attrs: { value: l.code, lang: l.code } })));
const saveStatus = byId('save-status');
const problemsBox = byId('problems');
const rules = new RulesEditor(byId<HTMLOListElement>('privmx-rules'), byId('privmx-rules-empty'), byId('privmx-rules-error'), byId('rules-status'), byId<HTMLButtonElement>('add-rule'));
const tabs = new SectionTabs(byId('sections'));
const unsaved = new UnsavedChanges();
const unsavedFlag = byId('unsaved');
const pickers: RestaurantPicker[] = [];
const restaurants = new RestaurantEditor(form, rules, (status, saved) => showSecretStatus(form, status, saved), {
  // The form now shows the draft as it is: that is its baseline for "Unsaved changes" (kept if it has one).
  shown: (draft) => {
    restaurants.stash();
    unsaved.seen(draft);
    showPrivmxOff();
  },
  listed: () => {
    const names = restaurants.drafts.map((d) => RESTAURANT_TEXT.heading(nameOf(d)));
    for (const picker of pickers) picker.render(names, restaurants.selected);
  },
});
pickers.push(
  new RestaurantPicker(byId<HTMLSelectElement>('rules-restaurant'), byId('rules-picker'), byId('privmx-rules-for'), (name) => t('settings.forName', { name }), (i) => restaurants.pick(i)),
  new RestaurantPicker(byId<HTMLSelectElement>('advanced-restaurant'), byId('advanced-picker'), byId('endpoints-legend'), (name) => t('settings.endpointsOf', { name }), (i) => restaurants.pick(i)),
);
/** Rules do nothing while the restaurant's PrivMX connection is off: the Rules section says so. */
const privmxBox = byId<HTMLInputElement>('privmx-enabled');
const showPrivmxOff = (): void => void (byId('rules-privmx-off').hidden = privmxBox.checked);
privmxBox.addEventListener('change', showPrivmxOff);
for (const id of ['quiet-start', 'quiet-end']) completeTypedTime(byId<HTMLInputElement>(id));
/** The global settings as main has them (everything but `restaurants`). */
let globals: Record<string, unknown> = {};
const sounds = new SoundControls(byId<HTMLSelectElement>('sound-support_request'), byId<HTMLSelectElement>('sound-other'), () => restaurants.drafts.map((d) => d.data));
/** The global settings as the form (plain fields and the Sound selects) says, on top of what main has. */
const readGlobals = (): Record<string, unknown> => sounds.read(readForm(form, GLOBAL_FIELDS, globals));
const PANELS: Record<Section, string> = { notifications: 'panel-notifications', restaurants: 'panel-restaurants', rules: 'panel-rules', advanced: 'panel-advanced' };

/** "Unsaved changes" next to Save, and a mark on each section's tab that holds some. */
function refreshUnsaved(): boolean {
  restaurants.stash();
  const changed = unsaved.changed(readGlobals(), restaurants.drafts);
  unsavedFlag.hidden = changed.size === 0;
  // "Saved." is no longer true once something changes again.
  if (changed.size > 0 && saveStatus.dataset.tone === 'ok') setStatus(saveStatus, '');
  tabs.markUnsaved(new Set([...changed].map((section) => PANELS[section])));
  return changed.size > 0;
}

/** "Go to …" from a check result: that restaurant (by settings id; undefined: the only one), its section, the field. */
function goToField(restaurant: string | undefined, fieldId: string): boolean {
  const index = restaurant === undefined ? (restaurants.drafts.length === 1 ? 0 : -1) : restaurants.drafts.findIndex((d) => idOf(d) === restaurant);
  const field = document.getElementById(fieldId);
  if (index < 0 || !field) return false;
  restaurants.pick(index);
  tabs.reveal(field);
  field.focus();
  return true;
}

/** After a load or a save: what the form shows is what is saved. */
function markSaved(): void {
  sounds.fill(globals);
  unsaved.reset(readGlobals(), restaurants.drafts);
  const current = restaurants.current();
  if (current) unsaved.seen(current);
  refreshUnsaved();
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
  const line = (problem: string): HTMLElement => {
    const { restaurant, local } = splitProblem(problem);
    const draft = restaurant === undefined ? undefined : restaurants.drafts[restaurant];
    if (!draft) return problemLine(problem, 'li');
    const inRule = rules.describe(local);
    const { words } = problemWords(problem);
    const text = inRule !== local ? inRule : words !== problem ? words : local;
    return el('li', { className: 'problem', text: RESTAURANT_TEXT.problemIn(RESTAURANT_TEXT.heading(nameOf(draft)), text), attrs: { title: problem } });
  };
  problemsBox.append(el('p', { text: t('settings.notSavedFix') }), el('ul', {}, problems.map(line)));
  problemsBox.hidden = false;
  const restaurantFirst = restaurants.showProblems();
  let globalFirst: HTMLElement | undefined;
  for (const problem of global) {
    const field = fieldForProblem(GLOBAL_FIELDS, problem);
    const target = field ? showFieldError(field, problem) : undefined;
    // The one nearest the top of the page, whatever order the core listed them in.
    if (target && (!globalFirst || target.compareDocumentPosition(globalFirst) & Node.DOCUMENT_POSITION_FOLLOWING)) globalFirst = target;
  }
  const first = restaurantFirst ?? globalFirst;
  // The first field with a problem may be on another section: show that section, then focus the field.
  if (first) tabs.reveal(first);
  (first ?? problemsBox).focus();
}

async function load(): Promise<void> {
  const current = await api().getSettings();
  const { restaurants: _list, ...rest } = current.settings;
  globals = rest;
  fillForm(form, GLOBAL_FIELDS, globals);
  restaurants.load(current.settings, current.newRestaurant, current.restaurantSecrets);
  markSaved();
  const notice = byId('notice');
  const { keychainUsable, keychainProblem, notificationProblem } = current;
  const keychainText = (): string => (keychainUsable ? '' : keychainProblem ? t('settings.keychainMissingWhy', { why: keychainProblem }) : t('settings.keychainMissing'));
  const noticeText = current.notice;
  setStatus(notice, () => [noticeText ?? keychainText(), notificationProblem ?? ''].filter((text) => text !== '').join(' '), 'error');
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
  setStatus(saveStatus, () => t('settings.saving'));
  restaurants.stash();
  const nextGlobals = readGlobals();
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
  markSaved();
  await forgetRemoved(removed);
  const { warnings } = result;
  setStatus(saveStatus, () => (warnings.length > 0 ? t('settings.savedWarning', { warnings: warnings.map(warningWords).join(' ') }) : t('settings.saved')), 'ok');
  saveStatus.title = result.warnings.join('\n');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save().catch((err: unknown) => {
    const why = err instanceof Error ? err.message : String(err);
    setStatus(saveStatus, () => t('settings.saveFailed', { why }), 'error');
  });
});

// Any edit, tick or button (add, move, remove) may change what Save would send.
form.addEventListener('input', () => refreshUnsaved());
form.addEventListener('change', () => refreshUnsaved());
form.addEventListener('click', () => setTimeout(refreshUnsaved, 0));
// Ctrl+S (Cmd+S) saves from anywhere in the window.
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
    event.preventDefault();
    form.requestSubmit(byId<HTMLButtonElement>('save'));
  }
});

for (const input of secretInputs(form)) {
  const forget = byId<HTMLButtonElement>(`${input.id}-forget`);
  onClick(forget, saveStatus, async () => {
    const draft = restaurants.current();
    if (!draft) return;
    const status = await api().deleteSecret(input.dataset.secret as SecretNameValue, idOf(draft));
    restaurants.secretStatus = { ...restaurants.secretStatus, [idOf(draft)]: status };
    showSecretStatus(form, status, true);
    setStatus(saveStatus, () => t('settings.secretRemoved'), 'ok');
    input.focus();
  });
}

wireTools();
const connectionCheck = wireConnectionCheck(api, { button: byId<HTMLButtonElement>('check-connections'), status: byId('check-status'), results: byId('check-results') }, () => ({
  names: new Map(restaurants.drafts.filter((d) => d.saved).map((d) => [idOf(d), RESTAURANT_TEXT.heading(nameOf(d))])),
  unsaved: refreshUnsaved(),
}), goToField);

// Another language: the page's static texts follow by themselves (i18n.ts); what was built here is built again.
onLanguage(() => {
  restaurants.relabel();
  connectionCheck.relabel();
});

startLanguage()
  // Without an answer the window speaks English.
  .catch(() => {})
  .then(load)
  .catch((err: unknown) => {
    const why = err instanceof Error ? err.message : String(err);
    setStatus(saveStatus, () => t('settings.loadFailed', { why }), 'error');
  });
