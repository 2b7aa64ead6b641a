// What a connection's state means, in words a waiter understands ("can't reach the server — retrying"), with the
// technical detail kept apart for IT (the tray's submenu and the diagnostics). Made in the language spoken now; the
// diagnostics keep English (they go to IT, like the logs).
import type { MessageKey } from '../../../common/i18n/catalogues/en.js';
import type { Translator } from '../../../common/i18n/translator.js';
import type { SourceStatus } from '../sources/source.js';
import { ENGLISH } from './english.js';

export const SOURCE_LABELS: Record<string, string> = { vonage: 'Vonage', privmx: 'PrivMX', mqtt: 'MQTT', ntfy: 'ntfy' };

type Problem = 'notSetUp' | 'untrusted' | 'refused' | 'notFound' | 'unreachable' | 'serverProblem';

/** What went wrong, told from the detail's technical wording (always English); the first that matches wins. */
const PROBLEMS: ReadonlyArray<[RegExp, Problem]> = [
  [/\bis not set\b|not configured|missing (?:key|token|secret)/i, 'notSetUp'],
  [/cert|self[- ]signed|\bTLS\b|\bSSL\b|unable to verify/i, 'untrusted'],
  [/\b40[13]\b|unauthori[sz]ed|forbidden|not allowed|refused the (?:token|key|password)|bad (?:user name|password)|auth/i, 'refused'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo|name not resolved/i, 'notFound'],
  [/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|timed? ?out|socket|network|offline|connection lost|disconnected|closed|keepalive/i, 'unreachable'],
  [/\b5\d\d\b|server error|unavailable/i, 'serverProblem'],
];

const STATE_WORDS: Record<SourceStatus['state'], MessageKey> = {
  connecting: 'tray.connection.connecting',
  connected: 'tray.connection.connected',
  reconnecting: 'tray.connection.reconnecting',
  auth_failed: 'tray.connection.refused',
  offline: 'tray.connection.offline',
  disabled: 'tray.connection.off',
};

/** The plain sentence for one connection: "can't reach the server — retrying", "connected", "off". */
export function connectionSentence(status: Pick<SourceStatus, 'state' | 'detail'>, t: Translator = ENGLISH): string {
  const { state, detail } = status;
  if (state === 'connected' || state === 'disabled' || state === 'connecting') return t.t(STATE_WORDS[state]);
  if (state === 'offline' && detail === 'stopped') return t.t('tray.connection.stopped');
  const problem = detail ? PROBLEMS.find(([pattern]) => pattern.test(detail))?.[1] : undefined;
  const key: MessageKey =
    state === 'auth_failed'
      ? problem === 'notSetUp'
        ? 'tray.connection.notSetUp'
        : 'tray.connection.refusedCheckKey'
      : problem
        ? `tray.connection.${problem}`
        : STATE_WORDS[state];
  const what = t.t(key);
  const retrying = key !== 'tray.connection.reconnecting' && (state === 'reconnecting' || /retrying/i.test(detail ?? ''));
  return retrying ? t.t('tray.connection.retrying', { what }) : what;
}

/** The technical detail behind the sentence, for the submenu and the diagnostics; undefined when there is none worth showing. */
export function connectionDetail(status: Pick<SourceStatus, 'state' | 'detail'>): string | undefined {
  if (!status.detail || status.state === 'connected' || status.state === 'disabled') return undefined;
  return status.detail;
}

export function connectionTextFor(t: Translator) {
  return {
    /** The submenu item holding the technical detail. */
    detail: (detail: string): string => t.t('tray.connection.details', { detail }),
    /** One diagnostics line: the sentence, then the state and detail as the connection reported them. */
    diagnosticsLine: (who: string, status: Pick<SourceStatus, 'state' | 'detail'>): string =>
      `${who}: ${connectionSentence(status, t)} [${status.state}${status.detail ? `: ${status.detail}` : ''}]`,
  };
}

/** English: the diagnostics (for IT) and callers without a language. */
export const connectionText = connectionTextFor(ENGLISH);
