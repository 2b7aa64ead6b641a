import { z } from 'zod';
import type { Clock, TimerHandle } from '../../connection/clock.js';
import { withTimeout } from '../../connection/timeout.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { NotificationFrame } from './bridgeFrames.js';
import { PrivmxAuthProblem, type PrivmxAuth } from './privmxAuth.js';
import { BRIDGE_CODE, isRpcError } from './privmxRpc.js';
import { PrivmxSocket } from './privmxSocket.js';
import type { PrivmxTiming } from './privmxTiming.js';

export interface PrivmxSessionDeps {
  /** ws(s)://host/api */
  url: string;
  auth: PrivmxAuth;
  channels: string[];
  logger: Logger;
  clock: Clock;
  timing: PrivmxTiming;
  /** The connect attempt now current: a reply or timer of an older one is ignored. */
  generation(): number;
  onNotification(frame: NotificationFrame): void;
  /** The socket in use ended on its own (not dropped, not closed by `close`). */
  onLost(reason: string): void;
  /** A scheduled token refresh was refused for a reason only the user can fix; events still flow. */
  onAuthProblem(detail: string): void;
}

const ok = z.literal('OK');

/** The management socket in use and what is said on it: bind the access token, subscribe, re-bind before expiry, unsubscribe. */
export class PrivmxSession {
  private socket: PrivmxSocket | undefined;
  private refreshTimer: TimerHandle | undefined;

  constructor(private readonly deps: PrivmxSessionDeps) {}

  /** Opens, binds and subscribes a socket for attempt `gen`; false when a newer attempt took over meanwhile. */
  async open(gen: number): Promise<boolean> {
    const { deps } = this;
    await deps.auth.validToken();
    const socket = await PrivmxSocket.open({
      url: deps.url, logger: deps.logger,
      connectTimeoutMs: deps.timing.connectTimeoutMs, requestTimeoutMs: deps.timing.requestTimeoutMs, deadAfterMs: deps.timing.deadAfterMs,
      onNotification: (frame) => deps.onNotification(frame),
      onClose: (reason) => this.onSocketClosed(socket, reason),
    });
    if (gen !== deps.generation()) {
      socket.close();
      return false;
    }
    this.socket = socket;
    await this.bind(socket);
    await this.subscribe(socket);
    return gen === deps.generation();
  }

  /** Back-pressure: stop or resume reading the socket in use (frames wait in the kernel and at the Bridge, none lost). */
  setPaused(paused: boolean): void {
    if (paused) this.socket?.pause();
    else this.socket?.resume();
  }

  /** Refresh before the access token expires and re-bind on the same socket (subscriptions stay). */
  scheduleRefresh(gen: number): void {
    const { auth, clock, logger, timing } = this.deps;
    clock.clearTimeout(this.refreshTimer as TimerHandle);
    this.refreshTimer = clock.setTimeout(() => {
      const socket = this.socket;
      if (gen !== this.deps.generation() || !socket) return;
      void auth.renew().then(() => this.bind(socket)).then(
        () => this.scheduleRefresh(gen),
        (err: unknown) => {
          if (gen !== this.deps.generation()) return;
          logger.warn({ err: safeErrorMessage(err) }, 'privmx: token refresh failed; events still flow, retrying');
          if (err instanceof PrivmxAuthProblem) this.deps.onAuthProblem(err.message);
          this.refreshTimer = clock.setTimeout(() => this.scheduleRefresh(gen), timing.refreshRetryMs);
        },
      );
    }, auth.renewDelayMs());
  }

  stopRefresh(): void {
    if (this.refreshTimer) this.deps.clock.clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** Abandons the socket in use (judged dead or being replaced) without a goodbye. */
  drop(reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.terminate(reason);
  }

  /** Best effort: a clean unsubscribe, but never let a stuck Bridge hold up shutdown. */
  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket?.isOpen) return;
    const unsubscribe = socket.request('manager/unsubscribeFromChannel', { channels: this.deps.channels }, ok);
    await withTimeout(unsubscribe, this.deps.timing.stopTimeoutMs, () => new Error('timeout')).catch(() => {});
    socket.close();
  }

  private async bind(socket: PrivmxSocket): Promise<void> {
    const { auth } = this.deps;
    const token = await auth.validToken();
    try {
      await socket.request('manager/bindAccessToken', { accessToken: token.accessToken }, ok);
    } catch (err) {
      if (!isRpcError(err, BRIDGE_CODE.INVALID_TOKEN)) throw err;
      auth.invalidateAccess();
      const fresh = await auth.renew();
      await socket.request('manager/bindAccessToken', { accessToken: fresh.accessToken }, ok);
    }
  }

  private async subscribe(socket: PrivmxSocket, retried = false): Promise<void> {
    try {
      await socket.request('manager/subscribeToChannel', { channels: this.deps.channels }, ok);
    } catch (err) {
      if (isRpcError(err, BRIDGE_CODE.INSUFFICIENT_SCOPE)) throw new PrivmxAuthProblem(`the token may not subscribe to channel ${String(err.data)}`);
      if (retried || !isRpcError(err, BRIDGE_CODE.UNAUTHORIZED)) throw err;
      this.deps.auth.invalidateAccess();
      await this.bind(socket);
      await this.subscribe(socket, true);
    }
  }

  private onSocketClosed(socket: PrivmxSocket, reason: string): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.deps.onLost(reason);
  }
}
