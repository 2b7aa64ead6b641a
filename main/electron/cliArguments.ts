import { CLI_COMMANDS } from '../core/headless/cliProgram.js';

/** The CLI's own top-level options: with one of these first, the binary answers as the command, not the tray. */
const CLI_OPTIONS = ['--help', '-h', '--version', '-V', '-v'];

/**
 * The packaged app is also the `servicebell` command on installed machines (the RunAsNode fuse is off, so the CLI
 * cannot run through the binary any other way): `Servicebell credentials set NAME`, `… check`, `… --help`.
 * Chromium's switches stay in `process.argv` (Electron does not remove them), so leading ones such as
 * `--no-sandbox` or `--ozone-platform=headless` (what the Linux wrapper `servicebell` passes when there is no
 * display) are skipped before the command is looked for.
 * Returns the CLI arguments when the app was started as a command, undefined for a normal (tray) launch.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  // `electron .` (development) puts the app path before the user's arguments; a packaged app does not.
  const userArgs = argv.slice(defaultApp ? 2 : 1);
  const start = userArgs.findIndex((a) => !a.startsWith('-') || CLI_OPTIONS.includes(a));
  if (start < 0) return undefined;
  const first = userArgs[start] ?? '';
  // `help` is commander's implicit command (`servicebell help check`).
  const isCommand = (CLI_COMMANDS as readonly string[]).includes(first) || first === 'help' || CLI_OPTIONS.includes(first);
  return isCommand ? userArgs.slice(start) : undefined;
}
