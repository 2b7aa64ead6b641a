import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultConfigFile } from '../settings/paths.js';

/** `servicebell diagnostics`: the support bundle on stdout, or in a file with `--output` (see diagnosticsRun.ts). */
export function registerDiagnosticsCommand(program: Command): void {
  program
    .command('diagnostics')
    .description('a redacted support bundle: version, platform, settings, check results and the recent log')
    .addOption(new Option('--config <file>', 'settings file').default(defaultConfigFile(), 'the tray app’s config.json'))
    .option('--output <file>', 'write the bundle to this file (readable by you only) instead of stdout')
    .action(async (opts: { config: string; output?: string }) => (await import('./diagnosticsRun.js')).runDiagnosticsCommand(opts));
}
