// Live events and catch-up run one at a time, in order, so a thread cursor only ever moves over handled messages.
export class EventQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (err: unknown) => void) {}

  push(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch((err: unknown) => this.onError(err));
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
}
