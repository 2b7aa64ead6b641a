import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultAppDir, defaultConfigFile } from '../settings/paths.js';

/** `servicebell check`: one line per check, printed as each is known; exit 0 only when all pass (see checkRun.ts). */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('validate settings, find each secret and probe each enabled connection once')
    .addOption(new Option('--config <file>', 'settings file').default(defaultConfigFile(), 'the tray app’s config.json'))
    .addOption(new Option('--data-dir <dir>', 'history, cursors and state').default(defaultAppDir(), 'the tray app’s folder'))
    .action(async (opts: { config: string; dataDir: string }, command: Command) => (await import('./checkRun.js')).runCheckCommand(opts, command));
}
