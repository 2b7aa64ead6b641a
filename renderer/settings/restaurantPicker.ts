// "Restaurant: [Trattoria ▾]" on the sections that show one restaurant's part (Rules, Advanced): which restaurant the
// section is showing, and a way to switch without going back to the list. Hidden with one restaurant.
import { el } from '../dom.js';

export class RestaurantPicker {
  constructor(
    private readonly select: HTMLSelectElement,
    private readonly wrapper: HTMLElement,
    /** Where the section names the restaurant ("Rules of Trattoria"). */
    private readonly caption: HTMLElement,
    private readonly words: (name: string) => string,
    pick: (index: number) => void,
  ) {
    select.addEventListener('change', () => pick(Number(select.value)));
  }

  render(names: readonly string[], selected: number): void {
    this.select.replaceChildren(...names.map((name, i) => el('option', { text: name, attrs: { value: String(i) } })));
    this.select.value = String(selected);
    this.wrapper.hidden = names.length < 2;
    this.caption.textContent = this.words(names[selected] ?? '');
  }
}
