import type { Logger } from '../log/logger.js';
import type { Clock } from '../connection/clock.js';
import { checkLink } from '../links/linkPolicy.js';
import type { LinkOpener } from '../links/linkOpener.js';
import { safeErrorMessage } from '../log/redact.js';
import type { Notifier, NotificationRequest, NotificationSound, ShowResult } from '../notify/notifier.js';
import { parseAlert, keyOf, type Alert, type AlertKey, type FoldedAlert } from './alert.js';
import type { BurstOptions } from './burst.js';
import { BurstRouter, type BurstKey } from './burstRouter.js';
import { Dedupe } from './dedupe.js';
import type { DoNotDisturb } from './doNotDisturb.js';
import type { HistoryEntry, HistoryStore } from './history.js';
import { UNMUTABLE_KINDS, type Mutes } from './mutes.js';
import { muteText } from '../text/muteText.js';
import { notificationKey, parseNotificationKey } from './notificationKey.js';
import { notificationTitle, singleRestaurant, summaryLine, type RestaurantLabels } from './restaurantLabels.js';
import { wordAlert } from './alertWording.js';
import { refusedLinkText } from './supportText.js';
import { createTranslator, type Translator } from '../../../common/i18n/translator.js';
import { SummaryAnnouncer } from './summaryAnnouncer.js';
import { handleActivation } from './notificationActivation.js';
import type { HistoryRequest } from './summaryRecord.js';
import { backlogText, breakdownText, burstHeadline, moreSupportRequestsHeadline, SUMMARY_TITLE, whileClosedText } from './summaryText.js';

import { SUPPORT_REQUEST, SupportReminders, reminderBody, type ReminderOptions } from './supportReminders.js';

export type { HistoryRequest };

export { notificationKey, parseNotificationKey };

/** What happened to one alert; the headless `--json` stream and the tray are fed from these. */
export interface AlertOutcome {
  alert: Alert;
  shown: boolean;
  reason?: string;
  joinUrl?: string;
}
export interface SummaryOutcome {
  /** Whose alerts were held: one restaurant's one source. */
  restaurant: string;
  source: string;
  count: number;
  /** Names the restaurant when several are configured: "Bistro Mokotów: 5 new messages". */
  text: string;
  shown: boolean;
}
export interface JoinAction {
  restaurant: string;
  source: string;
  alertId: string;
  url: string;
}

/** How `ingest` stores an alert. */
export interface IngestOptions {
  /** Stored read: an alert a person caused themselves (the test notification) is no news to them, nor the tray's count. */
  read?: boolean;
}

export type IngestResult = { status: 'accepted'; outcome: AlertOutcome } | { status: 'duplicate' } | { status: 'invalid'; problem: string };

export interface PipelineDeps {
  history: HistoryStore;
  dnd: DoNotDisturb;
  notifier: Notifier;
  opener: LinkOpener;
  /** The "Join Meeting" allow-list of a restaurant (its `links.allowedHosts`), read at each decision. */
  allowedHosts: (restaurant: string) => readonly string[];
  burst: BurstOptions;
  clock: Clock;
  logger: Logger;
  /** Names and mutes; absent: one restaurant, never muted. */
  restaurants?: RestaurantLabels;
  /** Mutes for a while (tray, a notification's "Mute … for 1 hour"); absent: none, and no Mute button. */
  mutes?: Mutes;
  /** The sound of an alert kind (`notifications.sounds`), read at each notification; absent: silent. */
  sound?: (kind: string) => NotificationSound;
  /** `notifications.supportReminders`, read at each step; absent: no reminders. */
  reminders?: () => ReminderOptions;
  /** The language spoken now (`core.language.translator`), read each time a text is made; absent: English. */
  translator?: () => Translator;
}

const english = createTranslator('en');

