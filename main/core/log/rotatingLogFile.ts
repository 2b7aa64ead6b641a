// A size-capped log file that rotates: `name.log`, then `name.log.1` … `name.log.<keep>` (oldest dropped).
// Written synchronously, line by line, so the last lines before a crash are on disk; a log is small (a few MB),
// which is why this is a dozen lines of renames rather than a worker-thread transport.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface RotatingLogFileOptions {
  dir: string;
  /** File name without `.log`. */
  name: string;
  /** Rotate when the current file reaches this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
}

export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
export const DEFAULT_LOG_KEEP = 3;

export class RotatingLogFile {
  readonly file: string;
  private fd: number;
  private size: number;
  private readonly maxBytes: number;
  private readonly keep: number;

  /** Throws when the folder cannot be created or the file cannot be opened; the caller logs to stderr only then. */
  constructor(options: RotatingLogFileOptions) {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.file = path.join(options.dir, `${options.name}.log`);
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.keep = options.keep ?? DEFAULT_LOG_KEEP;
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /** pino's DestinationStream: one serialized line per call. */
  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    try {
      writeSync(this.fd, line);
      this.size += bytes;
    } catch {
      // A full disk must not take the app down with its log; the line still went to stderr.
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    try {
      closeSync(this.fd);
      rmSync(`${this.file}.${this.keep}`, { force: true });
      for (let i = this.keep - 1; i >= 1; i -= 1) {
        try {
          renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
        } catch {
          // not there yet
        }
      }
      renameSync(this.file, `${this.file}.1`);
    } catch {
      // If a rename fails we keep appending to the same file rather than lose lines.
    }
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }
}
