import type { Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import type { Notifier } from '../notify/notifier.js';
import type { Translator } from '../../../common/i18n/translator.js';
import { keyOf, type FoldedAlert } from './alert.js';
import type { DoNotDisturb } from './doNotDisturb.js';
import type { HistoryStore } from './history.js';
import { notificationKey } from './notificationKey.js';
import { summaryAlert } from './summaryRecord.js';

export interface SummaryAnnouncerDeps {
  history: HistoryStore;
  notifier: Notifier;
  dnd: DoNotDisturb;
  clock: Clock;
  logger: Logger;
  /** The running language, for the buttons' labels; absent: English. */
  translator?: () => Translator;
}

export interface SummaryText {
  /** The notification's title ("8 new alerts", "Servicebell"). */
  title: string;
  body: string;
  /** What the history entry says (its title). */
  headline: string;
}

/**
 * Puts a summary on screen and in history: a burst's, a catch-up's, or what the last run never announced. Its own
 * history entry (kind `summary`) holds the keys of what it folded, so its click opens History on them, also after a
 * restart; once the notifier answered, the folded alerts are no longer pending.
 */
export class SummaryAnnouncer {
  /** Summaries made in this run get distinct ids even within one millisecond. */
  private seq = 0;

  constructor(private readonly deps: SummaryAnnouncerDeps) {}

  /**
   * Records the summary (read, so nothing is counted twice: the folded alerts are unread already), then shows it with
   * its click opening History. True when the notifier showed it.
   */
  async announce(restaurant: string, folded: readonly FoldedAlert[], text: SummaryText): Promise<boolean> {
    const now = this.deps.clock.now();
    const translator = this.deps.translator?.();
    const alert = summaryAlert({ restaurant, id: `summary-${now}-${++this.seq}`, at: now, title: text.headline, body: text.body, folded, ...(translator ? { translator } : {}) });
    try {
      await this.deps.history.add({ alert, shown: false, read: true });
    } catch (err) {
      this.deps.logger.error({ error: safeErrorMessage(err) }, 'could not record a summary in history');
    }
    const shown = await this.notify(notificationKey(alert), { title: text.title, body: text.body, opensHistory: true });
    if (shown) {
      await this.deps.history.update(keyOf(alert), { shown: true }).catch((err: unknown) => {
        this.deps.logger.warn({ error: safeErrorMessage(err) }, 'could not mark a summary as shown in history');
      });
    }
    return shown;
  }

  /** Shows a summary unless do-not-disturb is on; true when the notifier showed it. */
  async notify(key: string, content: { title: string; body: string; joinUrl?: string; opensHistory?: boolean }): Promise<boolean> {
    if (this.deps.dnd.state(this.deps.clock.now()).active) return false;
    try {
      const t = this.deps.translator?.();
      const labels = t ? { ...(content.joinUrl ? { joinLabel: t.t('notification.joinMeeting') } : {}), ...(content.opensHistory ? { historyLabel: t.t('notification.showInHistory') } : {}) } : {};
      const result = await this.deps.notifier.show({ key, ...content, ...labels });
      return result.status === 'shown' || result.status === 'shown_without_action';
    } catch (err) {
      this.deps.logger.error({ error: safeErrorMessage(err) }, 'summary notification failed');
      return false;
    }
  }

  /** The summary is out (the notifier answered): its alerts are no longer pending, on disk too. */
  async clearPending(alerts: readonly FoldedAlert[]): Promise<void> {
    try {
      await Promise.all(alerts.map((a) => this.deps.history.update(keyOf(a), { pending: false })));
    } catch (err) {
      // Still pending on disk: the next start announces them once more, which is the safe side.
      this.deps.logger.error({ error: safeErrorMessage(err) }, 'could not mark announced alerts in history');
    }
  }
}
