/** What the pipeline asks a platform to show. Text is already sanitized plain text. */
export interface NotificationRequest {
  /** The alert id, or a summary id (`summary:<n>`) for coalesced bursts. */
  key: string;
  title: string;
  body: string;
  /** Present only when the link policy allowed the alert's link. */
  joinUrl?: string;
  /** A second button's text ("Mute orders for 1 hour"); its click is the activation `mute`. Never on support requests. */
  muteLabel?: string;
  /** A summary: a click on it opens History on what it holds, so it must be clickable (a `default` action). */
  opensHistory?: boolean;
}

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
  close(): Promise<void>;
}

export const JOIN_LABEL = 'Join Meeting';
