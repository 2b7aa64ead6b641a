// Native notifications in the tray app: D-Bus on Linux (a real "Join Meeting" button), Electron's Notification with
// an action on macOS, and a protocol-activated toast on Windows.
import type { NotificationConstructorOptions } from 'electron';
import type { Logger } from '../core/log/logger.js';
import { DbusNotifier } from '../core/notify/dbusNotifier.js';
import { JOIN_LABEL, type NotificationActivation, type NotificationRequest, type Notifier, type ShowResult } from '../core/notify/notifier.js';
import { activationToken, toastXml, type ToastTokens } from './toastActivation.js';

/** The part of Electron's Notification used here (the real class satisfies it; see main/index.ts). */
export interface NotificationLike {
  show(): void;
  close(): void;
  on(event: 'show', listener: () => void): unknown;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'action', listener: (details: { actionIndex: number }, actionIndex: number) => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
}
export interface NotificationConstructor {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface ElectronNotifierDeps {
  Notification: NotificationConstructor;
  platform: 'darwin' | 'win32';
  tokens: ToastTokens;
  /** Whether the OS is in do-not-disturb/focus mode, where a platform can tell; default: it cannot. */
  osDoNotDisturb?: () => boolean;
  /** Some systems never emit `show`; after this long the notification counts as shown. */
  showTimeoutMs?: number;
  /** A second activation of the same notification within this long is the same click (see `emit`). */
  dedupeMs?: number;
  now?: () => number;
  /**
   * macOS first run: the first notification is reported `failed` while the permission prompt is still open. When
   * set, the first notification that fails is shown once more after `delayMs`.
   */
  retryFirstFailure?: { delayMs: number };
}

/** What the Settings window says when macOS or Windows did not let a notification through. */
export function notPermittedText(platform: 'darwin' | 'win32', error: string): string {
  const where =
    platform === 'darwin'
      ? 'System Settings › Notifications › Servicebell: turn on Allow notifications and choose Alerts'
      : 'Settings › System › Notifications: turn on notifications for Servicebell';
  return `Notifications are not permitted or could not be shown (${error}). ${where}.`;
}

export class ElectronNotifier implements Notifier {
  readonly name = 'electron';
  /** Live notifications stay referenced until closed: otherwise their click handlers are garbage-collected. */
  readonly live = new Map<string, NotificationLike>();
  private readonly handlers = new Set<(a: NotificationActivation) => void>();
  private readonly activatedAt = new Map<string, number>();
  private retryPending: boolean;
  private problem: string | undefined;

  constructor(private readonly deps: ElectronNotifierDeps) {
    this.retryPending = deps.retryFirstFailure !== undefined;
  }

  /** Set while the last notification failed (e.g. not permitted), for the Settings window; cleared by one that shows. */
  notificationProblem(): string | undefined {
    return this.problem;
  }

  onActivated(handler: (a: NotificationActivation) => void): void {
    this.handlers.add(handler);
  }

  async show(request: NotificationRequest): Promise<ShowResult> {
    const { Notification: Ctor, platform } = this.deps;
    if (!Ctor.isSupported()) return { status: 'failed', error: 'notifications are not supported on this system' };
    if (this.deps.osDoNotDisturb?.()) return { status: 'os_dnd' };
    let options: NotificationConstructorOptions;
    if (platform === 'win32') {
      const body = await this.deps.tokens.issue(request.key, 'default');
      const join = request.joinUrl ? await this.deps.tokens.issue(request.key, 'join') : undefined;
      const mute = request.muteLabel ? await this.deps.tokens.issue(request.key, 'mute') : undefined;
      options = { title: request.title, body: request.body, toastXml: toastXml(request, { body, join, mute }) };
    } else {
      options = { title: request.title, body: request.body, actions: buttonsOf(request).map(([, text]) => ({ type: 'button', text })), ...macSound(request.sound) };
    }
    let result = await this.present(request.key, options, buttonsOf(request).map(([action]) => action));
    if (result.status === 'failed' && this.retryPending) {
      this.retryPending = false;
      const delayMs = this.deps.retryFirstFailure?.delayMs ?? 0;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      result = await this.present(request.key, options, buttonsOf(request).map(([action]) => action));
    }
    this.retryPending = false;
    this.problem = result.status === 'failed' ? notPermittedText(platform, result.error) : undefined;
    return result;
  }

