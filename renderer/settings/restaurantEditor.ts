// The restaurant half of the settings window: the list, the one restaurant the form shows (its fields, secrets,
// rules and problems), and add, rename, mute, reorder and remove-with-confirmation. Nothing is saved here: the
// page saves all drafts at once.
import type { RestaurantSecretStatus, SecretNameValue, SecretStatus } from '../../preload/contract.js';
import { byId, setStatus } from '../dom.js';
import { RESTAURANT_FIELDS, fieldForProblem, fillForm, getPath, readForm, setPath } from '../settingsForm.js';
import { clearFieldErrors, problemLine, showFieldError } from './fieldErrors.js';
import { draftsFrom, idOf, move, nameOf, newDraft, splitProblem, uniqueId, type Draft } from './restaurantDrafts.js';
import { RestaurantList } from './restaurantList.js';
import { RESTAURANT_TEXT as T } from './restaurantText.js';
import type { RulesEditor } from './rulesEditor.js';

type Json = Record<string, unknown>;
const MISSING: SecretStatus = { 'vonage.backendToken': 'missing', 'privmx.apiKeySecret': 'missing', 'smsapi.token': 'missing', 'mqtt.password': 'missing', 'ntfy.token': 'missing' };

export class RestaurantEditor {
  drafts: Draft[] = [];
  selected = 0;
  secretStatus: RestaurantSecretStatus = {};
  /** Saved restaurants removed since the last save, with where their secrets were then. */
  removed: Array<{ id: string; secrets: SecretStatus }> = [];
  private template: Json = {};
  private readonly status = byId('restaurants-status');
  private readonly heading = byId('restaurant-heading');
  private readonly cardError = byId('restaurant-error');
  private readonly nameInput = byId<HTMLInputElement>('restaurant-name');
  private readonly idInput = byId<HTMLInputElement>('restaurant-id');
  private readonly mutedBox = byId<HTMLInputElement>('restaurant-muted');
  private readonly removeButton = byId<HTMLButtonElement>('remove-restaurant');
  private readonly confirmBox = byId('remove-confirm');
  private readonly list = new RestaurantList(byId<HTMLOListElement>('restaurant-list'), {
    select: (i) => {
      this.stash();
      this.show(i);
      this.list.focus(i);
    },
    move: (from, to) => this.move(from, to),
  });

  constructor(
    private readonly form: HTMLFormElement,
    private readonly rules: RulesEditor,
    private readonly showSecrets: (status: SecretStatus, saved: boolean) => void,
    /** Told when a draft is shown in the form (`shown`) and whenever the list is drawn again. */
    private readonly listeners: { shown?: (draft: Draft) => void; listed?: () => void } = {},
  ) {
    byId<HTMLButtonElement>('add-restaurant').addEventListener('click', () => this.add());
    this.nameInput.addEventListener('input', () => this.renamed());
    this.idInput.addEventListener('input', () => {
      const draft = this.current();
      if (draft) draft.idTyped = true;
    });
    this.mutedBox.addEventListener('change', () => {
      this.stash();
      this.renderList();
    });
    this.removeButton.addEventListener('click', () => this.askRemove());
    byId<HTMLButtonElement>('remove-yes').addEventListener('click', () => this.remove());
    byId<HTMLButtonElement>('remove-no').addEventListener('click', () => {
      this.confirmBox.hidden = true;
      this.removeButton.focus();
    });
  }

  load(settings: Json, template: Json, secrets: RestaurantSecretStatus): void {
    this.drafts = draftsFrom(settings);
    this.template = template;
    this.secretStatus = secrets;
    this.removed = [];
    this.show(0);
  }

  /** Edits draft `index` (from a restaurant picker elsewhere in the window). */
  pick(index: number): void {
    if (index === this.selected) return;
    this.stash();
    this.show(index);
  }

  current(): Draft | undefined {
    return this.drafts[this.selected];
  }

  /** Takes what the form shows into the selected draft (fields, rules, typed secrets). */
  stash(): void {
    const draft = this.current();
    if (!draft) return;
    draft.data = readForm(this.form, RESTAURANT_FIELDS, draft.data);
    setPath(draft.data, 'privmx.rules', this.rules.read());
    for (const input of this.secretInputs()) {
      const name = input.dataset.secret as SecretNameValue;
      if (input.value === '') delete draft.secrets[name];
      else draft.secrets[name] = input.value;
    }
  }

  /** The window's language changed: everything built here is built again in it, what was typed is kept. */
  relabel(): void {
    if (!this.current()) return;
    this.stash();
    this.show(this.selected);
  }

