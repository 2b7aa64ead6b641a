import type { Readable } from 'node:stream';

interface TtyLike extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * Reads a secret from stdin: on a terminal without echo (raw mode, until Enter), piped as the whole input
 * with one trailing newline removed.
 */
export async function readSecretInput(input: TtyLike, prompt: (text: string) => void): Promise<string> {
  if (input.isTTY && input.setRawMode) {
    prompt('Value (input hidden): ');
    input.setRawMode(true);
    input.resume();
    try {
      return await new Promise<string>((resolve, reject) => {
        let value = '';
        const onData = (chunk: Buffer): void => {
          for (const ch of chunk.toString('utf8')) {
            if (ch === '\r' || ch === '\n') {
              input.off('data', onData);
              resolve(value);
              return;
            }
            if (ch === '\u0003') {
              input.off('data', onData);
              reject(new Error('cancelled'));
              return;
            }
            if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
            else value += ch;
          }
        };
        input.on('data', onData);
      });
    } finally {
      input.setRawMode(false);
      input.pause();
      prompt('\n');
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
