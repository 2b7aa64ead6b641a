import { promises as fs } from 'node:fs';
import path from 'node:path';
import { redact } from './redact.js';

/** The newest `maxBytes` of a rotating log (`name.log.1` then `name.log`), from a line start, redacted again. */
export async function recentLog(dir: string, name: string, maxBytes = 256 * 1024): Promise<string> {
  const base = path.join(dir, `${name}.log`);
  const parts: string[] = [];
  for (const file of [`${base}.1`, base]) {
    try {
      parts.push(await fs.readFile(file, 'utf8'));
    } catch {
      // not written yet
    }
  }
  let text = parts.join('');
  if (Buffer.byteLength(text) > maxBytes) {
    text = text.slice(-maxBytes);
    const firstLine = text.indexOf('\n');
    text = firstLine >= 0 ? text.slice(firstLine + 1) : text;
  }
  return redact(text);
}
