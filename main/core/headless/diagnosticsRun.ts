// What `servicebell diagnostics` does, imported only when that command runs (it probes every enabled connection).
import { promises as fs } from 'node:fs';
import type { CheckLine } from '../check/connectionCheck.js';
import { connectionProbes } from '../check/probes.js';
import { collectDiagnostics } from '../diagnostics/collectDiagnostics.js';
import { createLogger } from '../log/logger.js';
import { defaultLogDir } from '../settings/paths.js';
import { readSettingsFile } from '../settings/settingsFile.js';
import { createSecretResolver } from './headlessSession.js';
import { appVersion } from './packageInfo.js';

/** The support bundle on stdout, or in a file (readable by its owner only) with `output`. */
export async function runDiagnosticsCommand(opts: { config: string; output?: string }): Promise<void> {
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
}
