// Typed test doubles for the parts of the `electron` module the main-process adapters use. Each one `satisfies` the
// real typings (electron.d.ts), so a change in Electron's API breaks the type check here, not in production.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, Dialog, IpcMain, IpcMainInvokeEvent, MenuItemConstructorOptions, MessageBoxOptions, MessageBoxReturnValue, NotificationConstructorOptions, Shell } from 'electron';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { silentLogger } from '../../main/core/log/logger.js';
import type { Notifier } from '../../main/core/notify/notifier.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import type { LinkOpener } from '../../main/core/links/linkOpener.js';
import type { MessageBoxPort } from '../../main/electron/aboutDialog.js';
import { readToast, type ToastView } from './fakeElectron/toastXml.mjs';
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
  /**
   * Which platform this double plays (Electron's options are per platform, electron.d.ts): on win32 a `toastXml`
   * supersedes every other option and is read as Windows reads it (malformed or off-schema: `failed`); on darwin it
   * is ignored and `silent`/`sound` decide the sound.
   */
  static platform: 'darwin' | 'win32' | 'linux' = 'darwin';
  shown = false;
  closed = false;
  /** Windows' view of the toast, once shown on win32 with a `toastXml`. */
  toast: ToastView | undefined;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
    // Electron ignores every other option once `toastXml` is given: a test passing `actions` with it would be lying.
    if (options.toastXml !== undefined && (options.actions?.length ?? 0) > 0) throw new Error('actions are ignored when toastXml is set');
    FakeNotification.created.push(this);
  }
  /**
   * The buttons as the platform shows them (docs/api/structures/notification-action.md): macOS the `actions`
   * buttons; Windows with `toastXml` the XML's `<action content>`; Linux none (Electron adds only a default "View").
   */
  get buttons(): string[] {
    if (FakeNotification.platform === 'linux') return [];
    if (FakeNotification.platform === 'win32' && this.options.toastXml !== undefined) {
      // Windows draws a system "dismiss" action with its own (localised) word.
      return [...this.options.toastXml.matchAll(/<action content="([^"]*)" activationType="(\w+)"/g)].map((m) =>
        m[2] === 'system' ? 'Dismiss' : (m[1] ?? '').replace(/&amp;/g, '&'),
      );
    }
    return (this.options.actions ?? []).filter((a) => a.type === 'button').map((a) => a.text ?? '');
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  /** How many of the next notifications fail as macOS reports one it was not allowed to show (`failed`). */
  static failNext = 0;
  show(): void {
    this.shown = true;
    if (FakeNotification.platform === 'win32' && this.options.toastXml !== undefined) {
      try {
        this.toast = readToast(this.options.toastXml);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        queueMicrotask(() => this.emit('failed', {}, `the toast XML was refused: ${why}`));
        return;
      }
    }
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
  /** The sound a person hears: a sound name, 'default' (macOS's default), or null (silent). */
  heard(): string | null {
    if (FakeNotification.platform === 'win32') return this.toast ? this.toast.sound : this.options.silent ? null : 'Notification.Default';
    if (this.options.silent) return null;
    return this.options.sound ? this.options.sound : 'default';
  }
}
const _notificationCheck = new FakeNotification({}) satisfies NotificationLike;

/** dialog.showMessageBox as Electron 45 checks it; the person picks the button labelled `pick` (else: closes it). */
export class FakeDialog {
  readonly boxes: MessageBoxOptions[] = [];
  constructor(public pick?: string) {}
  async showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
    if (typeof options.message !== 'string') throw new TypeError('Message must be a string');
    const buttons = options.buttons ?? [];
    if (buttons.some((b) => typeof b !== 'string')) throw new TypeError('Buttons must be an array of strings');
    this.boxes.push(options);
    const picked = this.pick === undefined ? -1 : buttons.indexOf(this.pick);
    return { response: picked >= 0 ? picked : (options.cancelId ?? 0), checkboxChecked: false };
  }
}
const _dialogCheck = new FakeDialog() satisfies MessageBoxPort;
// The real dialog must fit the same port.
const _realDialogFits = (d: Pick<Dialog, 'showMessageBox'>): MessageBoxPort => d;

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
