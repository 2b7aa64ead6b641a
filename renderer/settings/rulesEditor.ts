// The PrivMX rules as an ordered list of cards (first match wins): add, move, remove, and schema messages
// ("privmx.rules[1].body: …") routed to the right control of the right card.
import type { MessageKey } from '../../common/i18n/catalogues/en.js';
import { setStatus, type Wording } from '../dom.js';
import { t } from '../i18n.js';
import { RuleCard, type CardButton } from './ruleCard.js';

const RULE_PATH = /^privmx\.rules(?:\[(\d+)\](?:\.(.+))?)?$/;
const FIELD_NAMES: Record<string, MessageKey> = {
  name: 'rule.field.name',
  'match.channel': 'rule.field.channel',
  'match.type': 'rule.field.type',
  'match.contextId': 'rule.field.contextId',
  'match.threadId': 'rule.field.threadId',
  'match.storeId': 'rule.field.storeId',
  'match.inboxId': 'rule.field.inboxId',
  'match.author': 'rule.field.author',
  title: 'rule.field.title',
  body: 'rule.field.body',
  actions: 'rule.field.actions',
};

/** `privmx.rules[1].body: unknown …` → where it belongs; undefined when the problem is not about the rules. */
function parseProblem(problem: string): { index?: number; field: string; message: string } | undefined {
  const colon = problem.indexOf(': ');
  const path = colon < 0 ? problem : problem.slice(0, colon);
  const m = RULE_PATH.exec(path);
  if (!m) return undefined;
  return { index: m[1] === undefined ? undefined : Number(m[1]), field: (m[2] ?? '').replace(/\[\d+\]$/, ''), message: colon < 0 ? problem : problem.slice(colon + 2) };
}

export class RulesEditor {
  private cards: RuleCard[] = [];

  constructor(
    private readonly list: HTMLOListElement,
    private readonly empty: HTMLElement,
    private readonly error: HTMLElement,
    private readonly status: HTMLElement,
    private readonly addButton: HTMLButtonElement,
  ) {
    addButton.addEventListener('click', () => {
      const card = this.add({ match: { channel: 'thread' }, actions: ['desktop'] });
      const n = this.cards.length;
      this.announce(() => t('rule.added', { n }));
      card.focus();
    });
  }

  fill(rules: unknown): void {
    this.cards = [];
    this.list.replaceChildren();
    for (const rule of Array.isArray(rules) ? rules : []) this.add(rule && typeof rule === 'object' ? (rule as Record<string, unknown>) : {});
    this.renumber();
  }

  read(): Array<Record<string, unknown>> {
    return this.cards.map((c) => c.read());
  }

  clearProblems(): void {
    for (const card of this.cards) card.clearErrors();
    this.error.textContent = '';
    this.error.hidden = true;
  }

  /** Shows a rules problem in place and returns what should take focus; undefined when it is not about the rules. */
  showProblem(problem: string): HTMLElement | undefined {
    const parsed = parseProblem(problem);
    if (!parsed) return undefined;
    const card = parsed.index === undefined ? undefined : this.cards[parsed.index];
    if (card) return card.showError(parsed.field, parsed.message);
    this.error.textContent = this.error.textContent ? `${this.error.textContent}\n${problem}` : problem;
    this.error.hidden = false;
    return this.addButton;
  }

  /** The problem in words a person can place: "Rule 2, body: …" (rules are numbered from 1 on the page). */
  describe(problem: string): string {
    const parsed = parseProblem(problem);
    if (parsed?.index === undefined) return problem;
    const known = Object.hasOwn(FIELD_NAMES, parsed.field) ? FIELD_NAMES[parsed.field] : undefined;
    const field = known ? t(known) : parsed.field;
    const n = parsed.index + 1;
    return field ? t('rule.problemInField', { n, field, message: parsed.message }) : t('rule.problemIn', { n, message: parsed.message });
  }

  private add(rule: Record<string, unknown>): RuleCard {
    const card = new RuleCard((c, button) => this.onButton(c, button));
    card.fill(rule);
    this.cards.push(card);
    this.list.append(card.element);
    this.renumber();
    return card;
  }

  private onButton(card: RuleCard, button: CardButton): void {
    const from = this.cards.indexOf(card);
    if (button === 'remove') {
      this.cards.splice(from, 1);
      card.element.remove();
      this.renumber();
      this.announce(() => t('rule.removed', { n: from + 1 }));
      (this.cards[from] ?? this.cards[from - 1])?.focus();
      if (this.cards.length === 0) this.addButton.focus();
      return;
    }
    const to = button === 'up' ? from - 1 : from + 1;
    const other = this.cards[to];
    if (!other) return;
    [this.cards[from], this.cards[to]] = [other, card];
    if (button === 'up') other.element.before(card.element);
    else other.element.after(card.element);
    this.renumber();
    this.announce(() => t('rule.moved', { n: to + 1 }));
    // The pressed button keeps focus unless it just became disabled (first or last place).
    (card.buttons[button].disabled ? card.buttons[button === 'up' ? 'down' : 'up'] : card.buttons[button]).focus();
  }

  private renumber(): void {
    this.cards.forEach((card, i) => card.setPosition(i, this.cards.length));
    this.empty.hidden = this.cards.length > 0;
  }

  private announce(wording: Wording): void {
    setStatus(this.status, wording);
  }
}
