// Bundles what cannot load ES modules from disk: the sandboxed preload (one CommonJS file, `electron` left to the
// runtime) and the two pages' scripts (plain IIFE files loaded by <script src>, so the CSP needs no inline code).
// Used by postbuild.mjs for dist/ and by the renderer tests for a temporary folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PAGES = ['settings', 'history'];

/** Writes `<outDir>/preload/index.cjs` and `<outDir>/renderer/static/<page>.js`. */
export async function buildBundles(outDir, { preload = true } = {}) {
  const common = { bundle: true, target: 'chrome120', logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
  if (preload) {
    await build({
      ...common,
      entryPoints: [path.join(root, 'preload/index.ts')],
      outfile: path.join(outDir, 'preload/index.cjs'),
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      minify: true, // the contract's zod schemas come along; the channel names are all the preload uses
    });
  }
  await build({
    ...common,
    entryPoints: Object.fromEntries(PAGES.map((p) => [p, path.join(root, `renderer/${p}.ts`)])),
    outdir: path.join(outDir, 'renderer/static'),
    platform: 'browser',
    format: 'iife',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundles(path.join(root, 'dist'));
