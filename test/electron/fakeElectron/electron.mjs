// A stand-in `electron` module for running the real composition root (main/index.ts) under plain Node: each API
// call the app makes is printed as one JSON line on stdout; commands on stdin play OS events.
//
// It is strict where a real Electron 45 is (docs/api/*.md and shell/browser in electron/electron):
// - `app.whenReady()` resolves on a later tick, never during the main script's first run;
// - `Tray`, `BrowserWindow`, `Notification`, `protocol.handle`, `session.defaultSession` and `powerMonitor` throw
//   before ready; `protocol.registerSchemesAsPrivileged` throws after it;
// - `loadURL('app://…')` fails (`did-fail-load`, rejected promise, no `ready-to-show`) unless
//   `protocol.handle('app', …)` ran first; otherwise the handler is asked for the page;
// - an unhandled rejection is only a warning (Electron runs with `--unhandled-rejections=warn-with-error-code`) and
//   the main process keeps running until `app.exit`/`app.quit`, as Electron's event loop does;
// - `electron .` sets `process.defaultApp` and puts the app path at argv[1];
// - `dialog.showSaveDialog` throws before ready and resolves `{canceled, filePath}` (the path comes from
//   SB_FAKE_SAVE_PATH, as if the person picked it; unset: cancelled); `dialog.showMessageBox` throws before ready and
//   refuses a message that is not a string or buttons that are not strings; `clipboard.writeText` takes a string only and returns a promise;
// - on win32 a Notification's `toastXml` is read as Windows reads it (./toastXml.mjs): a malformed one emits `failed`;
// - on darwin a tray click with a context menu set emits `click` and then opens the menu
//   (shell/browser/ui/tray_icon_cocoa.mm); a relaunch emits `activate` (applicationShouldHandleReopen).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { readToast } from './toastXml.mjs';

const log = (kind, data = {}) => process.stdout.write(`${JSON.stringify({ kind, ...data })}\n`);

process.defaultApp = true;
process.on('unhandledRejection', (reason) => {
  process.exitCode = 1;
  log('unhandledRejection', { message: reason instanceof Error ? reason.message : String(reason) });
  process.stderr.write(`(electron) UnhandledPromiseRejectionWarning: ${reason instanceof Error ? reason.message : String(reason)}\n`);
});
// Electron's main process does not end when the script's work is done.
const keepAlive = setInterval(() => {}, 1 << 30);

let ready = false;
const requireReady = (what) => {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
};
const readyDelayMs = Number(process.env.SB_FAKE_READY_MS ?? 0);

class App extends EventEmitter {
  dock = undefined;
  commandLine = { appendSwitch: (name, value) => log('switch', { name, value }), hasSwitch: () => false };
  #readyPromise = new Promise((resolve) =>
    setTimeout(() => {
      ready = true;
      log('ready');
      this.emit('ready', {}, {});
      resolve();
      // A second launch that lands while start() is still awaiting its first steps.
      if (process.env.SB_FAKE_EARLY_SECOND_INSTANCE) {
        setImmediate(() => this.emit('second-instance', {}, ['servicebell', ...process.env.SB_FAKE_EARLY_SECOND_INSTANCE.split(' ').filter((a) => a !== '1')], process.cwd(), {}));
      }
    }, readyDelayMs),
  );
  isPackaged = false;
  isReady = () => ready;
  requestSingleInstanceLock = () => true;
  whenReady = () => this.#readyPromise;
  getPath = (name) => path.join(process.env.SB_FAKE_ROOT ?? '/tmp', name);
  getAppPath = () => process.cwd();
  getVersion = () => '0.0.0-test';
  /** Electron 45: the OS's preferred languages (BCP 47); SB_FAKE_LANGUAGES="pl-PL,en-US" plays a Polish desktop. */
  getPreferredSystemLanguages = () => (process.env.SB_FAKE_LANGUAGES ?? 'en-US').split(',').filter(Boolean);
  getName = () => 'Servicebell';
  setAppUserModelId = (id) => log('appUserModelId', { id });
  setAsDefaultProtocolClient = () => true;
  getLoginItemSettings = () => ({ openAtLogin: false });
  setLoginItemSettings = () => {};
  quit = () => {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    log('quit', { prevented });
    if (!prevented) this.exit(0);
  };
  exit = (code) => {
    clearInterval(keepAlive);
    log('exit', { code });
    process.exit(code);
  };
}
export const app = new App();

