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
  // Wide enough for one-line rows with their buttons; short enough for a 768-pixel laptop screen with a taskbar.
  history: { title: 'Servicebell History', width: 900, height: 700 },
};

type PreventableEvent = { preventDefault(): void };
/** The part of BrowserWindow used here (the real class satisfies it; see main/index.ts). */
export type WindowLike = Pick<BrowserWindow, 'loadURL' | 'show' | 'focus' | 'isDestroyed' | 'isMinimized' | 'restore' | 'destroy'> & {
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  webContents: Pick<BrowserWindow['webContents'], 'setWindowOpenHandler' | 'send'> & {
    on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
    on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
    on(
      event: 'did-fail-load',
      listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
    ): unknown;
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

  constructor(
    private readonly deps: {
      BrowserWindow: WindowConstructor;
      preloadPath: string;
      onCreated?(page: PageName, win: WindowLike): void;
      /** A page that failed to load: its window was dropped, so the next ask creates a fresh one. */
      onLoadFailed?(page: PageName, reason: string): void;
    },
  ) {}

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
    // A page that fails to load never reaches ready-to-show: keeping its window would leave "Settings…" focusing an
    // invisible window for good. Drop it instead.
    win.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (isMainFrame) this.drop(page, win, `${description} (${code})`);
    });
    this.open.set(page, win);
    this.deps.onCreated?.(page, win);
    // loadURL also rejects on a failed load; did-fail-load above handles it.
    win.loadURL(`${APP_ORIGIN}/${page}.html`).catch(() => {});
    return win;
  }

  /** Whether the page has a live window (shown, or still loading). */
  isOpen(page: PageName): boolean {
    const win = this.open.get(page);
    return win !== undefined && !win.isDestroyed();
  }

  private drop(page: PageName, win: WindowLike, reason: string): void {
    if (this.open.get(page) === win) this.open.delete(page);
    if (!win.isDestroyed()) win.destroy();
    this.deps.onLoadFailed?.(page, reason);
  }

  /** Sends a contract event to every open window. */
  broadcast<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const win of this.open.values()) if (!win.isDestroyed()) win.webContents.send(channel, payload);
  }
}
