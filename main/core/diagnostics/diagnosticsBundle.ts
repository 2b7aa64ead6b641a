// "Copy diagnostics" / "Save diagnostics…" / `servicebell diagnostics`: one text a person can hand to support.
// Everything in it passes through the same redaction as the logs; secrets are never in it (they live in the keychain
// or the environment, and any value already resolved is registered for redaction).
import os from 'node:os';
import type { CheckLine } from '../check/connectionCheck.js';
import { redact, redactValue } from '../log/redact.js';
import type { Settings } from '../settings/schema.js';

export interface DiagnosticsInput {
  version: string;
  /** `tray app` or `headless`. */
  mode: string;
  /** e.g. `Electron 45.4.1`; Node's version is always included. */
  runtime?: string;
  settingsFile: string;
  /** Absent when the file could not be used (the check lines say why). */
  settings?: Settings;
  checks: readonly CheckLine[];
  /** The running app's connections as the tray shows them, each with its technical detail (absent: headless `diagnostics`). */
  connections?: readonly string[];
  /** The newest part of each log file. */
  logs: ReadonlyArray<{ file: string; text: string }>;
  now: number;
}

const mark = (line: CheckLine): string => (!line.ok ? 'FAIL' : line.warning ? 'warn' : 'ok  ');

export function diagnosticsBundle(input: DiagnosticsInput): string {
  const settings = input.settings ? JSON.stringify(redactValue(input.settings), null, 2) : '(not readable; see check)';
  const text = [
    'Servicebell diagnostics',
    `generated: ${new Date(input.now).toISOString()}`,
    `version: ${input.version} (${input.mode})`,
    `platform: ${process.platform} ${os.release()} ${process.arch}; Node ${process.versions.node}${input.runtime ? `; ${input.runtime}` : ''}`,
    '',
    '== check ==',
    ...input.checks.map((l) => `${mark(l)} ${l.name}: ${l.detail}`),
    '',
    ...(input.connections ? ['== connections now (what the tray says [state: technical detail]) ==', ...input.connections, ''] : []),
    `== settings (${input.settingsFile}; secrets are not part of the settings, phone numbers masked) ==`,
    settings,
    '',
    ...input.logs.flatMap((log) => [`== recent log (${log.file}) ==`, log.text.trimEnd() || '(empty)', '']),
  ].join('\n');
  return redact(text);
}

/** `servicebell-diagnostics-2026-12-02T13-05-01Z.txt` */
export function diagnosticsFileName(now: number): string {
  return `servicebell-diagnostics-${new Date(now).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.txt`;
}