const handlers = new Map();
let nextWindowId = 1;

class WebContents extends EventEmitter {
  setWindowOpenHandler = (handler) => log('windowOpenHandler', { result: handler({ url: 'https://example.com' }) });
  send = (channel, payload) => log('send', { channel, payload });
}
export class BrowserWindow extends EventEmitter {
  webContents = new WebContents();
  #destroyed = false;
  constructor(options) {
    super();
    requireReady('BrowserWindow');
    this.id = nextWindowId++;
    log('window', { id: this.id, webPreferences: options.webPreferences });
  }
  loadURL = async (url) => {
    log('loadURL', { id: this.id, url });
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = handlers.get(scheme);
    if (!handler && !['http', 'https', 'file', 'data'].includes(scheme)) {
      // Chromium: net::ERR_UNKNOWN_URL_SCHEME (-302); the page never paints, so no ready-to-show.
      this.webContents.emit('did-fail-load', {}, -302, 'ERR_UNKNOWN_URL_SCHEME', url, true);
      log('loadFailed', { id: this.id, url });
      throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    }
    const response = handler ? await handler(new Request(url)) : new Response('');
    log('loaded', { id: this.id, url, status: response.status });
    this.webContents.emit('did-finish-load');
    setImmediate(() => this.emit('ready-to-show'));
  };
  show = () => log('windowShown', { id: this.id });
  focus = () => log('windowFocused', { id: this.id });
  destroy = () => {
    this.#destroyed = true;
    log('windowDestroyed', { id: this.id });
    this.emit('closed');
  };
  close = () => this.destroy();
  isDestroyed = () => this.#destroyed;
  isMinimized = () => false;
  restore = () => {};
}

