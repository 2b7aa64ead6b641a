// "Launch at login": the OS login items on macOS and Windows; an XDG autostart entry on Linux.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';

export interface LoginItem {
  get(): Promise<boolean>;
  set(enabled: boolean): Promise<void>;
}

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;
  /** The command that starts this app: [execPath] packaged, [execPath, appPath] unpackaged, $APPIMAGE for AppImages. */
  command: readonly string[];
  /** `$XDG_CONFIG_HOME/autostart` */
  autostartDir: string;
}

/** Quotes one argument for a desktop entry's Exec key (the spec's reserved characters inside double quotes). */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Servicebell',
    'Comment=Restaurant notifications in the tray',
    `Exec=${command.map(quoteExecArg).join(' ').replace(/%/g, '%%')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createLoginItem(deps: LoginItemDeps): LoginItem {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    return {
      get: async () => deps.app.getLoginItemSettings().openAtLogin,
      set: async (enabled) => deps.app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  const file = path.join(deps.autostartDir, 'servicebell.desktop');
  return {
    async get() {
      try {
        return (await fs.readFile(file, 'utf8')).includes('X-GNOME-Autostart-enabled=true');
      } catch {
        return false;
      }
    },
    async set(enabled) {
      if (!enabled) return fs.rm(file, { force: true });
      await fs.mkdir(deps.autostartDir, { recursive: true });
      await fs.writeFile(file, autostartEntry(deps.command), { mode: 0o644 });
    },
  };
}
