import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'coverage/', 'docs/', '.cache/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A test beside a page may compare it with the core (the same id form, the same defaults); the page itself may not.
    files: ['renderer/**/*.ts'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      // The windows talk to main only through the preload contract; data both sides need lives in common/.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', 'electron'], message: 'the renderer must not import main/ or electron: use preload/contract.ts or common/' }] }],
    },
  },
  {
    // Plain data shared by main and the windows: it imports nothing of either side.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**', 'electron'], message: 'common/ imports nothing from main, renderer or preload' }] }],
    },
  },
  {
    // The core must stay electron-free: it runs headless and under plain Node tests.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'main/core must not import electron' }] }],
    },
  },
);
