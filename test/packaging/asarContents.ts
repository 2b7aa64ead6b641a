import asar from '@electron/asar';

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  unpacked?: boolean;
  link?: string;
}

export interface AsarFile {
  /** Path inside the archive, without a leading slash: `dist/main/cli.js`. */
  path: string;
  /** Stored next to the archive in `app.asar.unpacked/` instead of inside it. */
  unpacked: boolean;
}

/** Every file (not folder) recorded in an asar header, packed or unpacked. */
export function listAsarFiles(archive: string): AsarFile[] {
  const root = asar.getRawHeader(archive).header as unknown as HeaderNode;
  const out: AsarFile[] = [];
  const walk = (node: HeaderNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, p);
      else out.push({ path: p, unpacked: child.unpacked === true });
    }
  };
  walk(root, '');
  return out;
}

/** `node_modules/a/node_modules/b` → `b=b@1.2.3`, from the package.json each package folder holds in the archive. */
export function asarPackageIds(archive: string, files: readonly AsarFile[]): Set<string> {
  const ids = new Set<string>();
  for (const f of files) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\/package\.json$/.exec(f.path);
    if (!m?.[1] || !m[2]) continue;
    const pkg = JSON.parse(asar.extractFile(archive, f.path).toString('utf8')) as { name?: string; version?: string };
    // Nested package.json files inside a package (e.g. `dist/esm/package.json`) carry no name: not packages.
    if (pkg.name === undefined) continue;
    ids.add(`${m[2]}=${pkg.name}@${pkg.version ?? '?'}`);
  }
  return ids;
}
