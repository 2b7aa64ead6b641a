// After tsc: make the CLI executable, copy the renderer's static files (HTML, CSS) and the icons next to the JS,
// then bundle the preload and the page scripts (see buildBundles.mjs).
import { chmodSync, cpSync, existsSync } from 'node:fs';
import { buildBundles } from './buildBundles.mjs';

chmodSync('dist/main/cli.js', 0o755);
for (const dir of ['renderer/static', 'assets']) {
  if (existsSync(dir)) cpSync(dir, `dist/${dir}`, { recursive: true });
}
await buildBundles('dist');
