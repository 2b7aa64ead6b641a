import nodeNotifier from 'node-notifier';
import { safeErrorMessage } from '../log/redact.js';
import { JOIN_LABEL, type NotificationActivation, type NotificationRequest, type Notifier, type ShowResult } from './notifier.js';

/** The slice of node-notifier we use; injectable so the mapping is testable without a desktop. */
export interface NodeNotifierLike {
  notify(
    options: Record<string, unknown>,
    callback: (err: Error | null, response: string, metadata?: { activationType?: string; activationValue?: string }) => void,
  ): unknown;
}

/**
 * Headless notifications on macOS (terminal-notifier) and Windows (SnoreToast), where node-notifier supports an
 * action button. Not used on Linux: there it shells out to notify-send with no actions and no click.
 */
export class NodeNotifierAdapter implements Notifier {
  readonly name = 'node-notifier';
  private readonly handlers = new Set<(a: NotificationActivation) => void>();

  constructor(
    private readonly backend: NodeNotifierLike = nodeNotifier as unknown as NodeNotifierLike,
    /** The system's do-not-disturb (Focus / Focus Assist): then nothing is shown and history keeps it unread. */
    private readonly osDoNotDisturb: () => boolean = () => false,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  onActivated(handler: (a: NotificationActivation) => void): void {
    this.handlers.add(handler);
  }

  show(request: NotificationRequest): Promise<ShowResult> {
    if (this.osDoNotDisturb()) return Promise.resolve({ status: 'os_dnd' });
    return new Promise((resolve) => {
      const joinLabel = request.joinLabel ?? JOIN_LABEL;
      const options: Record<string, unknown> = {
        title: request.title,
        message: request.body,
        appID: 'Servicebell',
        // Wait for a click only where one does something (Join Meeting, a summary opening History), or where it should
        // stay; neither SnoreToast nor terminal-notifier has a form that stays on screen.
        wait: request.joinUrl !== undefined || request.opensHistory === true || request.persistent === true,
        sound: nodeNotifierSound(request.sound, this.platform),
      };
      if (request.joinUrl) options.actions = [joinLabel];
      let settled = false;
      try {
        this.backend.notify(options, (err, response, metadata) => {
          if (err) {
            if (!settled) resolve({ status: 'failed', error: safeErrorMessage(err) });
            settled = true;
            return;
          }
          const activation = classify(response, metadata, joinLabel);
          if (activation) for (const h of this.handlers) h({ key: request.key, action: activation });
        });
      } catch (err) {
        resolve({ status: 'failed', error: safeErrorMessage(err) });
        return;
      }
      // node-notifier calls back only when the person acts (wait: true); showing itself has no reply.
      settled = true;
      resolve({ status: 'shown' });
    });
  }

  async close(): Promise<void> {}
}

/**
 * node-notifier's `sound`: false is silent. SnoreToast (Windows) takes Windows' sound names only; terminal-notifier
 * (macOS) takes sounds macOS knows by name, so the bundled bell is Glass, the nearest system bell, and `true` is
 * node-notifier's default (Bottle).
 */
export function nodeNotifierSound(sound: NotificationRequest['sound'] = 'off', platform: NodeJS.Platform): string | boolean {
  if (sound === 'off') return false;
  if (platform === 'win32') return 'Notification.Reminder';
  return sound === 'bundled' ? 'Glass' : true;
}

export function classify(response: string, metadata?: { activationType?: string; activationValue?: string }, joinLabel: string = JOIN_LABEL): 'join' | 'default' | null {
  const value = (metadata?.activationValue ?? response ?? '').toLowerCase();
  if (value === joinLabel.toLowerCase() || metadata?.activationType === 'actionClicked') return 'join';
  if (metadata?.activationType === 'contentsClicked' || value === 'activate' || value === 'clicked') return 'default';
  return null;
}
