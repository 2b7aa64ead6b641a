import path from 'node:path';
import { runChecks, type CheckLine, type ConnectionProbe } from '../check/connectionCheck.js';
import { recentLog } from '../log/recentLog.js';
import type { SecretResolver } from '../secrets/secretResolver.js';
import { SECRET_NAMES } from '../secrets/secretNames.js';
import type { Settings } from '../settings/schema.js';
import { diagnosticsBundle } from './diagnosticsBundle.js';

/** The log files a bundle includes: the tray app's and the headless mode's, in the log folder. */
export const LOG_NAMES = ['servicebell', 'headless'] as const;

export interface CollectDiagnosticsDeps {
  version: string;
  mode: string;
  runtime?: string;
  settingsFile: string;
  /** Undefined when the file could not be used; `checks` then says why. */
  settings?: Settings;
  /** The first check line (settings valid, missing, or why not). */
  settingsLine: CheckLine;
  secrets: SecretResolver;
  probes: readonly ConnectionProbe[];
  logDir: string;
  /** The running app's connection lines (see DiagnosticsInput.connections). */
  connections?: () => readonly string[];
  now?: () => number;
}

/** Runs `check`, reads the newest log lines and builds the redacted bundle. */
export async function collectDiagnostics(deps: CollectDiagnosticsDeps): Promise<string> {
  // Resolving every secret registers its value for redaction, so none can appear in the bundle.
  for (const restaurant of deps.settings?.restaurants ?? []) {
    for (const name of SECRET_NAMES) await deps.secrets.locate({ restaurant: restaurant.id, name }).catch(() => undefined);
  }
  const checks = deps.settings
    ? await runChecks(deps.settings, (ref) => deps.secrets.locate(ref), deps.probes, { settingsLine: deps.settingsLine, keychainProblem: deps.secrets.keychainProblem })
    : [deps.settingsLine];
  const logs = await Promise.all(LOG_NAMES.map(async (name) => ({ file: path.join(deps.logDir, `${name}.log`), text: await recentLog(deps.logDir, name) })));
  return diagnosticsBundle({
    version: deps.version,
    mode: deps.mode,
    runtime: deps.runtime,
    settingsFile: deps.settingsFile,
    settings: deps.settings,
    checks,
    connections: deps.connections?.(),
    logs,
    now: (deps.now ?? Date.now)(),
  });
}
