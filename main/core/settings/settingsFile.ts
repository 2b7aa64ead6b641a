import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { settingsSchema, type Settings } from './schema.js';
import { migrateSettings } from './migrations.js';
import { saveJsonFile } from '../storage/jsonFile.js';
import { parseSettingsJson } from './settingsJson.js';
import { formatPath } from './settingsPath.js';

export type SettingsReadResult =
  | { status: 'ok'; settings: Settings; migratedFrom?: number }
  | { status: 'missing'; settings: Settings }
  | { status: 'invalid'; problems: string[] }
  | { status: 'unparseable'; problem: string };

export { formatPath };

/** One line per problem, each with its path: `privmx.rules[0].match: unknown key "thraedId"`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${formatPath(issue.path)}: unknown key "${k}"`);
    return [`${formatPath(issue.path)}: ${issue.message}`];
  });
}

export function parseSettings(raw: unknown): { ok: true; settings: Settings; migratedFrom?: number } | { ok: false; problems: string[] } {
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const parsed = settingsSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues) };
  return { ok: true, settings: parsed.data, migratedFrom: migrated.from };
}

/** Reads and validates a settings file without changing it. */
export async function readSettingsFile(file: string): Promise<SettingsReadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'missing', settings: settingsSchema.parse({}) };
    if (code === 'EISDIR') return { status: 'unparseable', problem: `${file} cannot be read (EISDIR): it is a folder, not a settings file` };
    if (code === 'EACCES' || code === 'EPERM') return { status: 'unparseable', problem: `${file} cannot be read (${code}: permission denied)` };
    throw err;
  }
  const json = parseSettingsJson(text);
  if (!json.ok) return { status: 'unparseable', problem: `${file} is not valid JSON: ${json.problem}` };
  const result = parseSettings(json.value);
  if (!result.ok) return { status: 'invalid', problems: result.problems };
  return { status: 'ok', settings: result.settings, migratedFrom: result.migratedFrom };
}

export type AppSettingsLoad =
  | { status: 'ok' | 'missing'; settings: Settings; migratedFrom?: number }
  | { status: 'recovered'; settings: Settings; movedTo: string; problems: string[] };

/**
 * The tray app's start-up read: a file it cannot use is never overwritten; it is moved aside to
 * `config.json.corrupt-<time>` and the app starts on defaults, saying so.
 */
export async function loadSettingsForApp(file: string, now: () => number = Date.now): Promise<AppSettingsLoad> {
  const read = await readSettingsFile(file);
  if (read.status === 'ok' || read.status === 'missing') return read;
  const movedTo = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(file, movedTo);
  const problems = read.status === 'invalid' ? read.problems : [read.problem];
  return { status: 'recovered', settings: settingsSchema.parse({}), movedTo, problems };
}

/** Atomic write of validated settings (used by the headless side and tests; the tray app uses electron-store). */
export async function writeSettingsFile(file: string, settings: Settings): Promise<void> {
  await saveJsonFile(file, settingsSchema.parse(settings));
}
