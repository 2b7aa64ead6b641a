// The headless mode's lines for a person (without `--json`), in the language given: connections in the tray's plain
// words, why an alert was not shown as History says it, data-folder problems as the tray says them. The technical
// detail a line carries (a connection's or a file's own English wording) stays as it is, for IT, after "Details:".
// What comes from outside is redacted as in the `--json` stream: known secrets, tokens and phone numbers never show.
import type { AlertOutcome } from '../alerts/pipeline.js';
import { redact } from '../log/redact.js';
import type { SourceStatus } from '../sources/source.js';
import type { StorageChange } from '../storage/storageHealth.js';
import { reasonKey } from '../../../common/i18n/reasonKeys.js';
import type { Translator } from '../../../common/i18n/translator.js';
import { connectionDetail, connectionSentence } from '../text/connectionText.js';

const details = (detail: string, t: Translator): string => ` (${t.t('tray.connection.details', { detail: redact(detail) })})`;

/** "[privmx] can't reach the server — retrying (Details: connect ECONNREFUSED …)"; `who` names the connection. */
export function statusLine(who: string, status: Pick<SourceStatus, 'state' | 'detail'>, t: Translator): string {
  const detail = connectionDetail(status);
  return `[${who}] ${connectionSentence(status, t)}${detail ? details(detail, t) : ''}`;
}

/** "🔔 Support request: anna@example.com has requested support", or "· …" with why it was not shown. */
export function outcomeLine(outcome: AlertOutcome, title: string, t: Translator): string {
  const key = outcome.reason === undefined ? undefined : reasonKey(outcome.reason);
  const reason = outcome.reason === undefined ? '' : ` (${key ? t.t(key) : outcome.reason})`;
  return `${outcome.shown ? '🔔' : '·'} ${redact(title)}: ${redact(outcome.alert.body)}${reason}`;
}

/** A Join Meeting click: "→ opened https://…". */
export function actionLine(url: string, t: Translator): string {
  return `→ ${t.t('headless.opened', { url: redact(url) })}`;
}

/** A data file moved aside, failing to save, or saving again. */
export function storageLine(change: StorageChange, t: Translator): string {
  switch (change.state) {
    case 'moved_aside':
      return `${t.t('tray.storageMovedAside', { file: change.file })}${details(change.message, t)}`;
    case 'write_failing':
      return t.t('tray.storageProblem', { message: redact(change.message) });
    case 'ok':
      return t.t('headless.storageSaved', { file: change.file });
  }
}
