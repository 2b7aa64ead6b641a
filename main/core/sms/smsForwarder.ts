import { systemClock, type Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { maskPhone, registerSecret, safeErrorMessage } from '../log/redact.js';
import type { SecretGetter } from '../secrets/secretNames.js';
import type { SmsSettings } from '../settings/schema.js';
import type { Translator } from '../../../common/i18n/translator.js';
import { ENGLISH } from '../text/english.js';
import { SmsRateLimit } from './smsRateLimit.js';

/** What the forwarder needs of an alert: the pipeline's Alert fits. `meta.sms === true` marks a rule's `sms` action. */
export interface SmsAlert {
  id: string;
  source: string;
  title: string;
  body: string;
  meta?: Record<string, unknown>;
}

export type SmsResult =
  | { status: 'sent'; recipients: number }
  | { status: 'skipped'; reason: 'not_marked' | 'duplicate' | 'no_recipients' | 'no_token' | 'rate_limited' }
  | { status: 'failed'; error: string };

/** The slice of the `smsapi` client we use; injectable for tests. */
export interface SmsClient {
  sendSms(to: string[], message: string, details?: { from?: string }): Promise<unknown>;
}

export interface SmsForwarderDeps {
  settings: SmsSettings;
  getSecret: SecretGetter;
  logger: Logger;
  /** A status line for the UI/CLI ("SMS limit reached: dropped …"); never contains a full phone number. */
  onStatus?(line: { level: 'info' | 'warn' | 'error'; message: string }): void;
  /** The language status lines are worded in, read at each line (absent: English); the log stays English. */
  translator?: () => Translator;
  clock?: Clock;
  retryDelayMs?: number;
  timeoutMs?: number;
  createClient?(token: string, apiUrl: string | undefined): SmsClient;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_TEXT = 459; // three concatenated GSM parts

/**
 * Texts alerts that a rule marked `sms` through SMSAPI. Sends one at a time off the caller's path: `forward`
 * never throws, and callers should not await it before showing the desktop notification.
 */
export class SmsForwarder {
  private readonly clock: Clock;
  private readonly limit: SmsRateLimit;
  private readonly claimed = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SmsForwarderDeps) {
    this.clock = deps.clock ?? systemClock;
    this.limit = new SmsRateLimit(deps.settings.maxPerHour, () => this.clock.now());
  }

  static isMarked(alert: SmsAlert): boolean {
    return alert.meta?.sms === true;
  }

  forward(alert: SmsAlert): Promise<SmsResult> {
    if (!SmsForwarder.isMarked(alert)) return Promise.resolve({ status: 'skipped', reason: 'not_marked' });
    const key = `${alert.source}:${alert.id}`;
    // Claimed before sending and never released: an alert is texted at most once, even if it failed.
    if (this.claimed.has(key)) return Promise.resolve({ status: 'skipped', reason: 'duplicate' });
    this.claimed.add(key);
    if (this.claimed.size > 50_000) this.claimed.delete(this.claimed.values().next().value ?? key);
    const result = this.queue.then(() => this.send(alert)).catch((err: unknown): SmsResult => ({ status: 'failed', error: safeErrorMessage(err) }));
    this.queue = result;
    return result;
  }

  private async send(alert: SmsAlert): Promise<SmsResult> {
    const to = this.recipients();
    if (to.length === 0) return { status: 'skipped', reason: 'no_recipients' };
    const token = await this.deps.getSecret('smsapi.token');
    if (!token) {
      this.report('error', (t) => t.t('sms.noToken'));
      return { status: 'skipped', reason: 'no_token' };
    }
    registerSecret(token);
    if (!this.limit.take()) {
      this.report('warn', (t) => t.t('sms.limit', { limit: String(this.deps.settings.maxPerHour), title: alert.title }));
      return { status: 'skipped', reason: 'rate_limited' };
    }
    const client = (this.deps.createClient ?? defaultClient)(token, this.deps.settings.apiUrl);
    const text = smsText(alert);
    const details = this.deps.settings.from ? { from: this.deps.settings.from } : undefined;
    const masked = to.map(maskPhone).join(', ');
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.withTimeout(client.sendSms(to, text, details));
        this.deps.logger.info({ alert: alert.id, to: masked }, 'sms: sent');
        return { status: 'sent', recipients: to.length };
      } catch (err) {
        const error = describeSmsError(err);
        // A timeout may have been delivered after all: retrying could text the same alert twice.
        const retry = attempt === 1 && !(err instanceof SmsTimeout);
        this.deps.logger.warn({ alert: alert.id, to: masked, attempt, error }, retry ? 'sms: failed, retrying once' : 'sms: failed');
        if (!retry) {
          this.report('error', (t) => t.t('sms.failed', { to: masked, error }));
          return { status: 'failed', error };
        }
        await new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.deps.retryDelayMs ?? 2_000));
      }
    }
  }

  private recipients(): string[] {
    const valid = this.deps.settings.to.filter((n) => E164.test(n));
    if (valid.length !== this.deps.settings.to.length) this.report('warn', (t) => t.t('sms.badNumbers'));
    return [...new Set(valid)];
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    const ms = this.deps.timeoutMs ?? 15_000;
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(new SmsTimeout(ms)), ms);
      promise.then(resolve, reject).finally(() => this.clock.clearTimeout(timer));
    });
  }

  /** Logs the line in English and reports it in the running language. */
  private report(level: 'info' | 'warn' | 'error', words: (t: Translator) => string): void {
    this.deps.logger[level]({}, `sms: ${words(ENGLISH)}`);
    this.deps.onStatus?.({ level, message: words(this.deps.translator?.() ?? ENGLISH) });
  }
}

class SmsTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from SMSAPI in ${ms} ms`);
  }
}

/** `smsapi` is loaded on the first text, not at start: most set-ups never send one. */
function defaultClient(token: string, apiUrl: string | undefined): SmsClient {
  let api: Promise<{ sms: SmsClient }> | undefined;
  return {
    sendSms: async (to, message, details) => {
      // The base URL, never one ending in /sms.do: the client appends the endpoint itself.
      api ??= import('smsapi').then(({ SMSAPI }) => new SMSAPI(token, apiUrl?.replace(/\/sms\.do\/?$/, '')));
      return (await api).sms.sendSms(to, message, details);
    },
  };
}

/** Title and body on one text, plain, cut to three SMS parts. */
export function smsText(alert: Pick<SmsAlert, 'title' | 'body'>): string {
  const text = [alert.title, alert.body].map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join(': ');
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** SMSAPI failures in words, without the response body (it may echo numbers). */
export function describeSmsError(err: unknown): string {
  if (err instanceof Error && err.name === 'HttpError' && 'status' in err) return `HTTP ${String(err.status)}`;
  if (err instanceof Error && err.name === 'MessageError' && 'data' in err) {
    const data = err.data as { error?: unknown; message?: unknown };
    return `SMSAPI error ${String(data.error)}: ${safeErrorMessage(String(data.message))}`;
  }
  return safeErrorMessage(err);
}
