// `servicebell check` for ntfy: for each topic, one subscription without `since` (so nothing cached is fetched), held
// until the server's `open` event proves the server is reachable, the login is accepted and the topic readable; then
// closed. Never publishes.
import type { CheckLine, ConnectionProbe } from '../../check/connectionCheck.js';
import { heldClock } from '../../connection/clock.js';
import { withTimeout } from '../../connection/timeout.js';
import { safeErrorMessage } from '../../log/redact.js';
import { ntfyAuth, optionsProblem, topicStreamUrl, type NtfySourceOptions } from './ntfyOptions.js';
import { NtfyStream } from './ntfyStream.js';

export interface NtfyProbeOptions {
  /** The most the whole probe may take (every topic together). */
  deadlineMs?: number;
}

export async function probeNtfy(options: NtfySourceOptions, secret: () => Promise<string | undefined>, probe: NtfyProbeOptions = {}): Promise<CheckLine[]> {
  const deadlineMs = probe.deadlineMs ?? 20_000;
  const problem = optionsProblem(options);
  if (problem !== undefined) return [{ name: 'ntfy', ok: false, detail: problem }];
  const started = heldClock.now();
  const left = (): number => Math.max(1, deadlineMs - (heldClock.now() - started));
  let value: string | undefined;
  try {
    value = await withTimeout(secret(), left(), () => new Error(`the ntfy secret could not be read within ${deadlineMs} ms`), heldClock);
  } catch (err) {
    return [{ name: 'ntfy', ok: false, detail: safeErrorMessage(err) }];
  }
  const auth = ntfyAuth(options.username, value);
  const login = auth.login === 'password' ? `user ${options.username ?? ''}` : auth.login === 'token' ? 'access token' : 'no login';
  const lines: CheckLine[] = [];
  for (const topic of [...new Set(options.topics)]) {
    const name = `ntfy ${topic}`;
    let stream: NtfyStream | undefined;
    try {
      const opened = await NtfyStream.open({
        url: topicStreamUrl(options.baseUrl ?? '', topic, {}), headers: auth.headers, login: auth.login, topic, clock: heldClock,
        connectTimeoutMs: left(), silenceTimeoutMs: left(), messageTimeoutMs: 1_000, maxLineBytes: 2 * 1024 * 1024,
        onMessage: async () => {}, onBadLine: () => {}, onEnd: () => {},
      });
      stream = opened.stream;
      lines.push({ name, ok: true, detail: `readable (${login} accepted)` });
    } catch (err) {
      lines.push({ name, ok: false, detail: safeErrorMessage(err) });
    } finally {
      stream?.close();
    }
  }
  return lines;
}

export const ntfyProbe: ConnectionProbe = {
  name: 'ntfy',
  applies: (settings) => settings.ntfy.enabled,
  run: (settings, getSecret) => probeNtfy(settings.ntfy, () => getSecret('ntfy.token')),
};
