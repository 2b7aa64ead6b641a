import type { Command } from 'commander';
import { Option } from 'commander';
import { createLogger } from '../log/logger.js';
import { redact } from '../log/redact.js';
import { keychainLine, runChecks } from '../check/connectionCheck.js';
import { connectionProbes } from '../check/probes.js';
import { defaultConfigFile } from '../settings/paths.js';
import { readSettingsFile } from '../settings/settingsFile.js';
import { createSecretResolver } from './headlessSession.js';

/** `servicebell check`: one line per check, exit 0 only when all pass. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('validate settings, find each secret and probe each enabled connection once')
    .addOption(new Option('--config <file>', 'settings file').default(defaultConfigFile(), 'the tray app’s config.json'))
    .action(async (opts: { config: string }) => {
      const read = await readSettingsFile(opts.config);
      if (read.status === 'invalid' || read.status === 'unparseable') {
        const problems = read.status === 'invalid' ? read.problems : [read.problem];
        process.stdout.write(`FAIL settings: ${opts.config}\n${problems.map((p) => `     ${p}`).join('\n')}\n`);
        process.exitCode = 2;
        return;
      }
      const secrets = await createSecretResolver(createLogger({ level: 'error' }));
      const lines = await runChecks(read.settings, (name) => secrets.locate(name), connectionProbes);
      const keychain = keychainLine(secrets.keychainProblem, lines);
      if (keychain) lines.splice(1, 0, keychain);
      for (const line of lines) process.stdout.write(`${line.ok ? 'ok  ' : 'FAIL'} ${line.name}: ${redact(line.detail)}\n`);
      process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
    });
}
