import type { NotificationActivation, NotificationRequest, Notifier, ShowResult } from '../../main/core/notify/notifier.js';

/** A Notifier port double for pipeline unit tests (end-to-end tests use the real D-Bus adapter). */
export class RecordingNotifier implements Notifier {
  readonly name = 'recording';
  readonly shown: NotificationRequest[] = [];
  result: ShowResult = { status: 'shown' };
  private handler: ((a: NotificationActivation) => void) | undefined;

  async show(request: NotificationRequest): Promise<ShowResult> {
    this.shown.push(request);
    return this.result;
  }

  onActivated(handler: (a: NotificationActivation) => void): void {
    this.handler = handler;
  }

  activate(activation: NotificationActivation): void {
    this.handler?.(activation);
  }

  async close(): Promise<void> {}
}
