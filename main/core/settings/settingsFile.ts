import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { settingsSchema, type Settings } from './schema.js';
import { migrateSettings } from './migrations.js';
import { saveJsonFile } from '../storage/jsonFile.js';
import { parseSettingsJson } from './settingsJson.js';
import { formatPath } from './settingsPath.js';
import { withTimeout } from '../connection/timeout.js';
import { safeErrorMessage } from '../log/redact.js';

/** A local disk that does not answer within this is treated as failed (never a read or write pending forever). */
const DISK_MS = 10_000;

export type SettingsReadResult =
  | { status: 'ok'; settings: Settings; migratedFrom?: number }
  | { status: 'missing'; settings: Settings }
  | { status: 'invalid'; problems: string[] }
  | { status: 'unparseable'; problem: string };

export { formatPath };

/** One line per problem, each with its path: `restaurants[1] ("Bistro Mokotów").privmx.rules[0].match: unknown key "thraedId"`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): string[] {
  return issues.flatMap((issue) => {
    const where = formatPath(issue.path, input);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${where}: unknown key "${k}"`);
    return [`${where}: ${issue.message}`];
  });
}

export function parseSettings(raw: unknown): { ok: true; settings: Settings; migratedFrom?: number } | { ok: false; problems: string[] } {
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const parsed = settingsSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues, migrated.value) };
  return { ok: true, settings: parsed.data, migratedFrom: migrated.from };
}

/** Reads and validates a settings file without changing it. */
export async function readSettingsFile(file: string): Promise<SettingsReadResult> {
  return (await readWithText(file)).read;
}

/** The result, and the file's bytes when there were some (kept for the backup when upgrading). */
async function readWithText(file: string): Promise<{ read: SettingsReadResult; text?: string }> {
  let text: string;
  try {
    text = await withTimeout(fs.readFile(file, 'utf8'), DISK_MS, () => new Error(`${file}: no answer from the disk within ${DISK_MS} ms`));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { read: { status: 'missing', settings: settingsSchema.parse({}) } };
    if (code === 'EISDIR') return { read: { status: 'unparseable', problem: `${file} cannot be read (EISDIR): it is a folder, not a settings file` } };
    if (code === 'EACCES' || code === 'EPERM') return { read: { status: 'unparseable', problem: `${file} cannot be read (${code}: permission denied)` } };
    throw err;
  }
  return { read: readSettingsText(file, text), text };
}

function readSettingsText(file: string, text: string): SettingsReadResult {
  const json = parseSettingsJson(text);
  if (!json.ok) return { status: 'unparseable', problem: `${file} is not valid JSON: ${json.problem}` };
  const result = parseSettings(json.value);
  if (!result.ok) return { status: 'invalid', problems: result.problems };
  return { status: 'ok', settings: result.settings, migratedFrom: result.migratedFrom };
}

export type AppSettingsLoad =
  | { status: 'ok' | 'missing'; settings: Settings; migratedFrom?: number }
  | { status: 'recovered'; settings: Settings; movedTo: string; problems: string[] };

export type SettingsUpgrade =
  | { status: 'unchanged'; read: SettingsReadResult }
  | { status: 'upgraded'; read: SettingsReadResult & { status: 'ok' }; from: number; backup: string }
  | { status: 'not_written'; read: SettingsReadResult & { status: 'ok' }; from: number; problem: string };

/**
 * Reads the settings file and, when it is from an older version and the migrated settings validate, rewrites it in
 * the current version: the original bytes are kept next to it first (`config.json.v1.bak`, never overwritten: a
 * second upgrade gets `config.json.v1.bak-<time>`), then the new file replaces it atomically. A file that does not
 * validate is left exactly as it is. A failed write is reported, never thrown: the migrated settings still apply.
 */
export async function upgradeSettingsFile(file: string, now: () => number = Date.now): Promise<SettingsUpgrade> {
  const { read, text } = await readWithText(file);
  if (read.status !== 'ok' || read.migratedFrom === undefined || text === undefined) return { status: 'unchanged', read };
  const from = read.migratedFrom;
  try {
    const backup = await writeBackup(`${file}.v${from}.bak`, text, now);
    await withTimeout(saveJsonFile(file, read.settings), DISK_MS, () => new Error(`no answer from the disk within ${DISK_MS} ms`));
    return { status: 'upgraded', read, from, backup };
  } catch (err) {
    return { status: 'not_written', read, from, problem: `${file} was not upgraded (${safeErrorMessage(err)}); the migrated settings apply for this run` };
  }
}

/** Exclusive create, so an earlier backup is never replaced. */
async function writeBackup(wanted: string, text: string, now: () => number): Promise<string> {
  for (const candidate of [wanted, `${wanted}-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`]) {
    try {
      await withTimeout(fs.writeFile(candidate, text, { flag: 'wx', mode: 0o600 }), DISK_MS, () => new Error(`no answer from the disk within ${DISK_MS} ms`));
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`backups ${wanted} and its timestamped twin already exist`);
}

/**
 * The tray app's start-up read: a file it cannot use is never overwritten; it is moved aside to
 * `config.json.corrupt-<time>` and the app starts on defaults, saying so.
 */
export async function loadSettingsForApp(file: string, now: () => number = Date.now, onWarning: (message: string) => void = () => {}): Promise<AppSettingsLoad> {
  const upgrade = await upgradeSettingsFile(file, now);
  if (upgrade.status === 'not_written') onWarning(upgrade.problem);
  const read = upgrade.read;
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
