// `npm run test:e2e`: the Playwright `_electron` specs against a real Electron binary, on any OS (test/e2e).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Outside Linux this runs in the portable session (a fresh home, no private bus): the specs need none there.
process.env.SERVICEBELL_TEST_PORTABLE_CONFIG = '1';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000 } });
