// A stand-in `electron` module for running the real composition root (main/index.ts) under plain Node: each API
// call the app makes is printed as one JSON line on stdout; commands on stdin play OS events.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';

const log = (kind, data = {}) => process.stdout.write(`${JSON.stringify({ kind, ...data })}\n`);

class App extends EventEmitter {
  dock = undefined;
  requestSingleInstanceLock = () => true;
  whenReady = () => Promise.resolve();
  getPath = (name) => path.join(process.env.SB_FAKE_ROOT ?? '/tmp', name);
  getAppPath = () => process.cwd();
  getVersion = () => '0.0.0-test';
  getName = () => 'Servicebell';
  setAppUserModelId = (id) => log('appUserModelId', { id });
  setAsDefaultProtocolClient = () => true;
  getLoginItemSettings = () => ({ openAtLogin: false });
  setLoginItemSettings = () => {};
  quit = () => {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    log('quit', { prevented });
  };
  exit = (code) => {
    log('exit', { code });
    process.exit(code);
  };
}
export const app = new App();

class WebContents extends EventEmitter {
  setWindowOpenHandler = (handler) => log('windowOpenHandler', { result: handler({ url: 'https://example.com' }) });
  send = (channel, payload) => log('send', { channel, payload });
}
export class BrowserWindow extends EventEmitter {
  webContents = new WebContents();
  constructor(options) {
    super();
    log('window', { webPreferences: options.webPreferences });
  }
  loadURL = async (url) => log('loadURL', { url });
  show = () => {};
  focus = () => {};
  isDestroyed = () => false;
  isMinimized = () => false;
  restore = () => {};
}

export const Menu = { buildFromTemplate: (template) => template };
export class Tray extends EventEmitter {
  constructor(image) {
    super();
    log('tray', { image });
  }
  setImage = (image) => log('trayImage', { image });
  setToolTip = (text) => log('tooltip', { text });
  setTitle = () => {};
  setContextMenu = (menu) => log('menu', { labels: menu.map((i) => i.label ?? '-') });
}
export class Notification extends EventEmitter {
  static isSupported = () => true;
  show = () => {};
  close = () => {};
}
export const ipcMain = { handle: (channel) => log('ipc', { channel }), removeHandler: () => {}, on: () => {} };
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true });
export const net = { isOnline: () => true };
export const powerMonitor = new EventEmitter();
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => log('schemes', { schemes }),
  handle: (scheme) => log('protocol', { scheme }),
};
export const safeStorage = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => handler(null, 'media', (ok) => log('permission', { media: ok })),
    setPermissionCheckHandler: () => {},
  },
};
export const shell = { openExternal: async (url) => log('openExternal', { url }) };
export default { app, BrowserWindow, Menu, Tray, Notification, ipcMain, nativeTheme, net, powerMonitor, protocol, safeStorage, session, shell };

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'second-instance') app.emit('second-instance', {}, ['servicebell'], process.cwd(), {});
  if (line === 'resume') powerMonitor.emit('resume');
  if (line === 'quit') app.quit();
});
