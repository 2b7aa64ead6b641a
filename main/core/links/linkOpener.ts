import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Opens an already-vetted URL in the person's default browser. Only the pipeline calls it, after the link policy. */
export interface LinkOpener {
  open(url: string): Promise<void>;
}

/** Finds an executable on PATH without a shell (so PATH order decides, as a person's shell would). */
export function findOnPath(command: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function platformCommand(platform: NodeJS.Platform): { command: string; args: (url: string) => string[] } {
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  if (platform === 'win32') return { command: 'explorer.exe', args: (url) => [url] };
  return { command: 'xdg-open', args: (url) => [url] };
}

/** The headless opener: `xdg-open` (Linux), `open` (macOS), `explorer.exe` (Windows), started without a shell. */
export function createSystemOpener(platform: NodeJS.Platform = process.platform): LinkOpener {
  const { command, args } = platformCommand(platform);
  return {
    open(url) {
      const executable = findOnPath(command);
      if (!executable) return Promise.reject(new Error(`${command} was not found on PATH`));
      return new Promise((resolve, reject) => {
        const child = spawn(executable, args(url), { shell: false, stdio: 'ignore', detached: true });
        child.once('error', reject);
        child.once('spawn', () => {
          child.unref();
          resolve();
        });
      });
    },
  };
}
