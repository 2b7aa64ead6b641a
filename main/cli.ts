#!/usr/bin/env node
// Headless/CLI composition root: the `servicebell` bin. The commands live in core/headless/cliProgram.ts.
import { safeErrorMessage } from './core/log/redact.js';
import { buildCliProgram } from './core/headless/cliProgram.js';

buildCliProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`servicebell: ${safeErrorMessage(err)}\n`);
    process.exit(1);
  });
