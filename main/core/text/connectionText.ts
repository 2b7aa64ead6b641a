// What a connection's state means, in words a waiter understands ("can't reach the server — retrying"), with the
// technical detail kept apart for IT (the tray's submenu and the diagnostics). All texts here are translated together.
import type { SourceStatus } from '../sources/source.js';

export const SOURCE_LABELS: Record<string, string> = { vonage: 'Vonage', privmx: 'PrivMX', mqtt: 'MQTT', ntfy: 'ntfy' };

/** What went wrong, told from the detail's technical wording; the first that matches wins. */
const PROBLEMS: ReadonlyArray<[RegExp, string]> = [
  [/\bis not set\b|not configured|missing (?:key|token|secret)/i, 'not set up yet: finish it in Settings'],
  [/cert|self[- ]signed|\bTLS\b|\bSSL\b|unable to verify/i, "the server's security certificate is not trusted"],
  [/\b40[13]\b|unauthori[sz]ed|forbidden|not allowed|refused the (?:token|key|password)|bad (?:user name|password)|auth/i, 'the server refused the sign-in'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo|name not resolved/i, "can't find the server (check the address or the internet connection)"],
  [/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|timed? ?out|socket|network|offline|connection lost|disconnected|closed|keepalive/i, "can't reach the server"],
  [/\b5\d\d\b|server error|unavailable/i, 'the server has a problem on its side'],
];

const STATE_WORDS: Record<SourceStatus['state'], string> = {
  connecting: 'connecting…',
  connected: 'connected',
  reconnecting: 'reconnecting…',
  auth_failed: 'the server refused the sign-in',
  offline: 'not connected',
  disabled: 'off',
};

const RETRYING = ' — retrying';

/** The plain sentence for one connection: "can't reach the server — retrying", "connected", "off". */
export function connectionSentence(status: Pick<SourceStatus, 'state' | 'detail'>): string {
  const { state, detail } = status;
  if (state === 'connected' || state === 'disabled' || state === 'connecting') return STATE_WORDS[state];
  if (state === 'offline' && detail === 'stopped') return 'stopped';
  const problem = detail ? PROBLEMS.find(([pattern]) => pattern.test(detail))?.[1] : undefined;
  const what = state === 'auth_failed' ? (problem === 'not set up yet: finish it in Settings' ? problem : STATE_WORDS.auth_failed) : (problem ?? STATE_WORDS[state]);
  const retrying = what !== STATE_WORDS.reconnecting && (state === 'reconnecting' || /retrying/i.test(detail ?? ''));
  const advice = state === 'auth_failed' && what === STATE_WORDS.auth_failed ? ': check its key or password in Settings' : '';
  return `${what}${advice}${retrying ? RETRYING : ''}`;
}

/** The technical detail behind the sentence, for the submenu and the diagnostics; undefined when there is none worth showing. */
export function connectionDetail(status: Pick<SourceStatus, 'state' | 'detail'>): string | undefined {
  if (!status.detail || status.state === 'connected' || status.state === 'disabled') return undefined;
  return status.detail;
}

export const connectionText = {
  /** The submenu item holding the technical detail. */
  detail: (detail: string): string => `Details: ${detail}`,
  /** One diagnostics line: the sentence, then the state and detail as the connection reported them. */
  diagnosticsLine: (who: string, status: Pick<SourceStatus, 'state' | 'detail'>): string =>
    `${who}: ${connectionSentence(status)} [${status.state}${status.detail ? `: ${status.detail}` : ''}]`,
};
