// What `servicebell check` does, imported only when that command runs: the probes of every source kind (and their
// libraries) stay out of the headless mode's start-up.
import type { Command } from 'commander';
import { createLogger } from '../log/logger.js';
import { redact } from '../log/redact.js';
import { environmentLanguages, resolveLanguage } from '../../../common/i18n/languages.js';
import { createTranslator } from '../../../common/i18n/translator.js';
import { checkTextFor } from '../text/checkText.js';
import { runChecks, type CheckLine } from '../check/connectionCheck.js';
import { connectionProbes } from '../check/probes.js';
import { probeDataFolder } from '../storage/dataFolderProbe.js';
import { readSettingsFile } from '../settings/settingsFile.js';
import { createSecretResolver } from './headlessSession.js';

const EXIT_CONFIG = 2;

export function formatCheckLine(line: CheckLine): string {
  const mark = !line.ok ? 'FAIL' : line.warning ? 'warn' : 'ok  ';
  return `${mark} ${line.name}: ${redact(line.detail)}`;
}

/** One line per check, printed as each is known; exit 0 only when all pass. */
export async function runCheckCommand(opts: { config: string; dataDir: string }, command: Command): Promise<void> {
  const print = (line: CheckLine): void => void process.stdout.write(`${formatCheckLine(line)}\n`);
  // The lines a person reads speak ui.language, else the POSIX locale (LC_ALL, LC_MESSAGES, LANG), else English;
  // until the settings are read, the locale alone decides.
  const translatorFor = (setting: string) => createTranslator(resolveLanguage(setting, environmentLanguages(process.env)));
  let t = translatorFor('auto');
  let text = checkTextFor(t);
  // Belt and braces: should the event loop ever drain with a check still pending, say so instead of exiting 0.
  let finished = false;
  const onBeforeExit = (): void => {
    if (finished) return;
    finished = true;
    print({ name: text.checkName, ok: false, detail: text.endedEarly });
    process.exitCode = 1;
  };
  process.once('beforeExit', onBeforeExit);
  const read = await readSettingsFile(opts.config);
  const explicit = command.getOptionValueSource('config') !== 'default';
  if (read.status === 'invalid' || read.status === 'unparseable' || (read.status === 'missing' && explicit)) {
    const problems = read.status === 'invalid' ? read.problems : read.status === 'unparseable' ? [read.problem] : [];
    const head = read.status === 'missing' ? text.noSettingsFile(opts.config) : opts.config;
    process.stdout.write(`FAIL ${text.settingsName}: ${head}\n${problems.map((p) => `     ${p}\n`).join('')}`);
    finished = true;
    process.exitCode = EXIT_CONFIG;
    return;
  }
  t = translatorFor(read.settings.ui.language);
  text = checkTextFor(t);
  const settingsLine: CheckLine =
    read.status === 'missing'
      ? { name: text.settingsName, ok: true, warning: true, detail: text.noSettingsFileDefaults(opts.config) }
      : text.settingsValid;
  const ids = read.settings.restaurants.map((r) => r.id);
  const secrets = await createSecretResolver(createLogger({ level: 'error' }), process.env, () => ids);
  const lines = await runChecks(read.settings, (ref) => secrets.locate(ref), connectionProbes, {
    settingsLine,
    keychainProblem: secrets.keychainProblem,
    onLine: print,
    translator: t,
  });
  // A full disk or read-only data folder: alerts would still show, but history and cursors would not be saved.
  const data = await probeDataFolder(opts.dataDir, text);
  const dataLine: CheckLine = { name: text.dataFolderName, ...data };
  print(dataLine);
  finished = true;
  process.exitCode = [...lines, dataLine].every((l) => l.ok) ? 0 : 1;
}
