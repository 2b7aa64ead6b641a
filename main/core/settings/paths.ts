import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Servicebell';

/**
 * The folder Electron uses as `userData` for this app, computed without Electron so the headless mode reads and
 * writes the very same files: Linux `$XDG_CONFIG_HOME/Servicebell`, macOS `~/Library/Application Support/Servicebell`,
 * Windows `%APPDATA%\Servicebell`.
 */
export function defaultAppDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME ?? os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(defaultAppDir(env, platform), 'config.json');
}

/**
 * Where the log files go, the folder Electron's `app.getPath('logs')` gives: Linux `$XDG_CONFIG_HOME/Servicebell/logs`,
 * macOS `~/Library/Logs/Servicebell`, Windows `%APPDATA%\Servicebell\logs`. `SERVICEBELL_LOG_DIR` overrides it.
 */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SERVICEBELL_LOG_DIR) return env.SERVICEBELL_LOG_DIR;
  if (platform === 'darwin') return path.join(env.HOME ?? os.homedir(), 'Library', 'Logs', APP_FOLDER);
  return path.join(defaultAppDir(env, platform), 'logs');
}
