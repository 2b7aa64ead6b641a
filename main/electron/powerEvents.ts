// After sleep, a screen unlock or regained connectivity, reconnect and catch up at once instead of waiting out a
// backoff timer (the burst rule then folds the catch-up into one summary).

const POWER_EVENTS = ['resume', 'unlock-screen', 'user-did-become-active'] as const;

type PowerEventName = (typeof POWER_EVENTS)[number];
/** The part of Electron's powerMonitor used here (the real one satisfies it; see main/index.ts). */
export interface PowerMonitorLike {
  on(event: PowerEventName, listener: () => void): unknown;
  removeListener(event: PowerEventName, listener: () => void): unknown;
}

export interface PowerEventDeps {
  powerMonitor: PowerMonitorLike;
  reconnect(reason: string): void;
  /** Electron's `net.isOnline`; polled because the main process gets no online/offline event. */
  isOnline(): boolean;
  pollMs?: number;
  /** Events closer together than this cause one reconnect (resume and unlock usually arrive together). */
  coalesceMs?: number;
  now?: () => number;
  /**
   * More wake-ups that Electron does not report, e.g. logind's Unlock and PrepareForSleep on Linux (see
   * main/core/connection/logindWake.ts); each gets the same coalescing trigger, and may hand back how to stop it.
   */
  wakeSources?: ReadonlyArray<(wake: (reason: string) => void) => (() => void) | void>;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}


export function watchPowerEvents(deps: PowerEventDeps): () => void {
  const now = deps.now ?? Date.now;
  const coalesceMs = deps.coalesceMs ?? 2000;
  let lastAt = Number.NEGATIVE_INFINITY;
  const trigger = (reason: string): void => {
    const at = now();
    if (at - lastAt < coalesceMs) return;
    lastAt = at;
    deps.reconnect(reason);
  };
  const listeners = POWER_EVENTS.map((name) => {
    const listener = (): void => trigger(name);
    deps.powerMonitor.on(name, listener);
    return { name, listener };
  });
  const stopSources = (deps.wakeSources ?? []).map((subscribe) => subscribe(trigger));
  let online = deps.isOnline();
  const poll = (): void => {
    const next = deps.isOnline();
    if (next && !online) trigger('online');
    online = next;
  };
  const set = deps.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms).unref());
  const handle = set(poll, deps.pollMs ?? 5000);
  return () => {
    for (const { name, listener } of listeners) deps.powerMonitor.removeListener(name, listener);
    for (const stop of stopSources) stop?.();
    (deps.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout)))(handle);
  };
}
