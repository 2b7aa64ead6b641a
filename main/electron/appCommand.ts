// The app binary as the `servicebell` command. Electron's main process only warns about an unhandled rejection
// (and keeps running with no window and no tray), so every outcome here ends in an explicit exit code.
import { CommanderError, type Command } from 'commander';
import { safeErrorMessage } from '../core/log/redact.js';
import { cliExitCode, throwInsteadOfExit } from '../core/headless/cliProgram.js';

export interface AppCommandDeps {
  program: Command;
  /** `app.exit`: ends the process at once with this code. */
  exit(code: number): void;
  stderr: { write(text: string): unknown };
  /** Where command actions leave their status (process.exitCode). */
  exitCode(): number | undefined;
}


/**
 * Runs one command and exits: 0 or the command's status; 1 with a message on stderr when it throws (keychain
 * timeout, Ctrl-C at the hidden prompt, a failed headless start). `headless` keeps running once started: its
 * signal handlers end it.
 */
export async function runAppCommand(args: readonly string[], deps: AppCommandDeps): Promise<void> {
  throwInsteadOfExit(deps.program);
  let code: number | undefined;
  try {
    await deps.program.parseAsync([...args], { from: 'user' });
    const status = deps.exitCode() ?? 0;
    if (args[0] !== 'headless' || status !== 0) code = status;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed the help, the version or the usage problem.
      code = cliExitCode(err);
    } else {
      deps.stderr.write(`servicebell: ${safeErrorMessage(err)}\n`);
      code = 1;
    }
  }
  if (code !== undefined) deps.exit(code);
}
