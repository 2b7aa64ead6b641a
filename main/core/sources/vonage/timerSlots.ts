// Named one-shot timers (retry, token refresh, catch-up retry): scheduling a slot replaces its pending timer,
// so a flapping connection can never pile up retries.
import type { TimerHandle, Timers } from './timers.js';

export class TimerSlots<Name extends string> {
  private readonly slots = new Map<Name, TimerHandle>();
  private closed = false;

  constructor(private readonly timers: Timers) {}

  schedule(name: Name, ms: number, fn: () => void): void {
    if (this.closed) return;
    this.clear(name);
    this.slots.set(
      name,
      this.timers.setTimeout(() => {
        this.slots.delete(name);
        if (!this.closed) fn();
      }, ms),
    );
  }

  clear(name: Name): void {
    const handle = this.slots.get(name);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.slots.delete(name);
  }

  open(): void {
    this.closed = false;
  }

  /** Cancels everything and refuses new timers until `open()`. */
  close(): void {
    this.closed = true;
    for (const name of [...this.slots.keys()]) this.clear(name);
  }
}
