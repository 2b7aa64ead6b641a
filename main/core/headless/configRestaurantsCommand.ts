import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultConfigFile } from '../settings/paths.js';
import { readSettingsFile } from '../settings/settingsFile.js';

const EXIT_CONFIG = 2;

/** `servicebell config restaurants [--config FILE]`: the restaurant ids, one per line (for scripts such as provision.sh). */
export function registerConfigRestaurantsCommand(config: Command): void {
  config
    .command('restaurants')
    .description('print the restaurant ids of the settings file, one per line, then a tab and the name')
    .addOption(new Option('--config <file>', 'settings file').default(defaultConfigFile(), 'the tray app’s config.json'))
    .action(async (opts: { config: string }) => {
      const read = await readSettingsFile(opts.config);
      if (read.status === 'invalid' || read.status === 'unparseable') {
        const problems = read.status === 'invalid' ? read.problems : [read.problem];
        process.stderr.write(`servicebell: ${opts.config} has problems:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
        process.exitCode = EXIT_CONFIG;
        return;
      }
      for (const r of read.settings.restaurants) process.stdout.write(`${r.id}\t${r.name}\n`);
    });
}
