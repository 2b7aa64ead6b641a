// Every piece of data reaches the page as text: elements are built here and filled with textContent only.
import type { ServicebellApi } from '../preload/contract.js';
import { t } from './i18n.js';

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

export function setStatus(node: HTMLElement, text: string, tone: 'ok' | 'error' | 'info' = 'info'): void {
  node.textContent = text;
  node.dataset.tone = tone;
  node.hidden = text === '';
}

/** Runs an async button action with the button disabled meanwhile; errors land in `status`. */
export function onClick(button: HTMLButtonElement, status: HTMLElement, action: () => Promise<void>): void {
  button.addEventListener('click', () => {
    button.disabled = true;
    action()
      .catch((err: unknown) => setStatus(status, t('settings.somethingWrong', { why: err instanceof Error ? err.message : String(err) }), 'error'))
      .finally(() => {
        button.disabled = false;
      });
  });
}
