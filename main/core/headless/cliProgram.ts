// The `servicebell` command line: headless mode, credentials, check, config. Shared by the `servicebell` bin
// (main/cli.ts) and the packaged app's binary (main/index.ts hands CLI arguments here, since RunAsNode is off).
import { Command, CommanderError, Option } from 'commander';
import { heldClock } from '../connection/clock.js';
import { withTimeout } from '../connection/timeout.js';
import { createLogger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import { appVersion } from './packageInfo.js';
import { startHeadless } from './headlessSession.js';
import { createPlatformNotifier } from '../notify/platformNotifier.js';
import { createSystemOpener } from '../links/linkOpener.js';
import { defaultAppDir, defaultConfigFile, defaultLogDir } from '../settings/paths.js';
import { upgradeSettingsFile } from '../settings/settingsFile.js';
import { watchSettingsFile } from '../settings/settingsWatcher.js';
import { sourceFactories } from '../sources/registry.js';
import { registerCredentialCommands } from './credentialCommands.js';
import { registerCheckCommand } from './checkCommand.js';
import { registerConfigRestaurantsCommand } from './configRestaurantsCommand.js';
import { registerDiagnosticsCommand } from './diagnosticsCommand.js';

/** The most a clean stop may take (close connections, flush history and cursors); held, so it always fires. */
const SHUTDOWN_DEADLINE_MS = 15_000;

/** The headless mode's log file in the log folder (the tray app writes `servicebell.log` there). */
export const HEADLESS_LOG = 'headless';

/** Exit status for invalid settings or arguments. */
const EXIT_CONFIG = 2;

/** The commands the `servicebell` command line knows (the packaged app checks its arguments against these). */
export const CLI_COMMANDS = ['headless', 'credentials', 'check', 'config', 'diagnostics'] as const;

/**
 * The exit status for what commander stopped on: 0 for --help and --version, 2 for every invalid command line
 * (unknown command or option, missing or excess argument, no command at all), as the README promises.
 */
export function cliExitCode(err: CommanderError): number {
  return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : EXIT_CONFIG;
}

/** Commander calls process.exit (with 1 for usage errors) unless told to throw; callers then exit with `cliExitCode`. */
export function throwInsteadOfExit(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) throwInsteadOfExit(sub);
}

export function buildCliProgram(): Command {
  const version = appVersion();
  const program = new Command('servicebell')
    .description('Servicebell: restaurant notifications from Vonage Conversations and PrivMX Bridge')
    .version(version, '-V, --version')
    // `-v` too: the packaged app's wrappers have always passed it on.
    .addOption(new Option('-v', 'output the version number').hideHelp())
    .showHelpAfterError();
  program.on('option:v', () => {
    process.stdout.write(`${version}\n`);
    throw new CommanderError(0, 'commander.version', version);
  });

  program
    .command('headless')
    .description('run without a tray: connect, notify, until SIGINT/SIGTERM')
    .addOption(new Option('--config <file>', 'settings file').default(defaultConfigFile(), 'the tray app’s config.json'))
    .addOption(new Option('--data-dir <dir>', 'history, cursors and state').default(defaultAppDir(), 'the tray app’s folder'))
    .option('--json', 'one JSON object per line on stdout (status, alert, action)', false)
    .action(async (opts: { config: string; dataDir: string; json: boolean }) => {
      const logger = createLogger({ file: { dir: defaultLogDir(), name: HEADLESS_LOG } });
      // An older settings file is rewritten in the current version once it validates (backup next to it).
      const upgrade = await upgradeSettingsFile(opts.config);
      if (upgrade.status === 'upgraded') logger.info({ config: opts.config, from: upgrade.from, backup: upgrade.backup }, 'settings file upgraded to version 2');
      if (upgrade.status === 'not_written') logger.warn(upgrade.problem);
      const read = upgrade.read;
      if (read.status === 'invalid' || read.status === 'unparseable') {
        const problems = read.status === 'invalid' ? read.problems : [read.problem];
        process.stderr.write(`servicebell: ${opts.config} has problems:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
        process.exitCode = EXIT_CONFIG;
        return;
      }
      if (read.status === 'missing') logger.info({ config: opts.config }, 'no settings file: using defaults (all sources disabled)');
      // Signals first: a stop asked for during start-up must still close connections and flush history.
      let stopRequested: string | undefined;
      let stdoutClosed = false;
      const stopper: { stop?: (signal: string) => void } = {};
      const onSignal = (signal: string): void => {
        if (stopper.stop) stopper.stop(signal);
        else stopRequested ??= signal;
      };
      process.on('SIGINT', () => onSignal('SIGINT'));
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      // `servicebell headless --json | head -c 10`: once the reader is gone, stop as on a signal (history flushed,
      // connections closed, exit 0) instead of dying on the EPIPE. Later writes fail the same way: one stop only.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (stdoutClosed) return;
        stdoutClosed = true;
        if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') logger.info('stdout was closed; stopping');
        else logger.error({ error: safeErrorMessage(err) }, 'stdout failed; stopping');
        onSignal('stdout closed');
      });
      // The headless mode runs until told to stop, even with every source disabled.
      const keepAlive = setInterval(() => {}, 1 << 30);
      const session = await startHeadless({
        settings: read.settings,
        dataDir: opts.dataDir,
        json: opts.json,
        stdout: process.stdout,
        logger,
        notifier: await createPlatformNotifier(logger),
        opener: createSystemOpener(),
        sources: sourceFactories,
      });
      // Edits to the settings file apply while running: only the sources whose section changed reconnect.
      // The watcher compares the file with what started (`current`) as soon as it watches, so an edit saved
      // while the sources were starting is applied too.
      const watcher = watchSettingsFile({
        file: opts.config,
        current: read.settings,
        onChange: (settings) => {
          logger.info({ config: opts.config }, 'settings changed; applying');
          session.core.applySettings(settings).catch((err: unknown) => {
            logger.error({ error: safeErrorMessage(err) }, 'could not apply the changed settings; keeping the running ones');
          });
        },
        onInvalid: (problems) => logger.warn({ problems }, 'settings file changed but is invalid; keeping the running settings'),
      });
      let stopping = false;
      stopper.stop = (signal) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'stopping');
        clearInterval(keepAlive);
        watcher.close();
        withTimeout(session.stop(), SHUTDOWN_DEADLINE_MS, () => new Error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s`), heldClock).then(
          () => process.exit(0),
          (err: unknown) => {
            logger.error({ error: safeErrorMessage(err) }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      if (stopRequested) stopper.stop(stopRequested);
    });

  const config = program.command('config').description('settings file commands');
  config
    .command('path')
    .description('print the settings file location')
    .action(() => {
      process.stdout.write(`${defaultConfigFile()}\n`);
    });
  registerConfigRestaurantsCommand(config);

  registerCredentialCommands(program);
  registerCheckCommand(program);
  registerDiagnosticsCommand(program);
  return program;
}
