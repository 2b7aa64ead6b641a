// The list of restaurants at the top of the settings window: one button per restaurant to edit it (the one being
// edited is marked), its muted state and problem count, and buttons to move it. The page keeps the drafts.
import { el } from '../dom.js';
import { nameOf, type Draft } from './restaurantDrafts.js';
import { RESTAURANT_TEXT as T } from './restaurantText.js';

export interface RestaurantListActions {
  select(index: number): void;
  move(from: number, to: number): void;
}

export class RestaurantList {
  constructor(
    private readonly list: HTMLOListElement,
    private readonly actions: RestaurantListActions,
  ) {}

  render(drafts: readonly Draft[], selected: number, problems: readonly number[]): void {
    this.list.replaceChildren(...drafts.map((draft, i) => this.row(draft, i, drafts.length, i === selected, problems[i] ?? 0)));
  }

  /** Focus after a re-render: the restaurant's edit button, or the move button pressed if it is still enabled. */
  focus(index: number, button: 'select' | 'up' | 'down' = 'select'): void {
    const row = this.list.children[index];
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-action="${button}"]`);
    (wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLButtonElement>('[data-action="select"]'))?.focus();
  }

  private row(draft: Draft, index: number, count: number, current: boolean, problems: number): HTMLLIElement {
    const name = T.heading(nameOf(draft));
    const notes = [draft.data.muted === true ? T.muted : '', problems > 0 ? T.problems(problems) : ''].filter(Boolean);
    const select = el('button', { className: 'restaurant-select', attrs: { type: 'button', 'data-action': 'select', 'aria-label': [T.select(name), ...notes].join(', ') } }, [
      el('span', { className: 'restaurant-name', text: name }),
      ...notes.map((note) => el('span', { className: note === T.muted ? 'restaurant-note' : 'restaurant-note problem', text: note })),
    ]);
    if (current) select.setAttribute('aria-current', 'true');
    select.addEventListener('click', () => this.actions.select(index));
    const up = el('button', { text: T.up, attrs: { type: 'button', 'data-action': 'up', 'aria-label': T.moveUp(name) } });
    const down = el('button', { text: T.down, attrs: { type: 'button', 'data-action': 'down', 'aria-label': T.moveDown(name) } });
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    up.addEventListener('click', () => this.actions.move(index, index - 1));
    down.addEventListener('click', () => this.actions.move(index, index + 1));
    return el('li', { className: current ? 'restaurant current' : 'restaurant', attrs: { 'data-restaurant': String(draft.data.id ?? '') } }, [select, el('div', { className: 'buttons' }, [up, down])]);
  }
}
