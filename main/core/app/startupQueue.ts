// Work the OS hands the app while it is still starting (a second launch, a macOS relaunch, a toast activation)
// waits here and runs, in arrival order, once the part it needs is up; afterwards it runs at once.

export class StartupQueue<T = void> {
  private value: { current: T } | undefined;
  private readonly waiting: Array<(value: T) => void> = [];

  constructor(private readonly onError: (err: unknown) => void = () => {}) {}

  get isOpen(): boolean {
    return this.value !== undefined;
  }

  /** Runs `task` now if the queue is open, else when it opens. A task that throws is reported, not rethrown. */
  run(task: (value: T) => void): void {
    if (this.value) this.safely(task, this.value.current);
    else this.waiting.push(task);
  }

  /** Opens the queue once: every waiting task runs with `value`, in the order it arrived. */
  open(value: T): void {
    if (this.value) return;
    this.value = { current: value };
    for (const task of this.waiting.splice(0)) this.safely(task, value);
  }

  private safely(task: (value: T) => void, value: T): void {
    try {
      task(value);
    } catch (err) {
      this.onError(err);
    }
  }
}

/** A value that arrives later: `promise` settles once `resolve` is called. */
export function later<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
