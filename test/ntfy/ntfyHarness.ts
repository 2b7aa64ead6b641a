// ntfy source tests: a real ntfy server (deny-all, users, tokens, an on-disk cache), its HTTP publishing API as the
// restaurant backend, the source under test feeding the real pipeline.
import { silentLogger, type Logger } from '../../main/core/log/logger.js';
import { NtfySource, type NtfySourceOptions, type NtfyTiming } from '../../main/core/sources/ntfy/ntfySource.js';
import type { NtfyUser } from '../harness/servers/ntfyServer.js';
import type { PipelineSink } from '../push/pipelineSink.js';

/** ntfy refuses a keepalive interval under 5 s; the source is told the same interval. */
export const KEEPALIVE = '5s';

export const FAST_NTFY_TIMING: Partial<NtfyTiming> = {
  connectTimeoutMs: 2_000,
  keepaliveSeconds: 5,
  messageTimeoutMs: 5_000,
  backoff: { baseMs: 50, maxMs: 300 },
  rateLimitBackoff: { baseMs: 300, maxMs: 1_000, minMs: 300 },
  authRetryMs: 300,
  stopTimeoutMs: 500,
  // The default is 5 s; 1 s lets the replay test put its "before the first start" message 2 s earlier, not 6.
  replaySlackSeconds: 1,
};

export const TOPIC = 'r1-alerts';
export const OTHER_TOPIC = 'r2-alerts';
export const POS = 'pos-r1';
export const BACKEND = 'backend';
/** The PC of restaurant r1 may only read its own topic; the backend may publish to every restaurant's topic. */
export const USERS: NtfyUser[] = [
  { username: POS, password: 'pos-r1-pw', access: { [TOPIC]: 'read-only' } },
  { username: 'pos-r2', password: 'pos-r2-pw', access: { [OTHER_TOPIC]: 'read-only' } },
  { username: BACKEND, password: 'backend-pw', access: { [TOPIC]: 'read-write', [OTHER_TOPIC]: 'read-write' } },
];

export function options(baseUrl: string, extra: Partial<NtfySourceOptions> = {}): NtfySourceOptions {
  return { enabled: true, baseUrl, topics: [TOPIC], ...extra };
}

export function makeSource(sink: PipelineSink, o: NtfySourceOptions, secret: string | undefined, extra: { logger?: Logger; timing?: Partial<NtfyTiming> } = {}): NtfySource {
  return new NtfySource({
    options: o, secret: async () => secret, sink, cursors: sink.cursors, logger: extra.logger ?? silentLogger(),
    timing: { ...FAST_NTFY_TIMING, ...extra.timing },
  });
}
