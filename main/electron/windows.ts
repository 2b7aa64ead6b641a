// The only place that creates windows: every window gets the same hardened options and handlers.
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebPreferences } from 'electron';
import type { EventChannel, EventPayload } from '../../preload/contract.js';
import { APP_ORIGIN } from './appProtocol.js';

export type PageName = 'settings' | 'history';

export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

const PAGES: Record<PageName, { title: string; width: number; height: number }> = {
  settings: { title: 'Servicebell Settings', width: 760, height: 820 },
  history: { title: 'Servicebell History', width: 680, height: 720 },
};

type PreventableEvent = { preventDefault(): void };
/** The part of BrowserWindow used here (the real class satisfies it; see main/index.ts). */
export type WindowLike = Pick<BrowserWindow, 'loadURL' | 'show' | 'focus' | 'isDestroyed' | 'isMinimized' | 'restore'> & {
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  webContents: Pick<BrowserWindow['webContents'], 'setWindowOpenHandler' | 'send'> & {
    on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
    on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  };
};
export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => WindowLike;

export function windowOptions(page: PageName, preloadPath: string): BrowserWindowConstructorOptions {
  const { title, width, height } = PAGES[page];
  return {
    title,
    width,
    height,
    minWidth: 480,
    minHeight: 400,
    show: false,
    autoHideMenuBar: true,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: preloadPath },
  };
}

/** Denies every permission a page might ask for, except showing notifications. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'notifications');
}

/** Opens each page at most once; asking again focuses the open window. */
export class WindowFactory {
  private readonly open = new Map<PageName, WindowLike>();

  constructor(private readonly deps: { BrowserWindow: WindowConstructor; preloadPath: string; onCreated?(page: PageName, win: WindowLike): void }) {}

  show(page: PageName): WindowLike {
    const existing = this.open.get(page);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return existing;
    }
    const win = new this.deps.BrowserWindow(windowOptions(page, this.deps.preloadPath));
    // Our pages never navigate; links leave only through the link policy in main.
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.on('will-attach-webview', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => this.open.delete(page));
    this.open.set(page, win);
    this.deps.onCreated?.(page, win);
    void win.loadURL(`${APP_ORIGIN}/${page}.html`);
    return win;
  }

  /** Sends a contract event to every open window. */
  broadcast<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const win of this.open.values()) if (!win.isDestroyed()) win.webContents.send(channel, payload);
  }
}