export const Menu = { buildFromTemplate: (template) => template };
const trays = [];
export class Tray extends EventEmitter {
  #menu = undefined;
  constructor(image) {
    super();
    requireReady('Tray');
    trays.push(this);
    log('tray', { image });
  }
  setImage = (image) => log('trayImage', { image });
  setToolTip = (text) => log('tooltip', { text });
  setTitle = () => {};
  setContextMenu = (menu) => {
    this.#menu = menu;
    log('menu', { labels: menu.map((i) => i.label ?? '-') });
  };
  /** A click on the context menu item with this label (submenus searched), as Electron calls `click(item, window, event)`. */
  menuClick = (label) => {
    const find = (items) => {
      for (const item of items ?? []) {
        if (item.label === label) return item;
        const inner = find(item.submenu);
        if (inner) return inner;
      }
      return undefined;
    };
    const item = find(this.#menu);
    if (!item?.click || item.enabled === false) return log('menuClickIgnored', { label });
    item.click(item, undefined, {});
  };
  /** A left click as the platform delivers it. */
  userClick = () => {
    this.emit('click', {}, {}, {});
    if (process.platform === 'darwin' && this.#menu) log('menuOpened', {});
  };
}
export class Notification extends EventEmitter {
  static isSupported = () => true;
  constructor(options) {
    super();
    requireReady('Notification');
    // With toastXml Electron ignores every other option, actions included (docs/api/notification.md).
    if (options.toastXml !== undefined && (options.actions?.length ?? 0) > 0) throw new Error('actions are ignored when toastXml is set');
    this.options = options;
    // Buttons exist on macOS (actions) and Windows (the toast XML's actions); on Linux Electron shows none.
    const buttons =
      process.platform === 'darwin'
        ? (options.actions ?? []).filter((a) => a.type === 'button').map((a) => a.text ?? '')
        : process.platform === 'win32' && options.toastXml
          ? [...options.toastXml.matchAll(/<action content="([^"]*)"/g)].map((m) => m[1])
          : [];
    log('notification', { title: options.title, buttons });
  }
  show = () => {
    // Windows loads a toastXml with XmlDocument.LoadXml; Electron reports `failed` for one it refuses (our wording).
    if (process.platform !== 'win32' || this.options?.toastXml === undefined) return;
    try {
      readToast(this.options.toastXml);
    } catch (err) {
      queueMicrotask(() => this.emit('failed', {}, `the toast XML was refused: ${err.message}`));
    }
  };
  close = () => {};
}
export const ipcMain = { handle: (channel) => log('ipc', { channel }), removeHandler: () => {}, on: () => {} };
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: true });
export const net = { isOnline: () => true };
const powerMonitorEmitter = new EventEmitter();
export const powerMonitor = new Proxy(powerMonitorEmitter, {
  get(target, prop) {
    requireReady('powerMonitor');
    const value = Reflect.get(target, prop);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    log('schemes', { schemes });
  },
  handle: (scheme, handler) => {
    requireReady('protocol.handle');
    handlers.set(scheme, handler);
    log('protocol', { scheme });
  },
};
export const safeStorage = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' };
const defaultSession = {
  setPermissionRequestHandler: (handler) => handler(null, 'media', (ok) => log('permission', { media: ok })),
  setPermissionCheckHandler: () => {},
};
export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};
export const shell = { openExternal: async (url) => log('openExternal', { url }) };
let clipboardText = '';
// Electron 45's clipboard is promise-based, modelled on navigator.clipboard (electron.d.ts).
export const clipboard = {
  writeText: async (text) => {
    if (typeof text !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure from ' + typeof text);
    clipboardText = text;
    log('clipboard', { text });
  },
  readText: async () => clipboardText,
};
const MESSAGE_BOX_TYPES = ['none', 'info', 'warning', 'error', 'question'];
/** Electron 45's dialog.showMessageBox([window, ]options) checks (lib/browser/api/dialog.ts): a string message, an array of string buttons. */
export function checkMessageBoxOptions(options) {
  if (typeof options !== 'object' || options === null) throw new TypeError('Options must be an object');
  if (typeof options.message !== 'string') throw new TypeError('Message must be a string');
  const buttons = options.buttons ?? [];
  if (!Array.isArray(buttons) || buttons.some((b) => typeof b !== 'string')) throw new TypeError('Buttons must be an array of strings');
  if (options.type !== undefined && !MESSAGE_BOX_TYPES.includes(options.type)) throw new TypeError('Invalid message box type');
  for (const key of ['title', 'detail']) if (options[key] !== undefined && typeof options[key] !== 'string') throw new TypeError(`${key} must be a string`);
  for (const key of ['defaultId', 'cancelId']) if (options[key] !== undefined && !Number.isInteger(options[key])) throw new TypeError(`${key} must be an integer`);
  return buttons;
}
export const dialog = {
  // The person picks the button labelled SB_FAKE_MESSAGE_BOX_BUTTON; unset (or no such button): closes it (cancelId).
  showMessageBox: async (windowOrOptions, maybeOptions) => {
    requireReady('dialog');
    const options = maybeOptions ?? windowOrOptions;
    const buttons = checkMessageBoxOptions(options);
    log('messageBox', { type: options.type, title: options.title, message: options.message, detail: options.detail, buttons });
    const picked = buttons.indexOf(process.env.SB_FAKE_MESSAGE_BOX_BUTTON ?? '');
    return { response: picked >= 0 ? picked : (options.cancelId ?? 0), checkboxChecked: false };
  },
  showSaveDialog: async (windowOrOptions, maybeOptions) => {
    requireReady('dialog');
    const options = maybeOptions ?? windowOrOptions ?? {};
    log('saveDialog', { title: options.title, defaultPath: options.defaultPath });
    const filePath = process.env.SB_FAKE_SAVE_PATH;
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
  },
};
export default { app, BrowserWindow, Menu, Tray, Notification, clipboard, dialog, ipcMain, nativeTheme, net, powerMonitor, protocol, safeStorage, session, shell };

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, ...rest] = line.split(' ');
  if (command === 'second-instance') app.emit('second-instance', {}, ['servicebell', ...rest], process.cwd(), {});
  if (command === 'activate') app.emit('activate', {}, false);
  if (command === 'tray-click') trays.at(-1)?.userClick();
  if (command === 'menu') trays.at(-1)?.menuClick(rest.join(' '));
  if (command === 'resume') powerMonitorEmitter.emit('resume');
  if (command === 'quit') app.quit();
});
