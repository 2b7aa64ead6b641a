import type { Logger } from '../log/logger.js';
import type { Clock } from '../connection/clock.js';
import { checkLink } from '../links/linkPolicy.js';
import type { LinkOpener } from '../links/linkOpener.js';
import { safeErrorMessage } from '../log/redact.js';
import type { Notifier, NotificationActivation, ShowResult } from '../notify/notifier.js';
import { alertSchema, keyOf, type Alert, type AlertKey } from './alert.js';
import { summaryText, type BurstOptions } from './burst.js';
import { BurstRouter, type BurstKey } from './burstRouter.js';
import { Dedupe } from './dedupe.js';
import type { DoNotDisturb } from './doNotDisturb.js';
import type { HistoryEntry, HistoryStore } from './history.js';
import { notificationKey, parseNotificationKey } from './notificationKey.js';
import { notificationTitle, singleRestaurant, summaryLine, type RestaurantLabels } from './restaurantLabels.js';
import { sanitizeBody, sanitizeTitle } from './sanitize.js';

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
}

/** Where an alert becomes (or does not become) a notification: dedupe, text, links, history, DND, mute, bursts. */
export class AlertPipeline {
  private readonly dedupe = new Dedupe();
  private readonly burst: BurstRouter;
  private readonly labels: RestaurantLabels;
  private readonly outcomeListeners = new Set<(o: AlertOutcome) => void>();
  private readonly summaryListeners = new Set<(s: SummaryOutcome) => void>();
  private readonly actionListeners = new Set<(a: JoinAction) => void>();

  constructor(private readonly deps: PipelineDeps) {
    for (const entry of deps.history.list()) this.dedupe.add(entry.alert);
    this.labels = deps.restaurants ?? singleRestaurant;
    this.burst = new BurstRouter(deps.burst, deps.clock, (key, held) => void this.showSummary(key, held));
    deps.notifier.onActivated((activation) => void this.activated(activation));
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

  /** Resolves once the alert is in history (safe for a source to advance its cursor). Never throws for bad input. */
  async ingest(input: unknown): Promise<IngestResult> {
    const parsed = alertSchema.safeParse(input);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      this.deps.logger.warn({ problem }, 'dropped an alert that failed validation');
      return { status: 'invalid', problem };
    }
    const raw = parsed.data;
    if (!this.dedupe.add(raw)) return { status: 'duplicate' };
    const alert: Alert = { ...raw, title: sanitizeTitle(raw.title), body: sanitizeBody(raw.body) };

    let joinUrl: string | undefined;
    let reason: string | undefined;
    if (alert.link !== undefined) {
      const decision = checkLink(alert.link, this.deps.allowedHosts(alert.restaurant));
      if (decision.allowed) joinUrl = decision.url;
      else {
        reason = 'link_not_allowed';
        this.deps.logger.warn({ source: alert.source, alertId: alert.id, why: decision.reason }, 'link shown as text only');
      }
    }

    const dnd = this.deps.dnd.state(this.deps.clock.now());
    // Muted alerts never count towards a burst: unmuting does not start with a summary of what was muted.
    const decision = dnd.active ? 'dnd' : this.labels.muted(alert.restaurant) ? 'muted' : this.burst.offer(alert) === 'held' ? 'coalesced' : 'show';
    const entry: HistoryEntry = { alert, shown: decision === 'show', read: false, joinUrl, reason: decision === 'show' ? reason : decision };
    const stored = this.deps.history.add(entry);
    if (decision !== 'show') {
      await stored;
      return { status: 'accepted', outcome: this.emit(entry) };
    }
    const [, result] = await Promise.all([stored, this.show(alert, joinUrl)]);
    if (result.status !== 'shown') {
      const patch =
        result.status === 'shown_without_action'
          ? { reason: reason ?? 'no_actions' }
          : { shown: false, reason: result.status === 'os_dnd' ? 'os_dnd' : 'failed' };
      Object.assign(entry, patch);
      await this.deps.history.update(keyOf(alert), patch);
    }
    return { status: 'accepted', outcome: this.emit(entry) };
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
    await this.deps.history.setRead([key], true);
    for (const listener of this.actionListeners) listener({ restaurant, source, alertId, url: decision.url });
    return true;
  }

  /** Shutdown: held alerts are already in history; no summary is shown for them. */
  dispose(): void {
    this.burst.dispose();
  }

  private async show(alert: Alert, joinUrl: string | undefined): Promise<ShowResult> {
    try {
      const title = notificationTitle(this.labels, alert.restaurant, alert.title);
      return await this.deps.notifier.show({ key: notificationKey(alert), title, body: alert.body, joinUrl });
    } catch (err) {
      const error = safeErrorMessage(err);
      this.deps.logger.error({ error, notifier: this.deps.notifier.name }, 'notification failed');
      return { status: 'failed', error };
    }
  }

  private async showSummary(key: BurstKey, held: readonly Alert[]): Promise<void> {
    const text = summaryLine(this.labels, key.restaurant, summaryText(held));
    const dnd = this.deps.dnd.state(this.deps.clock.now());
    let shown = false;
    if (!dnd.active) {
      try {
        const result = await this.deps.notifier.show({ key: `summary:${this.deps.clock.now()}`, title: 'Servicebell', body: text });
        shown = result.status === 'shown' || result.status === 'shown_without_action';
      } catch (err) {
        this.deps.logger.error({ error: safeErrorMessage(err) }, 'summary notification failed');
      }
    }
    for (const listener of this.summaryListeners) listener({ ...key, count: held.length, text, shown });
  }

  private async activated(activation: NotificationActivation): Promise<void> {
    const parsed = parseNotificationKey(activation.key);
    if (!parsed) return;
    await this.join(parsed);
  }

  private emit(entry: HistoryEntry): AlertOutcome {
    const outcome: AlertOutcome = { alert: entry.alert, shown: entry.shown, reason: entry.reason, joinUrl: entry.joinUrl };
    for (const listener of this.outcomeListeners) listener(outcome);
    return outcome;
  }
}
