import { writeSync } from 'node:fs';
import pino from 'pino';
import { humanLogLine } from './humanLogLine.js';
import { redact, redactValue } from './redact.js';
import { RotatingLogFile } from './rotatingLogFile.js';

export type Logger = pino.Logger;

export interface LoggerOptions {
  level?: string;
  /** Replaces stderr (tests). */
  destination?: pino.DestinationStream;
  /** Also write JSON lines to a rotating, size-capped file `<dir>/<name>.log`. */
  file?: { dir: string; name: string; maxBytes?: number };
  /** Human-readable lines on stderr instead of JSON; default: when stderr is a terminal. */
  human?: boolean;
}

function stderrDestination(human: boolean): pino.DestinationStream {
  if (!human) return pino.destination({ fd: 2, sync: true });
  return { write: (line: string) => void writeSync(2, humanLogLine(line)) };
}

/**
 * Logs go to stderr (fd 2) so that stdout stays a clean JSON-lines stream in headless `--json` mode; with `file`,
 * to a rotating file as well. Every message and every binding passes through `redact` first, so the file and the
 * terminal get the same redacted lines. Times are ISO 8601.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.SERVICEBELL_LOG_LEVEL ?? 'info';
  const streams: pino.StreamEntry[] = [{ level: 'trace', stream: options.destination ?? stderrDestination(options.human ?? process.stderr.isTTY === true) }];
  let fileProblem: string | undefined;
  if (options.file) {
    try {
      streams.push({ level: 'trace', stream: new RotatingLogFile(options.file) });
    } catch (err) {
      fileProblem = err instanceof Error ? err.message : String(err);
    }
  }
  const logger = pino(
    {
      name: 'servicebell',
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((a) => (typeof a === 'string' ? redact(a) : redactValue(a)));
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (obj) => redactValue(obj) as Record<string, unknown>,
      },
    },
    pino.multistream(streams),
  );
  if (fileProblem) logger.warn({ problem: fileProblem }, 'cannot write the log file; logging to stderr only');
  return logger;
}

/** A logger that drops everything; for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
