import type { Translator } from '../../../common/i18n/translator.js';
import type { Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import type { SecretLookup } from '../secrets/secretNames.js';
import type { RestaurantSettings, Settings } from '../settings/schema.js';
import { SmsForwarder, type SmsAlert } from '../sms/smsForwarder.js';

export interface RestaurantSmsDeps {
  getSecret: SecretLookup;
  logger: Logger;
  clock: Clock;
  /** A status line of one restaurant's forwarder (limits, failures). */
  onStatus(restaurant: string, line: { level: 'info' | 'warn' | 'error'; message: string }): void;
  /** The running language, for the status lines. */
  translator?: () => Translator;
}

/** One SMS forwarder per restaurant: its own numbers, sender, SMSAPI token and hourly limit. */
export class RestaurantSms {
  private readonly forwarders = new Map<string, SmsForwarder>();

  constructor(private readonly deps: RestaurantSmsDeps) {}

  /** A restaurant's forwarder is rebuilt only when its `sms` section changed (its hourly count starts again then). */
  configure(previous: Settings | undefined, next: Settings): void {
    const ids = new Set(next.restaurants.map((r) => r.id));
    for (const id of [...this.forwarders.keys()]) if (!ids.has(id)) this.forwarders.delete(id);
    for (const restaurant of next.restaurants) {
      const before = previous?.restaurants.find((r) => r.id === restaurant.id);
      if (this.forwarders.has(restaurant.id) && JSON.stringify(before?.sms) === JSON.stringify(restaurant.sms)) continue;
      this.forwarders.set(restaurant.id, this.create(restaurant));
    }
  }

  /** Texts the alert with its own restaurant's set-up (an alert of a restaurant no longer configured: nothing). */
  forward(restaurant: string, alert: SmsAlert): void {
    void this.forwarders.get(restaurant)?.forward(alert);
  }

  private create(restaurant: RestaurantSettings): SmsForwarder {
    return new SmsForwarder({
      settings: restaurant.sms,
      getSecret: (name) => this.deps.getSecret({ restaurant: restaurant.id, name }),
      logger: this.deps.logger.child({ component: 'sms', restaurant: restaurant.id }),
      clock: this.deps.clock,
      onStatus: (line) => this.deps.onStatus(restaurant.id, line),
      ...(this.deps.translator ? { translator: this.deps.translator } : {}),
    });
  }
}
