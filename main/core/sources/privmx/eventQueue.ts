// Live events and catch-up run one at a time, in order, so a thread cursor only ever moves over handled messages.

export interface QueuePressure {
  /** Queued tasks at which `onPressure(true)` is called (the socket should stop reading). */
  high: number;
  /** Queued tasks at which `onPressure(false)` is called again (reading may resume). */
  low: number;
  onPressure(paused: boolean): void;
}

export class EventQueue {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private paused = false;

  constructor(
    private readonly onError: (err: unknown) => void,
    private readonly pressure?: QueuePressure,
  ) {}

  /** Tasks pushed and not finished yet. */
  get depth(): number {
    return this.queued;
  }

  push(task: () => Promise<void>): void {
    this.queued += 1;
    if (this.pressure && !this.paused && this.queued >= this.pressure.high) {
      this.paused = true;
      this.pressure.onPressure(true);
    }
    this.tail = this.tail
      .then(task)
      .catch((err: unknown) => this.onError(err))
      .finally(() => this.done());
  }

  /** Takes the next slot now for `task`, which runs there only if the returned `release` is called with true. */
  reserve(task: () => Promise<void>): (run: boolean) => void {
    let release: (run: boolean) => void = () => {};
    const gate = new Promise<boolean>((resolve) => (release = resolve));
    this.push(async () => {
      if (await gate) await task();
    });
    return release;
  }

  /** Settles once every task queued so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }

  private done(): void {
    this.queued -= 1;
    if (this.pressure && this.paused && this.queued <= this.pressure.low) {
      this.paused = false;
      this.pressure.onPressure(false);
    }
  }
}