/** Where an alert becomes (or does not become) a notification: dedupe, text, links, history, DND, mute, bursts. */
export class AlertPipeline {
  private readonly dedupe = new Dedupe();
  private readonly burst: BurstRouter;
  private readonly labels: RestaurantLabels;
  private readonly outcomeListeners = new Set<(o: AlertOutcome) => void>();
  private readonly summaryListeners = new Set<(s: SummaryOutcome) => void>();
  private readonly actionListeners = new Set<(a: JoinAction) => void>();
  private readonly historyListeners = new Set<(request: HistoryRequest) => void>();
  private readonly summaries: SummaryAnnouncer;
  private readonly reminders: SupportReminders;

  constructor(private readonly deps: PipelineDeps) {
    for (const entry of deps.history.list()) this.dedupe.add(entry.alert);
    this.labels = deps.restaurants ?? singleRestaurant;
    this.summaries = new SummaryAnnouncer(deps);
    this.reminders = new SupportReminders({
      clock: deps.clock,
      history: deps.history,
      options: () => deps.reminders?.() ?? { afterMs: 0, times: 0 },
      mayRing: (alert) => {
        const now = deps.clock.now();
        // A timed mute of the restaurant (the tray's Mute) holds reminders back too; support requests are never muted by kind.
        return !deps.dnd.state(now).active && !this.labels.muted(alert.restaurant) && deps.mutes?.covers(alert, now) !== true;
      },
      ring: (entry, n) => this.remind(entry, n),
      withdraw: (key) => {
        deps.notifier.withdraw?.(notificationKey(key)).catch((err: unknown) => deps.logger.warn({ error: safeErrorMessage(err) }, 'could not withdraw a notification'));
      },
      logger: deps.logger,
    });
    this.reminders.resume(deps.history.list());
    this.burst = new BurstRouter(deps.burst, deps.clock, (key, held) => void this.showSummary(key, held));
    deps.notifier.onActivated(
      (activation) =>
        void handleActivation(activation, {
          ...deps,
          openHistory: (request) => {
            for (const listener of this.historyListeners) listener(request);
          },
          join: (key) => this.join(key),
        }),
    );
  }

  /** The running language, read at the moment a text is made (a switch applies to the next notification). */
  private t(): Translator {
    return this.deps.translator?.() ?? english;
  }

  /** Join Meeting in the running language; nothing without a translator (the notifier's English label). */
  private joinLabel(joinUrl: string | undefined): Pick<NotificationRequest, 'joinLabel'> {
    return joinUrl !== undefined && this.deps.translator ? { joinLabel: this.t().t('notification.joinMeeting') } : {};
  }

  configureBurst(options: BurstOptions): void {
    this.burst.configure(options);
  }

