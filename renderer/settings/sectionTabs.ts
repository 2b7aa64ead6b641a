// The settings window's sections as an ARIA tab list: one tab stop (the selected tab), arrow keys, Home and End move
// between tabs and show their panel at once; a tab can carry an "unsaved changes" mark.
export class SectionTabs {
  private readonly tabs: HTMLButtonElement[];

  constructor(list: HTMLElement) {
    this.tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const tab of this.tabs) tab.addEventListener('click', () => this.select(tab));
    list.addEventListener('keydown', (event) => this.key(event));
  }

  /** The panel shown now. */
  get current(): HTMLElement | undefined {
    const tab = this.tabs.find((t) => t.getAttribute('aria-selected') === 'true');
    return (tab && this.panelOf(tab)) ?? undefined;
  }

  /** Shows the panel that holds `node` (a field with a problem, say); false when no panel holds it. */
  reveal(node: Element): boolean {
    const panel = node.closest('[role="tabpanel"]');
    const tab = this.tabs.find((t) => t.getAttribute('aria-controls') === panel?.id);
    if (!tab) return false;
    this.select(tab);
    return true;
  }

  /** Marks (or unmarks) the tab of each panel id in `panels` as holding unsaved changes; the others are cleared. */
  markUnsaved(panels: ReadonlySet<string>): void {
    for (const tab of this.tabs) {
      const on = panels.has(tab.getAttribute('aria-controls') ?? '');
      tab.classList.toggle('unsaved', on);
      // A description, not part of the name: the tab (and its panel) keep their names.
      if (on) tab.setAttribute('aria-describedby', 'tab-unsaved-note');
      else tab.removeAttribute('aria-describedby');
    }
  }

  select(tab: HTMLButtonElement, focus = false): void {
    for (const other of this.tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = this.panelOf(other);
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
  }

  private key(event: KeyboardEvent): void {
    const at = this.tabs.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const last = this.tabs.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    const tab = to === undefined ? undefined : this.tabs[to];
    if (!tab) return;
    event.preventDefault();
    this.select(tab, true);
  }

  private panelOf(tab: HTMLButtonElement): HTMLElement | null {
    return document.getElementById(tab.getAttribute('aria-controls') ?? '');
  }
}
