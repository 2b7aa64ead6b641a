// `npm run test:portable`: the suite without what needs the Linux desktop session (test/portableSuite.ts).
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import { portableExcludes } from './test/portableSuite.js';
import base from './vitest.config.js';

process.env.SERVICEBELL_TEST_PORTABLE_CONFIG = '1';

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: [...configDefaults.exclude, ...portableExcludes(process.platform)] } }),
);
