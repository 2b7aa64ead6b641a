// One PrivMX rule as a card of labelled controls. It turns the rule into controls and back, and shows a schema
// message next to the control its path names ("match.threadId", "body", …); the list lives in rulesEditor.ts.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { CHANNELS, MATCH_FIELDS, isChannel, placeholdersFor, type ChannelName } from './channelText.js';

type Json = Record<string, unknown>;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export type CardButton = 'up' | 'down' | 'remove';

let nextId = 0;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export class RuleCard {
  readonly element: HTMLLIElement;
  readonly buttons: Record<CardButton, HTMLButtonElement>;
  private readonly prefix = `rule-${++nextId}`;
  private readonly legend = el('legend');
  private readonly cardError: HTMLElement;
  /** Every control by its path inside the rule ("name", "match.channel", "actions", …). */
  private readonly controls = new Map<string, { focus: HTMLElement; error: HTMLElement; invalid: HTMLElement[] }>();
  private readonly inputs = new Map<string, Control>();
  private readonly matchRows = new Map<string, HTMLElement>();
  private readonly typeHint: HTMLElement;
  private readonly placeholderHint: HTMLElement;
  private readonly actionBoxes: HTMLInputElement[] = [];

  constructor(onButton: (card: RuleCard, button: CardButton) => void) {
    const p = this.prefix;
    this.cardError = el('p', { className: 'field-error', attrs: { id: `${p}-error` } });
    this.cardError.hidden = true;
    const channel = el('select', {}, CHANNELS.map((c) => el('option', { text: c.label, attrs: { value: c.value } })));
    channel.addEventListener('change', () => this.showChannel());
    this.typeHint = el('p', { className: 'hint', attrs: { id: `${p}-type-hint` } });
    this.placeholderHint = el('p', { className: 'hint placeholders', attrs: { id: `${p}-placeholders` } });
    const matchGrid = el('div', { className: 'match-grid' });
    for (const f of MATCH_FIELDS) {
      const hint = f.hint ? el('p', { className: 'hint', text: f.hint, attrs: { id: `${this.id(`match.${f.key}`)}-hint` } }) : undefined;
      const row = el('div', {}, this.field(`match.${f.key}`, f.label, el('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } }), hint));
      this.matchRows.set(f.key, row);
      matchGrid.append(row);
    }
    const actions = el('fieldset', { className: 'inline', attrs: { 'aria-describedby': `${p}-actions-error` } }, [el('legend', { text: t('rule.actions') })]);
    for (const [value, label] of [['desktop', t('rule.action.desktop')], ['sms', t('rule.action.sms')]] as const) {
      const box = el('input', { attrs: { type: 'checkbox', id: `${p}-action-${value}`, value } });
      this.actionBoxes.push(box);
      actions.append(el('div', { className: 'check' }, [box, el('label', { text: label, attrs: { for: box.id } })]));
    }
    const actionsError = this.errorNode('actions');
    this.controls.set('actions', { focus: this.actionBoxes[0] as HTMLElement, error: actionsError, invalid: this.actionBoxes });
    this.buttons = {
      up: el('button', { text: t('rule.moveUp'), attrs: { type: 'button' } }),
      down: el('button', { text: t('rule.moveDown'), attrs: { type: 'button' } }),
      remove: el('button', { text: t('rule.remove'), className: 'danger', attrs: { type: 'button' } }),
    };
    for (const [name, button] of Object.entries(this.buttons)) button.addEventListener('click', () => onButton(this, name as CardButton));
    const fieldset = el('fieldset', { className: 'rule-card', attrs: { 'aria-describedby': this.cardError.id } }, [
      this.legend,
      this.cardError,
      el('div', { className: 'row' }, [
        el('div', {}, this.field('name', t('rule.name'), el('input', { attrs: { type: 'text', autocomplete: 'off' } }))),
        el('div', {}, this.field('match.channel', t('rule.channel'), channel)),
      ]),
      ...this.field('match.type', t('rule.type'), el('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } }), this.typeHint),
      el('fieldset', { className: 'inline match' }, [el('legend', { text: t('rule.onlyWhen') }), matchGrid]),
      ...this.field('title', t('rule.title'), el('input', { attrs: { type: 'text', autocomplete: 'off' } }), this.placeholderHint, false),
      ...this.field('body', t('rule.body'), el('textarea', { attrs: { rows: '2' } }), this.placeholderHint, false),
      this.placeholderHint,
      actions,
      actionsError,
      el('div', { className: 'buttons' }, Object.values(this.buttons)),
    ]);
    this.element = el('li', {}, [fieldset]);
    this.fill({ match: { channel: 'thread' }, actions: ['desktop'] });
  }

  fill(rule: Json): void {
    const match = (rule.match && typeof rule.match === 'object' ? rule.match : {}) as Json;
    this.input('name').value = text(rule.name);
    this.input('match.channel').value = isChannel(match.channel) ? match.channel : 'thread';
    this.input('match.type').value = text(match.type);
    for (const f of MATCH_FIELDS) this.input(`match.${f.key}`).value = text(match[f.key]);
    this.input('title').value = text(rule.title);
    this.input('body').value = text(rule.body);
    const actions = Array.isArray(rule.actions) ? rule.actions : ['desktop'];
    for (const box of this.actionBoxes) box.checked = actions.includes(box.value);
    this.showChannel();
  }

  /** The rule as the schema takes it; empty optional fields and match fields of other channels are left out. */
  read(): Json {
    const value = (path: string): string => this.input(path).value.trim();
    const channel = this.channel();
    const match: Json = { channel };
    if (value('match.type')) match.type = value('match.type');
    for (const f of MATCH_FIELDS) if (f.channels.includes(channel) && value(`match.${f.key}`)) match[f.key] = value(`match.${f.key}`);
    const rule: Json = value('name') ? { name: value('name') } : {};
    return { ...rule, match, title: value('title'), body: value('body'), actions: this.actionBoxes.filter((b) => b.checked).map((b) => b.value) };
  }

  setPosition(index: number, count: number): void {
    this.legend.textContent = t('rule.legend', { n: index + 1 });
    this.buttons.up.disabled = index === 0;
    this.buttons.down.disabled = index === count - 1;
  }

  /** Puts `message` next to the control for `path` (or on the card); returns what should take focus. */
  showError(path: string, message: string): HTMLElement {
    const control = this.controls.get(path.replace(/\[\d+\]$/, ''));
    const error = control?.error ?? this.cardError;
    error.textContent = error.textContent ? `${error.textContent}\n${message}` : message;
    error.hidden = false;
    for (const node of control?.invalid ?? []) node.setAttribute('aria-invalid', 'true');
    return control?.focus ?? this.input('name');
  }

  clearErrors(): void {
    for (const { error, invalid } of [...this.controls.values(), { error: this.cardError, invalid: [] }]) {
      error.textContent = '';
      error.hidden = true;
      for (const node of invalid) node.removeAttribute('aria-invalid');
    }
  }

  focus(): void {
    this.input('name').focus();
  }

  private channel(): ChannelName {
    const value = this.input('match.channel').value;
    return isChannel(value) ? value : 'thread';
  }

  private showChannel(): void {
    const channel = this.channel();
    const info = CHANNELS.find((c) => c.value === channel);
    this.typeHint.textContent = t('rule.typeHint', { event: info?.newItem ?? '' });
    for (const f of MATCH_FIELDS) (this.matchRows.get(f.key) as HTMLElement).hidden = !f.channels.includes(channel);
    this.placeholderHint.replaceChildren(
      document.createTextNode(t('rule.placeholdersBefore')),
      ...placeholdersFor(channel).flatMap((p, i) => [...(i > 0 ? [document.createTextNode(' ')] : []), el('code', { text: p })]),
      document.createTextNode(t('rule.placeholdersAfter')),
    );
  }

  private input(path: string): Control {
    return this.inputs.get(path) as Control;
  }

  private id(path: string): string {
    return `${this.prefix}-${path.replace('.', '-')}`;
  }

  private errorNode(path: string): HTMLElement {
    const node = el('p', { className: 'field-error', attrs: { id: `${this.id(path)}-error` } });
    node.hidden = true;
    return node;
  }

  /** Label, control, hint (unless shared and placed by the caller) and error line; the control is described by both. */
  private field(path: string, label: string, control: Control, hint?: HTMLElement, placeHint = true): HTMLElement[] {
    control.id = this.id(path);
    const error = this.errorNode(path);
    control.setAttribute('aria-describedby', [hint?.id, error.id].filter(Boolean).join(' '));
    this.inputs.set(path, control);
    this.controls.set(path, { focus: control, error, invalid: [control] });
    return [el('label', { text: label, attrs: { for: control.id } }), control, ...(hint && placeHint ? [hint] : []), error];
  }
}
