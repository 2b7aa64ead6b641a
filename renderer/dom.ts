// Every piece of data reaches the page as text: elements are built here and filled with textContent only.
import type { ServicebellApi } from '../preload/contract.js';
import { onLanguage, t } from './i18n.js';

declare global {
  interface Window {
    servicebell: ServicebellApi;
  }
}

export function api(): ServicebellApi {
  return window.servicebell;
}

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { text?: string; className?: string; attrs?: Attrs } = {},
  children: ReadonlyArray<Node> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`page is missing #${id}`);
  return node as T;
}

/** A status line's wording: made again in the window's language after each switch ("Saved." becomes "Zapisano."). */
export type Wording = () => string;

/** Status lines showing a wording now; a switch of language writes each of them again. */
const worded = new Map<HTMLElement, Wording>();
onLanguage(() => {
  for (const [node, wording] of worded) {
    if (node.isConnected) node.textContent = wording();
    else worded.delete(node);
  }
});

/**
 * Shows a status line. Give our own texts as a wording (`() => t('settings.saved')`), so the line follows a language
 * switch; a plain string (empty, or text that is not ours) stays as it is.
 */
export function setStatus(node: HTMLElement, text: string | Wording, tone: 'ok' | 'error' | 'info' = 'info'): void {
  if (typeof text === 'string') worded.delete(node);
  else worded.set(node, text);
  const shown = typeof text === 'string' ? text : text();
  node.textContent = shown;
  node.dataset.tone = tone;
  node.hidden = shown === '';
}

/** Runs an async button action with the button disabled meanwhile; errors land in `status`. */
export function onClick(button: HTMLButtonElement, status: HTMLElement, action: () => Promise<void>): void {
  button.addEventListener('click', () => {
    button.disabled = true;
    action()
      .catch((err: unknown) => {
        const why = err instanceof Error ? err.message : String(err);
        setStatus(status, () => t('settings.somethingWrong', { why }), 'error');
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}
