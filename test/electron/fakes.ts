// Typed test doubles for the parts of the `electron` module the main-process adapters use. Each one `satisfies` the
// real typings (electron.d.ts), so a change in Electron's API breaks the type check here, not in production.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent, MenuItemConstructorOptions, NotificationConstructorOptions, Shell } from 'electron';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { silentLogger } from '../../main/core/log/logger.js';
import type { Notifier } from '../../main/core/notify/notifier.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import type { LinkOpener } from '../../main/core/links/linkOpener.js';
import type { NotificationLike } from '../../main/electron/electronNotifier.js';
import type { TrayLike } from '../../main/electron/trayController.js';
import type { WindowLike } from '../../main/electron/windows.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';

export function tempDir(prefix = 'sb-electron-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export class FakeTray extends EventEmitter {
  image = '';
  tooltip = '';
  title = '';
  menu: MenuItemConstructorOptions[] = [];
  setImage(image: string | Electron.NativeImage): void {
    this.image = String(image);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: MenuItemConstructorOptions[]): void {
    this.menu = menu;
  }
}
const _trayCheck = new FakeTray() satisfies TrayLike<MenuItemConstructorOptions[]>;

export class FakeNotification extends EventEmitter {
  static supported = true;
  static created: FakeNotification[] = [];
  static autoShow = true;
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
    FakeNotification.created.push(this);
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  /** How many of the next notifications fail as macOS reports one it was not allowed to show (`failed`). */
  static failNext = 0;
  show(): void {
    this.shown = true;
    if (FakeNotification.failNext > 0) {
      FakeNotification.failNext--;
      queueMicrotask(() => this.emit('failed', {}, 'Notification was not delivered: not authorized'));
      return;
    }
    if (FakeNotification.autoShow) queueMicrotask(() => this.emit('show', {}));
  }
  close(): void {
    this.closed = true;
    this.emit('close', {});
  }
}
const _notificationCheck = new FakeNotification({}) satisfies NotificationLike;

export class FakeShell {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}
const _shellCheck = new FakeShell() satisfies Pick<Shell, 'openExternal'>;

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler as a renderer would, from a frame at `url` (null: the frame is gone). */
  invoke(channel: string, payload: unknown, url: string | null = 'app://servicebell/settings.html'): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(handler(event, payload));
  }
}
const _ipcCheck = new FakeIpcMain() satisfies Pick<IpcMain, 'handle' | 'removeHandler'>;

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | undefined;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  url = '';
  destroyed = false;
  focused = 0;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  /** Set to make the next load fail as Chromium does: did-fail-load, then a rejected loadURL. */
  failLoad: { code: number; description: string } | undefined;
  async loadURL(url: string): Promise<void> {
    this.url = url;
    const failure = this.failLoad ?? FakeBrowserWindow.failNextLoad;
    FakeBrowserWindow.failNextLoad = undefined;
    if (failure) {
      this.webContents.emit('did-fail-load', {}, failure.code, failure.description, url, true);
      throw new Error(`${failure.description} (${failure.code}) loading '${url}'`);
    }
  }
  static failNextLoad: { code: number; description: string } | undefined;
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  show(): void {}
  focus(): void {
    this.focused++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
}
const _windowCheck = new FakeBrowserWindow({}) satisfies WindowLike;

/** A real core on a temporary folder, with no sources unless given. */
export async function openCore(options: {
  /** Any settings file content: version 2, or an older one (migrated as on disk). */
  settings?: Record<string, unknown>;
  notifier?: Notifier;
  opener?: LinkOpener;
  sources?: SourceFactory[];
  dataDir?: string;
}): Promise<ServicebellCore> {
  const parsed = parseSettings(options.settings ?? {});
  if (!parsed.ok) throw new Error(`test settings are invalid: ${parsed.problems.join('; ')}`);
  return ServicebellCore.open({
    settings: parsed.settings,
    dataDir: options.dataDir ?? tempDir(),
    notifier: options.notifier ?? new RecordingNotifier(),
    opener: options.opener ?? { open: async () => {} },
    getSecret: async () => undefined,
    logger: silentLogger(),
    sources: options.sources ?? [],
  });
}
