// Finds an Electron binary WITHOUT require('electron') (which would try to download one): the env override, then
// what electron's own install script records in node_modules/electron/path.txt.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string | undefined {
  const fromEnv = env.SERVICEBELL_ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const pathTxt = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return undefined;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