  onOutcome(listener: (o: AlertOutcome) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  onSummary(listener: (s: SummaryOutcome) => void): () => void {
    this.summaryListeners.add(listener);
    return () => this.summaryListeners.delete(listener);
  }

  onAction(listener: (a: JoinAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  /**
   * A person clicked a summary: History should open on the alerts it holds (the tray opens the History window with
   * this filter).
   */
  onOpenHistory(listener: (request: HistoryRequest) => void): () => void {
    this.historyListeners.add(listener);
    return () => this.historyListeners.delete(listener);
  }

  /**
   * Caught-up alerts too old or too many to show one by one: each is stored (pending) and gets an alert line with
   * reason `backlog`; then one summary, "Missed while offline: 800 support requests (see History)", whose click opens
   * History. Resolves once they are all in history (the summary follows; a crash before it leaves them pending, and
   * the next start announces them). Invalid and duplicate inputs are skipped, as `ingest` does.
   */
  async ingestBacklog(inputs: readonly unknown[]): Promise<void> {
    const entries: HistoryEntry[] = [];
    for (const input of inputs) {
      const alert = this.accept(input);
      if (alert) entries.push({ alert, shown: false, read: false, joinUrl: this.allowedLink(alert, false), reason: 'backlog', pending: true });
    }
    const first = entries[0];
    if (!first) return;
    await Promise.all(entries.map((e) => this.deps.history.add(e)));
    // Lines follow the write, as for coalesced alerts; the summary is what stays pending.
    for (const entry of entries) this.emit(entry);
    void this.announceBacklog(first.alert, entries);
  }

  private async announceBacklog(first: Alert, entries: readonly HistoryEntry[]): Promise<void> {
    const alerts = entries.map((e) => e.alert);
    const text = summaryLine(this.labels, first.restaurant, backlogText(alerts, this.t()));
    const shown = await this.summaries.announce(first.restaurant, alerts, { title: SUMMARY_TITLE, body: text, headline: text });
    for (const listener of this.summaryListeners) listener({ restaurant: first.restaurant, source: first.source, count: entries.length, text, shown });
    await this.summaries.clearPending(alerts);
  }

  /**
   * What the last run stored but never announced (it ended first: a crash, a kill, or a stop while a burst was held):
   * one summary per restaurant, "While Servicebell was closed: 3 support requests, 150 messages", with Join Meeting
   * when exactly one of them has an allowed link, and an `alert` line (reason `while_closed`) for each that never had
   * one (those whose notification was under way). Call once on start, before any source runs.
   */
  async announcePending(): Promise<void> {
    const pending = this.deps.history
      .list()
      .filter((e) => e.pending === true)
      .reverse();
    if (pending.length === 0) return;
    this.deps.logger.info({ count: pending.length }, 'announcing alerts the last run stored but did not announce');
    const byRestaurant = new Map<string, HistoryEntry[]>();
    for (const entry of pending) byRestaurant.set(entry.alert.restaurant, [...(byRestaurant.get(entry.alert.restaurant) ?? []), entry]);
    for (const [restaurant, group] of byRestaurant) {
      const alerts = group.map((e) => e.alert);
      const text = summaryLine(this.labels, restaurant, whileClosedText(alerts, this.t()));
      const joinable = group.flatMap((e) => {
        const url = this.allowedLink(e.alert, false);
        return url === undefined ? [] : [{ entry: e, url }];
      });
      const lone = joinable.length === 1 ? joinable[0] : undefined;
      // Coalesced and backlog alerts had their line when they were stored; only their summary is owed.
      for (const entry of group) if (!lineWhenStored(entry)) this.emit({ ...entry, shown: false, reason: 'while_closed' });
      // Exactly one to join: the summary's click joins it; otherwise it opens History on them.
      const shown = lone
        ? await this.summaries.notify(notificationKey(lone.entry.alert), { title: SUMMARY_TITLE, body: text, joinUrl: lone.url })
        : await this.summaries.announce(restaurant, alerts, { title: SUMMARY_TITLE, body: text, headline: text });
      const sources = new Set(alerts.map((a) => a.source));
      const source = sources.size === 1 ? (alerts[0]?.source ?? '') : 'several';
      for (const listener of this.summaryListeners) listener({ restaurant, source, count: group.length, text, shown });
      await this.summaries.clearPending(alerts);
    }
  }

  /** Validated, deduped and sanitized, or undefined (logged) for invalid input and duplicates. */
  private accept(input: unknown): Alert | undefined {
    const parsed = parseAlert(input);
    if (!parsed.ok) {
      this.deps.logger.warn({ problem: parsed.problem }, 'dropped an alert that failed validation');
      return undefined;
    }
    const raw = parsed.alert;
    if (!this.dedupe.add(raw)) return undefined;
    return wordAlert(raw, this.t());
  }

  /** The alert's link when its restaurant's policy allows it; a refused one is logged when `log`. */
  private allowedLink(alert: Alert, log: boolean): string | undefined {
    if (alert.link === undefined) return undefined;
    const decision = checkLink(alert.link, this.deps.allowedHosts(alert.restaurant));
    if (decision.allowed) return decision.url;
    if (log) this.deps.logger.warn({ source: alert.source, alertId: alert.id, why: decision.reason }, 'link shown as text only');
    return undefined;
  }

  /** Resolves once the alert is in history (safe for a source to advance its cursor). Never throws for bad input. */
  async ingest(input: unknown, options: IngestOptions = {}): Promise<IngestResult> {
    const parsed = parseAlert(input);
    if (!parsed.ok) {
      this.deps.logger.warn({ problem: parsed.problem }, 'dropped an alert that failed validation');
      return { status: 'invalid', problem: parsed.problem };
    }
    const raw = parsed.alert;
    if (!this.dedupe.add(raw)) return { status: 'duplicate' };
    const alert = wordAlert(raw, this.t());

    let joinUrl: string | undefined;
    let reason: string | undefined;
    if (alert.link !== undefined) {
      const decision = checkLink(alert.link, this.deps.allowedHosts(alert.restaurant));
      if (decision.allowed) joinUrl = decision.url;
      else {
        reason = 'link_not_allowed';
        // No button, but staff can still read the link out: its host and path go in the body.
        alert.body = `${alert.body}\n${refusedLinkText(alert.link, this.t())}`;
        this.deps.logger.warn({ source: alert.source, alertId: alert.id, why: decision.reason }, 'link shown as text only');
      }
    }

    const dnd = this.deps.dnd.state(this.deps.clock.now());
    // Muted alerts never count towards a burst: unmuting does not start with a summary of what was muted.
    const muted = this.labels.muted(alert.restaurant) || this.deps.mutes?.covers(alert, this.deps.clock.now()) === true;
    const decision = dnd.active ? 'dnd' : muted ? 'muted' : this.burst.offer(alert) === 'held' ? 'coalesced' : 'show';
    // Stored as pending (and not shown) first: a crash before the announcement leaves it pending, and the next start
    // announces it. `shown` becomes true only once the notifier said so. Do-not-disturb and muted alerts are not
    // notified, so never pending.
    const entry: HistoryEntry = {
      alert, shown: false, read: options.read ?? false, joinUrl, reason: decision === 'show' ? reason : decision, pending: decision === 'show' || decision === 'coalesced',
    };
    const stored = this.deps.history.add(entry);
    if (decision !== 'show') {
      // The line follows the write at once (a replay of a stored event is a duplicate, so a line is never printed
      // twice). A coalesced entry stays pending until its summary is shown; a next start owes it only that summary.
      await stored;
      return { status: 'accepted', outcome: this.emit(entry) };
    }
    const [, result] = await Promise.all([stored, this.show(alert, joinUrl)]);
    const patch =
      result.status === 'shown'
        ? { shown: true }
        : result.status === 'shown_without_action'
          ? { shown: true, reason: reason ?? 'no_actions' }
          : { shown: false, reason: result.status === 'os_dnd' ? 'os_dnd' : 'failed' };
    // `pending` is cleared on disk before the line: a crash before that write announces it at the next start (line and
    // summary), so the line is never printed twice. The store applies the change to its entry (never changed here).
    const outcome = { ...patch, pending: false };
    await this.deps.history.update(keyOf(alert), outcome);
    this.reminders.track(alert);
    return { status: 'accepted', outcome: this.emit({ ...entry, ...outcome }) };
  }

  /** Opens an alert's link after re-checking it against the current allow-list (tray menu, history window, click). */
  async join(key: AlertKey): Promise<boolean> {
    const { restaurant, source, id: alertId } = key;
    const entry = this.deps.history.find(key);
    if (!entry?.alert.link) return false;
    const decision = checkLink(entry.alert.link, this.deps.allowedHosts(entry.alert.restaurant));
    if (!decision.allowed) {
      this.deps.logger.warn({ restaurant, source, alertId, why: decision.reason }, 'refused to open a link');
      return false;
    }
    try {
      await this.deps.opener.open(decision.url);
    } catch (err) {
      this.deps.logger.error({ err: safeErrorMessage(err) }, 'could not open the browser');
      return false;
    }
    await this.deps.history.markHandled([key], 'joined');
    for (const listener of this.actionListeners) listener({ restaurant, source, alertId, url: decision.url });
    return true;
  }

  /** Shutdown: held alerts are in history, still pending; the next start announces them (no summary now). */
  dispose(): void {
    this.burst.dispose();
    this.reminders.dispose();
  }

  private async show(alert: Alert, joinUrl: string | undefined): Promise<ShowResult> {
    try {
      const title = notificationTitle(this.labels, alert.restaurant, alert.title);
      // Support requests keep Join Meeting alone: they are never muted from a notification.
      const t = this.t();
      const muteLabel = this.deps.mutes && !UNMUTABLE_KINDS.has(alert.kind) ? muteText.notificationAction(alert.kind, t) : undefined;
      return await this.deps.notifier.show({
        key: notificationKey(alert), title, body: alert.body, joinUrl, ...this.joinLabel(joinUrl), ...(muteLabel ? { muteLabel } : {}), ...this.presentation(alert),
      });
    } catch (err) {
      const error = safeErrorMessage(err);
      this.deps.logger.error({ error, notifier: this.deps.notifier.name }, 'notification failed');
      return { status: 'failed', error };
    }
  }

  /** Support requests stay until dismissed; every kind rings as its sound setting says. */
  private presentation(alert: Alert): Pick<NotificationRequest, 'persistent' | 'sound'> {
    return { persistent: alert.kind === SUPPORT_REQUEST, sound: this.deps.sound?.(alert.kind) ?? 'off' };
  }

  /** Reminder `n` of an unanswered support request: in its notification's place, Join Meeting re-checked. */
  private async remind(entry: HistoryEntry, n: number): Promise<void> {
    const { alert } = entry;
    const title = notificationTitle(this.labels, alert.restaurant, alert.title);
    const waitedMs = n * (this.deps.reminders?.().afterMs ?? 0);
    const joinUrl = this.allowedLink(alert, false);
    const t = this.t();
    const request: NotificationRequest = {
      key: notificationKey(alert), title, body: reminderBody(alert.body, waitedMs, t), joinUrl, ...this.joinLabel(joinUrl), ...this.presentation(alert), replaces: true,
    };
    const result = await this.deps.notifier.show(request);
    if (result.status === 'failed') this.deps.logger.warn({ alertId: alert.id, error: result.error }, 'reminder not shown');
  }

  /**
   * A burst's summary: "8 new alerts" (support lane: "5 more support requests") over one line per kind and restaurant,
   * "2 orders · Pizzeria Wola". Its click opens History on what it held.
   */
  private async showSummary(key: BurstKey, held: readonly FoldedAlert[]): Promise<void> {
    const t = this.t();
    const headline = key.lane === 'support' ? moreSupportRequestsHeadline(held.length, t) : burstHeadline(held, t);
    const text = summaryLine(this.labels, key.restaurant, headline);
    const body = breakdownText(held, this.labels.count() > 1 ? (id) => this.labels.name(id) : undefined, t);
    const shown = await this.summaries.announce(key.restaurant, held, { title: text, body, headline: text });
    for (const listener of this.summaryListeners) listener({ restaurant: key.restaurant, source: key.source, count: held.length, text, shown });
    await this.summaries.clearPending(held);
  }

  private emit(entry: HistoryEntry): AlertOutcome {
    const outcome: AlertOutcome = { alert: entry.alert, shown: entry.shown, reason: entry.reason, joinUrl: entry.joinUrl };
    for (const listener of this.outcomeListeners) listener(outcome);
    return outcome;
  }
}

/** Entries whose alert line is printed as soon as they are stored (so a pending one still owes only its summary). */
function lineWhenStored(entry: HistoryEntry): boolean {
  return entry.reason === 'coalesced' || entry.reason === 'backlog';
}

