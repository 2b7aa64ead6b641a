// One Servicebell per session: a second launch hands its arguments (e.g. a toast activation URL) to the first.
import type { App } from 'electron';

export interface SingleInstanceDeps {
  app: Pick<App, 'requestSingleInstanceLock' | 'quit'> & { on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown };
  /** Runs in the first instance with the second launch's command line. */
  onSecondInstance(argv: readonly string[]): void;
}

/** Returns false (and quits) when another instance already runs. */
export function claimSingleInstance({ app, onSecondInstance }: SingleInstanceDeps): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondInstance(argv));
  return true;
}