  /** Shows draft `index` in the form, with its problems from the last save at their fields. */
  show(index: number): void {
    this.selected = Math.max(0, Math.min(index, this.drafts.length - 1));
    const draft = this.current();
    if (!draft) return;
    fillForm(this.form, RESTAURANT_FIELDS, draft.data);
    this.rules.fill(getPath(draft.data, 'privmx.rules'));
    for (const input of this.secretInputs()) input.value = draft.secrets[input.dataset.secret as SecretNameValue] ?? '';
    this.showSecrets(draft.saved ? this.secretStatus[idOf(draft)] ?? MISSING : MISSING, draft.saved);
    this.idInput.readOnly = draft.saved;
    byId('restaurant-id-hint').textContent = draft.saved ? T.idFixed : T.idNew;
    this.removeButton.disabled = this.drafts.length < 2;
    const onlyOne = byId('remove-restaurant-hint');
    onlyOne.textContent = T.onlyOne;
    onlyOne.hidden = this.drafts.length > 1;
    this.confirmBox.hidden = true;
    this.heading.textContent = T.heading(nameOf(draft));
    this.showProblems();
    this.renderList();
    this.listeners.shown?.(draft);
  }

  /** Shows the selected draft's problems at their fields; returns the first control to focus. */
  showProblems(): HTMLElement | undefined {
    clearFieldErrors(RESTAURANT_FIELDS);
    this.rules.clearProblems();
    setStatus(this.cardError, '');
    let first: HTMLElement | undefined;
    for (const problem of this.current()?.problems ?? []) {
      const { local } = splitProblem(problem);
      const inRules = this.rules.showProblem(local);
      const field = inRules ? undefined : fieldForProblem(RESTAURANT_FIELDS, local);
      const target = inRules ?? (field ? showFieldError(field, problem) : this.cardLevel(problem));
      first ??= target;
    }
    return first;
  }

  /** Hands main's problems to the drafts they name (by place at save time); returns the others (global ones). */
  assignProblems(problems: readonly string[]): string[] {
    for (const draft of this.drafts) draft.problems = [];
    const global: string[] = [];
    for (const problem of problems) {
      const { restaurant } = splitProblem(problem);
      const draft = restaurant === undefined ? undefined : this.drafts[restaurant];
      if (draft) draft.problems.push(problem);
      else global.push(problem);
    }
    // Show a restaurant that has problems, the one being edited if it has some.
    if (!this.current()?.problems.length) {
      const withProblems = this.drafts.findIndex((d) => d.problems.length > 0);
      if (withProblems >= 0) this.show(withProblems);
    }
    this.renderList();
    return global;
  }

  /** After a successful save: ids are fixed, typed secrets are gone, problems cleared. */
  saved(secrets: RestaurantSecretStatus): void {
    for (const draft of this.drafts) Object.assign(draft, { saved: true, idTyped: true, secrets: {}, problems: [] });
    this.secretStatus = secrets;
    this.removed = [];
    this.show(this.selected);
  }

  private cardLevel(problem: string): HTMLElement {
    this.cardError.append(problemLine(problem));
    this.cardError.hidden = false;
    return this.cardError;
  }

  private secretInputs(): HTMLInputElement[] {
    return [...this.form.querySelectorAll<HTMLInputElement>('input[data-secret]')];
  }

  private renderList(): void {
    this.list.render(this.drafts, this.selected, this.drafts.map((d) => d.problems.length));
    this.listeners.listed?.();
  }

  private renamed(): void {
    const draft = this.current();
    if (!draft) return;
    draft.data.name = this.nameInput.value.trim();
    if (!draft.saved && !draft.idTyped) {
      this.idInput.value = uniqueId(this.nameInput.value, new Set(this.drafts.filter((d) => d !== draft).map(idOf)));
      draft.data.id = this.idInput.value;
    }
    this.heading.textContent = T.heading(nameOf(draft));
    this.renderList();
  }

  private add(): void {
    this.stash();
    const draft = newDraft(this.template, T.newName(this.drafts.length + 1), this.drafts);
    this.drafts.push(draft);
    this.show(this.drafts.length - 1);
    const name = nameOf(draft);
    setStatus(this.status, () => T.added(name));
    this.nameInput.focus();
    this.nameInput.select();
  }

  private move(from: number, to: number): void {
    this.stash();
    const editing = this.current();
    if (!move(this.drafts, from, to)) return;
    this.selected = editing ? this.drafts.indexOf(editing) : 0;
    this.renderList();
    const moved = this.drafts[to];
    if (moved) {
      const name = nameOf(moved);
      setStatus(this.status, () => T.moved(name, to + 1));
    }
    this.list.focus(to, to < from ? 'up' : 'down');
  }

  private askRemove(): void {
    const draft = this.current();
    if (!draft) return;
    const name = T.heading(nameOf(draft));
    byId('remove-question').textContent = T.removeAsk(name);
    byId('remove-explain').textContent = T.removeExplain;
    byId('remove-yes').textContent = T.removeConfirm(name);
    byId('remove-no').textContent = T.removeCancel;
    this.confirmBox.hidden = false;
    byId('remove-no').focus();
  }

  private remove(): void {
    const draft = this.current();
    if (!draft || this.drafts.length < 2) return;
    this.drafts.splice(this.selected, 1);
    const id = idOf(draft);
    if (draft.saved) this.removed.push({ id, secrets: this.secretStatus[id] ?? MISSING });
    this.show(this.selected);
    const name = nameOf(draft);
    setStatus(this.status, () => T.removed(T.heading(name)));
    this.list.focus(this.selected);
  }
}