  /** `buttons`: the activation of each of `options.actions`, by index (macOS). */
  private present(key: string, options: NotificationConstructorOptions, buttons: readonly NotificationActivation['action'][]): Promise<ShowResult> {
    const notification = new this.deps.Notification(options);
    this.live.get(key)?.close();
    this.live.set(key, notification);
    notification.on('click', () => this.emit({ key, action: 'default' }));
    notification.on('action', (details, index) => {
      // Electron 45 puts the index on the event; older versions pass it positionally.
      const action = buttons[details?.actionIndex ?? index];
      if (action) this.emit({ key, action });
    });
    notification.on('close', () => {
      if (this.live.get(key) === notification) this.live.delete(key);
    });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ status: 'shown' }), this.deps.showTimeoutMs ?? 3000);
      notification.on('show', () => {
        clearTimeout(timer);
        resolve({ status: 'shown' });
      });
      notification.on('failed', (_event, error) => {
        clearTimeout(timer);
        if (this.live.get(key) === notification) this.live.delete(key);
        resolve({ status: 'failed', error });
      });
      notification.show();
    });
  }

  /** A `servicebell://activate?token=…` launch (Windows toast click). Returns whether it was one of ours. */
  async handleActivationUrl(url: string): Promise<boolean> {
    const token = activationToken(url);
    if (!token) return false;
    const activation = await this.deps.tokens.consume(token);
    if (!activation) return false;
    this.emit(activation);
    return true;
  }

  async withdraw(key: string): Promise<void> {
    this.live.get(key)?.close();
  }

  async close(): Promise<void> {
    for (const n of this.live.values()) n.close();
    this.live.clear();
  }

  /**
   * One click, one activation. A Windows toast with `activationType="protocol"` reports a click twice: Electron's
   * in-process `Activated` handler emits `click` for any arguments that are not its own `type=action&…` form
   * (shell/browser/notifications/win/windows_toast_notification.cc), and Windows also launches the
   * `servicebell://activate` URI, which reaches us as a second instance. Whichever comes first wins; the other,
   * within `dedupeMs`, is dropped, so the meeting opens once.
   */
  private emit(activation: NotificationActivation): void {
    const now = (this.deps.now ?? Date.now)();
    const windowMs = this.deps.dedupeMs ?? 10_000;
    for (const [key, at] of this.activatedAt) if (now - at >= windowMs) this.activatedAt.delete(key);
    if (this.activatedAt.has(activation.key)) return;
    this.activatedAt.set(activation.key, now);
    for (const handler of this.handlers) handler(activation);
  }
}

type Button = [NotificationActivation['action'], string];

/** The buttons of a notification, in order: Join Meeting when a link is allowed, then Mute when offered. */
function buttonsOf(request: NotificationRequest): Button[] {
  const buttons: Button[] = [];
  if (request.joinUrl) buttons.push(['join', request.joinLabel ?? JOIN_LABEL]);
  if (request.muteLabel) buttons.push(['mute', request.muteLabel]);
  return buttons;
}

/** The bundled bell by its name in Contents/Resources (electron-builder.yml `mac.extraResources`), as macOS looks sounds up. */
export const MAC_BUNDLED_SOUND = 'servicebell-bell';

/**
 * macOS sound options: Electron sets no sound name for `silent`, the default sound when `sound` is empty, else the
 * named sound (shell/browser/notifications/mac/cocoa_notification.mm). Alert style (it stays until dismissed) comes
 * from Info.plist's NSUserNotificationAlertStyle, set in electron-builder.yml.
 */
export function macSound(sound: NotificationRequest['sound'] = 'off'): Pick<NotificationConstructorOptions, 'silent' | 'sound'> {
  if (sound === 'off') return { silent: true };
  return sound === 'bundled' ? { sound: MAC_BUNDLED_SOUND } : {};
}

/** Linux (and other X11/Wayland desktops): the core's D-Bus adapter; macOS and Windows: Electron. */
export function createElectronNotifier(
  deps: Omit<ElectronNotifierDeps, 'platform'> & { platform: NodeJS.Platform; logger: Logger; busAddress?: string },
): Notifier & { handleActivationUrl?(url: string): Promise<boolean>; notificationProblem?(): string | undefined } {
  if (deps.platform === 'darwin' || deps.platform === 'win32') return new ElectronNotifier({ ...deps, platform: deps.platform });
  return new DbusNotifier({ logger: deps.logger, busAddress: deps.busAddress, appName: 'Servicebell' });
}
