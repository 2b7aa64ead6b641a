// Resolved instead of `electron` in unit tests (see vitest.config.ts). Tests that need Electron APIs pass a
// typed test double to the module under test; nothing may import the real module here.
throw new Error('electron is not available in unit tests: inject a test double instead');
