#!/usr/bin/env node
// Headless/CLI composition root: the `servicebell` bin. The commands live in core/headless/cliProgram.ts.
import { CommanderError } from 'commander';
import { safeErrorMessage } from './core/log/redact.js';
import { buildCliProgram, cliExitCode, throwInsteadOfExit } from './core/headless/cliProgram.js';

const program = buildCliProgram();
throwInsteadOfExit(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander has printed the help, the version or the usage problem; let stdout drain, then exit.
    process.exitCode = cliExitCode(err);
    return;
  }
  process.stderr.write(`servicebell: ${safeErrorMessage(err)}\n`);
  process.exit(1);
});
