// The client JWT over a connection's life: fetched at connect, refreshed before it expires, when the server refuses
// it or after a history 401, then handed to the live session (or a fresh connect when it names another conversation).
import type { VonageSettings } from '../../settings/schema.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import type { Logger } from '../../log/logger.js';
import { obtainClientToken, type ClientToken } from './clientToken.js';
import type { ConversationFeed } from './conversationFeed.js';
import type { SdkSession } from './sdkSession.js';
import type { Timers } from './timers.js';
import { refreshDelay, type VonageTiming } from './vonageTiming.js';

/** The connect cycle as the refresh sees it; read afresh on every call. */
export interface RefreshHost {
  /** The connect attempt now current: a token fetched for an older one is dropped. */
  generation(): number;
  /** The current attempt's open SDK session, if any. */
  session(): SdkSession | undefined;
  reconnect(reason: string): void;
  failed(err: unknown, retry: () => void): void;
}

export interface TokenRefreshDeps {
  settings: VonageSettings;
  getSecret: SecretGetter;
  timing: VonageTiming;
  timers: Timers;
  log: Logger;
  feed: ConversationFeed;
  /** Arms the refresh timer slot, replacing a pending one. */
  schedule(ms: number, fn: () => void): void;
  host: RefreshHost;
}

export class TokenRefresh {
  private refreshing = false;

  constructor(private readonly deps: TokenRefreshDeps) {}

  /** A refresh is under way: it will reconnect the session itself. */
  get inProgress(): boolean {
    return this.refreshing;
  }

  fetch(): Promise<ClientToken> {
    return obtainClientToken(this.deps.settings, this.deps.getSecret, this.deps.timing.jwtTimeoutMs);
  }

  /** Hands the token to the feed and arms the next refresh before it expires. */
  adopt(reply: ClientToken): void {
    const { feed, timers, timing } = this.deps;
    feed.adopt(reply);
    if (reply.expiresAt !== undefined) {
      this.deps.schedule(refreshDelay(reply.expiresAt, timers.now(), timing), () => void this.refresh('scheduled'));
    }
  }

  /** New JWT, then `updateToken`; after an expiry (socket closed by the server) also `connect()`. */
  async refresh(reason: string): Promise<void> {
    if (this.refreshing) return;
    const { feed, host } = this.deps;
    const gen = host.generation();
    this.refreshing = true;
    try {
      const previousConversation = feed.processor?.key;
      const reply = await this.fetch();
      if (gen !== host.generation()) return;
      this.adopt(reply);
      if (feed.processor?.key !== previousConversation || !host.session()) return host.reconnect('conversation changed');
      await (host.session() as SdkSession).updateToken(reply.token);
      // Read again after the await: a reconnect meanwhile closed that session, and it must not be revived.
      (host.session() as SdkSession).connect();
      this.deps.log.info({ reason }, 'vonage: token refreshed');
    } catch (err) {
      if (gen === host.generation()) host.failed(err, () => host.reconnect('token refresh failed'));
    } finally {
      this.refreshing = false;
    }
  }
}
