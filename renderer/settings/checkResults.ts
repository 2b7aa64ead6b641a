// "Check connections" in the window: runs the core's check and shows each line in plain words, grouped by restaurant,
// with what to do and the technical line (for IT) behind a disclosure and in the tooltip.
import type { ServicebellApi } from '../../preload/contract.js';
import { el, onClick, setStatus } from '../dom.js';
import type { MessageKey } from '../../common/i18n/catalogues/en.js';
import { t } from '../i18n.js';
import { checkSummary, checkWords, type CheckLineIn, type CheckState } from './checkText.js';

const MARK: Record<CheckState, MessageKey> = { ok: 'window.check.mark.ok', warning: 'window.check.mark.warning', problem: 'window.check.mark.problem' };

/** Takes the person to a field: that restaurant (settings id; undefined: the only one), its section, the field. */
export type GoToField = (restaurant: string | undefined, field: string) => boolean;

function goButton(line: CheckLineIn, field: string, goTo: GoToField): HTMLButtonElement {
  const label = document.querySelector(`label[for="${field}"]`)?.textContent ?? t('window.check.theField');
  const button = el('button', { className: 'check-go', text: t('window.check.goTo', { label }), attrs: { type: 'button' } });
  button.addEventListener('click', () => void goTo(line.restaurant, field));
  return button;
}

function item(line: CheckLineIn, goTo: GoToField): HTMLLIElement {
  const said = checkWords(line);
  return el('li', { className: `check-line ${said.state}`, attrs: { title: said.technical } }, [
    el('p', { className: 'check-what' }, [el('strong', { className: 'check-mark', text: t('window.check.markLine', { mark: t(MARK[said.state]) }) }), el('span', { className: 'check-part', text: `${said.part} — ` }), document.createTextNode(said.words)]),
    ...(said.todo ? [el('p', { className: 'check-todo', text: t('window.check.whatToDo', { todo: said.todo }) })] : []),
    ...(said.field ? [goButton(line, said.field, goTo)] : []),
    el('details', { className: 'check-technical' }, [el('summary', { text: t('window.check.technical') }), el('code', { text: said.technical })]),
  ]);
}

/** The lines, one group per restaurant (in `names` order) after the lines about all of them. */
export function renderCheckResults(container: HTMLElement, lines: readonly CheckLineIn[], names: ReadonlyMap<string, string>, goTo: GoToField): void {
  const groups = new Map<string | undefined, CheckLineIn[]>([[undefined, []], ...[...names.keys()].map((id): [string, CheckLineIn[]] => [id, []])]);
  for (const line of lines) {
    const list = groups.get(line.restaurant) ?? [];
    groups.set(line.restaurant, list);
    list.push(line);
  }
  const several = lines.some((l) => l.restaurant !== undefined);
  container.replaceChildren(
    ...[...groups].filter(([, list]) => list.length > 0).map(([id, list]) => {
      const title = id === undefined ? (several ? t('window.check.allRestaurants') : [...names.values()][0] ?? t('window.check.restaurant')) : names.get(id) ?? id;
      return el('section', { className: 'check-group', attrs: { 'aria-label': title } }, [el('h3', { text: title }), el('ul', { className: 'check-lines' }, list.map((line) => item(line, goTo)))]);
    }),
  );
}

/**
 * Wires the button: results for the saved settings, with a reminder when the window holds unsaved changes. Returns
 * `relabel`, which shows the last results again in the window's language now.
 */
export function wireConnectionCheck(
  api: () => ServicebellApi,
  parts: { button: HTMLButtonElement; status: HTMLElement; results: HTMLElement },
  context: () => { names: ReadonlyMap<string, string>; unsaved: boolean },
  goTo: GoToField,
): { relabel(): void } {
  let last: { lines: Awaited<ReturnType<ServicebellApi['checkConnections']>>; names: ReadonlyMap<string, string>; unsaved: boolean } | undefined;
  const show = (): void => {
    if (!last) return;
    renderCheckResults(parts.results, last.lines, last.names, goTo);
    const summary = checkSummary(last.lines);
    const note = last.unsaved ? ` ${t('window.check.unsavedNote')}` : '';
    setStatus(parts.status, `${summary.text}${note}`, summary.ok ? 'ok' : 'error');
  };
  onClick(parts.button, parts.status, async () => {
    setStatus(parts.status, () => t('window.check.checking'));
    last = undefined;
    const lines = await api().checkConnections();
    last = { lines, ...context() };
    show();
  });
  return { relabel: show };
}
