import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

export type LoadResult<T> =
  | { status: 'missing'; value: T }
  | { status: 'ok'; value: T }
  /** The file could not be parsed or failed validation; it was moved to `movedTo` and `value` is the fallback. */
  | { status: 'corrupt'; value: T; movedTo: string; problem: string };

function timestampForFile(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/**
 * Reads a JSON file validated by `schema`. A file that is not JSON or does not validate is never overwritten:
 * it is renamed to `<file>.corrupt-<time>` and the fallback is returned, so the caller can warn and go on.
 */
export async function loadJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: () => z.output<S>,
  now: () => number = Date.now,
): Promise<LoadResult<z.output<S>>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', value: fallback() };
    throw err;
  }
  let problem: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { status: 'ok', value: parsed.data };
    problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  } catch (err) {
    problem = `not valid JSON (${(err as Error).message})`;
  }
  const movedTo = `${file}.corrupt-${timestampForFile(now())}`;
  await fs.rename(file, movedTo);
  return { status: 'corrupt', value: fallback(), movedTo, problem };
}

/**
 * Atomic write: temp file in the same folder, fsync, rename. A crash leaves the old or the new file, whole.
 * `compact` for machine-only files written often (history): serializing runs on the event loop, so it matters.
 */
export async function saveJsonFile(file: string, value: unknown, options: { compact?: boolean } = {}): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const text = options.compact ? JSON.stringify(value) : JSON.stringify(value, null, 2);
  await writeFileAtomic(file, `${text}\n`, { mode: 0o600 });
}
