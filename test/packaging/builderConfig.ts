import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO } from './packStage.js';

const require = createRequire(import.meta.url);
// electron-builder's own YAML reader (js-yaml, also an electron-updater dependency).
const yaml = require('js-yaml') as { load(text: string): unknown };

/** electron-builder.yml exactly as written. */
export function readBuilderYaml(): Configuration {
  return yaml.load(readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as Configuration;
}

/** electron-builder.yml as electron-builder resolves it (normalised `files`, any package.json `build` key merged). */
export function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(REPO, null, null);
}
