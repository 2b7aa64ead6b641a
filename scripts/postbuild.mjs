// After tsc: make the CLI executable and copy the renderer's static files (HTML, CSS, icons) next to the JS.
import { chmodSync, cpSync, existsSync } from 'node:fs';

chmodSync('dist/main/cli.js', 0o755);
for (const dir of ['renderer/static', 'assets']) {
  if (existsSync(dir)) cpSync(dir, `dist/${dir}`, { recursive: true });
}
