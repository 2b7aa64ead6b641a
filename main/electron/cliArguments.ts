import { CLI_COMMANDS } from '../core/headless/cliProgram.js';

/**
 * The packaged app is also the `servicebell` command on installed machines (the RunAsNode fuse is off, so the CLI
 * cannot run through the binary any other way): `Servicebell credentials set NAME`, `… check`, `… headless`.
 * Returns the CLI arguments when the app was started as a command, undefined for a normal (tray) launch.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  // `electron .` (development) puts the app path before the user's arguments; a packaged app does not.
  const userArgs = argv.slice(defaultApp ? 2 : 1);
  const first = userArgs[0];
  return first !== undefined && (CLI_COMMANDS as readonly string[]).includes(first) ? userArgs : undefined;
}
