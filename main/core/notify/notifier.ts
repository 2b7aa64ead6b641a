/** What the pipeline asks a platform to show. Text is already sanitized plain text. */
export interface NotificationRequest {
  /** The alert id, or a summary id (`summary:<n>`) for coalesced bursts. */
  key: string;
  title: string;
  body: string;
  /** Present only when the link policy allowed the alert's link. */
  joinUrl?: string;
  /** The Join Meeting button's text in the running language; absent: English. */
  joinLabel?: string;
  /** A summary's "Show in History" (its body click) in the running language; absent: English. */
  historyLabel?: string;
  /** A second button's text ("Mute orders for 1 hour"); its click is the activation `mute`. Never on support requests. */
  muteLabel?: string;
  /** A summary: a click on it opens History on what it holds, so it must be clickable (a `default` action). */
  opensHistory?: boolean;
  /**
   * Stays on screen until a person dismisses it (support requests): D-Bus urgency critical, resident, never expiring;
   * a Windows reminder toast; macOS shows it as an alert (Info.plist). Absent: the platform's normal notification.
   */
  persistent?: boolean;
  /** What it sounds like (the alert kind's `notifications.sounds`); absent: 'off'. */
  sound?: NotificationSound;
  /** A reminder of the notification last shown with this key: it takes that one's place where the platform can. */
  replaces?: boolean;
}

/** Silent, the bell shipped with the app, or the system's own notification sound. */
export type NotificationSound = 'off' | 'bundled' | 'system';

/** Outcome of one show, reported in history and logs (as Mattermost Desktop does). */
export type ShowResult =
  | { status: 'shown' }
  | { status: 'shown_without_action'; reason: string }
  | { status: 'os_dnd' }
  | { status: 'failed'; error: string };

/** A person acted on a notification: `join` (the button), `mute` (the Mute button) or `default` (the body). */
export interface NotificationActivation {
  key: string;
  action: 'join' | 'default' | 'mute';
}

/** The port every platform adapter implements (D-Bus, node-notifier, Electron). */
export interface Notifier {
  readonly name: string;
  show(request: NotificationRequest): Promise<ShowResult>;
  onActivated(handler: (activation: NotificationActivation) => void): void;
  /**
   * Takes the notification last shown for `key` off the screen and out of the notification list (a support request
   * someone joined or dismissed in History: it stays until then). Optional; nothing happens when it is already gone.
   */
  withdraw?(key: string): Promise<void>;
  close(): Promise<void>;
}

/** The English labels, for a request that names none. */
export const JOIN_LABEL = 'Join Meeting';
export const SHOW_IN_HISTORY_LABEL = 'Show in History';
