import type { Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import type { NotificationActivation } from '../notify/notifier.js';
import { MUTE_HOUR_MS } from '../text/muteText.js';
import type { AlertKey } from './alert.js';
import type { HistoryStore } from './history.js';
import { UNMUTABLE_KINDS, type Mutes } from './mutes.js';
import { parseNotificationKey } from './notificationKey.js';
import { summaryRecordOf, type HistoryRequest } from './summaryRecord.js';

export interface ActivationDeps {
  history: HistoryStore;
  mutes?: Mutes;
  clock: Clock;
  logger: Logger;
  /** A summary was clicked: History should open on what it held. */
  openHistory(request: HistoryRequest): void;
  /** Join Meeting (or a click on the alert's body): opens its link if the policy still allows it. */
  join(key: AlertKey): Promise<unknown>;
}

/** What a click on one of our notifications does: a summary opens History, Mute mutes its kind, anything else joins. */
export async function handleActivation(activation: NotificationActivation, deps: ActivationDeps): Promise<void> {
  const key = parseNotificationKey(activation.key);
  if (!key) return;
  // A summary (body or any action): History on what it held. Found in history, so a click after a restart works too.
  const summary = summaryRecordOf(deps.history.find(key));
  if (summary) {
    deps.openHistory(summary);
    return;
  }
  if (activation.action === 'mute') return muteKindOf(key, deps);
  await deps.join(key);
}

/** A notification's "Mute orders for 1 hour": its alert's kind, in every restaurant, for an hour from now. */
async function muteKindOf(key: AlertKey, deps: ActivationDeps): Promise<void> {
  const kind = deps.history.find(key)?.alert.kind;
  const mutes = deps.mutes;
  if (!kind || !mutes || UNMUTABLE_KINDS.has(kind)) return;
  const now = deps.clock.now();
  try {
    await mutes.mute({ scope: 'kind', id: kind }, now + MUTE_HOUR_MS, now);
    deps.logger.info({ kind }, 'muted a kind of alert for 1 hour from a notification');
  } catch (err) {
    deps.logger.error({ error: safeErrorMessage(err) }, 'could not save a mute');
  }
}
