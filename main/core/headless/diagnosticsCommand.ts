import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CheckLine } from '../check/connectionCheck.js';
import { connectionProbes } from '../check/probes.js';
import { collectDiagnostics } from '../diagnostics/collectDiagnostics.js';
import { createLogger } from '../log/logger.js';
import { defaultConfigFile, defaultLogDir } from '../settings/paths.js';
import { readSettingsFile } from '../settings/settingsFile.js';
import { createSecretResolver } from './headlessSession.js';
import { appVersion } from './packageInfo.js';

/** `servicebell diagnostics`: the support bundle on stdout, or in a file with `--output`. */
export function registerDiagnosticsCommand(program: Command): void {
  program
    .command('diagnostics')
    .description('a redacted support bundle: version, platform, settings, check results and the recent log')
    .addOption(new Option('--config <file>', 'settings file').default(defaultConfigFile(), 'the tray app’s config.json'))
    .option('--output <file>', 'write the bundle to this file (readable by you only) instead of stdout')
    .action(async (opts: { config: string; output?: string }) => {
      const read = await readSettingsFile(opts.config);
      let settingsLine: CheckLine;
      if (read.status === 'invalid' || read.status === 'unparseable') {
        settingsLine = { name: 'settings', ok: false, detail: (read.status === 'invalid' ? read.problems : [read.problem]).join('; ') };
      } else if (read.status === 'missing') {
        settingsLine = { name: 'settings', ok: true, warning: true, detail: `no settings file at ${opts.config}; using defaults` };
      } else {
        settingsLine = { name: 'settings', ok: true, detail: 'valid' };
      }
      const text = await collectDiagnostics({
        version: appVersion(),
        mode: 'command line',
        settingsFile: opts.config,
        settings: read.status === 'ok' || read.status === 'missing' ? read.settings : undefined,
        settingsLine,
        secrets: await createSecretResolver(createLogger({ level: 'error' })),
        probes: connectionProbes,
        logDir: defaultLogDir(),
      });
      if (opts.output) {
        await fs.writeFile(opts.output, text, { mode: 0o600 });
        process.stdout.write(`diagnostics saved to ${opts.output}\n`);
      } else {
        process.stdout.write(text);
      }
    });
}
