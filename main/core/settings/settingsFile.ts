import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { settingsSchema, type Settings } from './schema.js';
import { migrateSettings } from './migrations.js';

export type SettingsReadResult =
  | { status: 'ok'; settings: Settings; migratedFrom?: number }
  | { status: 'missing'; settings: Settings }
  | { status: 'invalid'; problems: string[] }
  | { status: 'unparseable'; problem: string };

/** `privmx.rules[0].match` */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out || '(root)';
}

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
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', settings: settingsSchema.parse({}) };
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { status: 'unparseable', problem: `${file} is not valid JSON: ${(err as Error).message}` };
  }
  const result = parseSettings(raw);
  if (!result.ok) return { status: 'invalid', problems: result.problems };
  return { status: 'ok', settings: result.settings, migratedFrom: result.migratedFrom };
}
