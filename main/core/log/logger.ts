import pino from 'pino';
import { redact, redactValue } from './redact.js';

export type Logger = pino.Logger;

/**
 * Logs go to stderr (fd 2) so that stdout stays a clean JSON-lines stream in headless `--json` mode.
 * Every message and every binding passes through `redact` first.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      name: 'servicebell',
      level: options.level ?? process.env.SERVICEBELL_LOG_LEVEL ?? 'info',
      base: undefined,
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
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that drops everything; for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
