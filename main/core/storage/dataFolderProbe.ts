import { promises as fs } from 'node:fs';
import path from 'node:path';
import { heldClock } from '../connection/clock.js';
import { withTimeout } from '../connection/timeout.js';
import { checkText, type CheckText } from '../text/checkText.js';

/** How long writing one small file to the data folder may take before `check` calls it a failure. */
const PROBE_DEADLINE_MS = 10_000;

export interface DataFolderResult {
  ok: boolean;
  detail: string;
}

/**
 * Whether history, cursors and the pause state can be saved: creates the folder if needed, writes and fsyncs a small
 * file, removes it. A full disk (ENOSPC), a read-only mount or missing permissions fail with the error's code.
 */
export async function probeDataFolder(dir: string, text: CheckText = checkText): Promise<DataFolderResult> {
  const file = path.join(dir, `.servicebell-check-${process.pid}`);
  const attempt = async (): Promise<void> => {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(file, 'w', 0o600);
    try {
      await handle.writeFile('servicebell check\n');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
  try {
    await withTimeout(attempt(), PROBE_DEADLINE_MS, () => new Error(`no answer within ${PROBE_DEADLINE_MS / 1000} s`), heldClock);
    return { ok: true, detail: text.dataWritable(dir) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason = e.code ? `${e.code} (${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')})` : e.message;
    return { ok: false, detail: text.dataNotWritable(dir, reason) };
  } finally {
    await fs.rm(file, { force: true }).catch(() => {});
  }
}
