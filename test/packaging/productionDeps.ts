import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** Node's lookup: `<dir>/node_modules/<name>`, then each enclosing package's, up to the project root. */
function resolvePackage(root: string, fromDir: string, name: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root) return undefined;
    dir = path.dirname(dir);
    while (dir !== root && (path.basename(dir) === 'node_modules' || path.basename(dir).startsWith('@'))) dir = path.dirname(dir);
  }
}

/**
 * The installed production dependency closure of the project at `root`, as `folder=name@version` ids (the folder
 * name differs from the package name for npm aliases). Identified by version rather than path because
 * electron-builder re-hoists nested copies when it copies node_modules.
 */
export function productionPackageIds(root: string): Set<string> {
  const ids = new Set<string>();
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    const manifest = readManifest(dir);
    const optional = manifest.optionalDependencies ?? {};
    for (const name of Object.keys({ ...manifest.dependencies, ...optional })) {
      const found = resolvePackage(root, dir, name);
      if (!found) {
        if (name in optional) continue;
        throw new Error(`${name} (needed by ${manifest.name ?? dir}) is not installed`);
      }
      if (visited.has(found)) continue;
      visited.add(found);
      const dep = readManifest(found);
      ids.add(`${name}=${dep.name ?? name}@${dep.version ?? '?'}`);
      walk(found);
    }
  };
  walk(root);
  return ids;
}
