import dbus from 'dbus-next';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import { escapeMarkup } from '../alerts/sanitize.js';
import { withTimeout as bounded } from '../connection/timeout.js';

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  bounded(promise, ms, () => new Error(`${what} timed out after ${ms} ms`));
import { existsSync } from 'node:fs';
import { bundledSoundPath } from './bundledSound.js';
import { dbusExpireTimeout, dbusHints } from './dbusHints.js';
import { DesktopDoNotDisturb, gnomeBannersWatcher, type DndWatcher } from './linuxDoNotDisturb.js';
import { JOIN_LABEL, SHOW_IN_HISTORY_LABEL, type NotificationActivation, type NotificationRequest, type Notifier, type ShowResult } from './notifier.js';

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';
const CALL_TIMEOUT_MS = 5000;
const MAX_TRACKED = 500;

interface PropertiesProxy {
  Get(iface: string, name: string): Promise<{ value: unknown }>;
  on(signal: 'PropertiesChanged', fn: (iface: string, changed: Record<string, { value: unknown }>) => void): void;
}

/** Index of the KDE `Inhibited` state inside DesktopDoNotDisturb (the watchers come after it). */
const INHIBITED = 1000;

interface NotificationsProxy {
  Notify(...args: unknown[]): Promise<number>;
  CloseNotification(id: number): Promise<void>;
  GetCapabilities(): Promise<string[]>;
  on(signal: 'ActionInvoked', fn: (id: number, key: string) => void): void;
  on(signal: 'NotificationClosed', fn: (id: number, reason: number) => void): void;
}

/**
 * Linux notifications straight over D-Bus (`org.freedesktop.Notifications`), with a real "Join Meeting" button
 * where the server advertises `actions`. Electron's Notification and notify-send cannot give a button on Linux.
 */
export class DbusNotifier implements Notifier {
  readonly name = 'dbus';
  private bus: dbus.MessageBus | null = null;
  private proxy: Promise<{ iface: NotificationsProxy; props: PropertiesProxy; caps: Set<string> }> | null = null;
  private readonly osDnd: DesktopDoNotDisturb;
  private readonly keys = new Map<number, string>();
  /** Signals that arrived before the Notify reply told us the id (they can share one read). */
  private readonly early = new Map<number, string[]>();
  private readonly handlers = new Set<(a: NotificationActivation) => void>();

  /** The bundled bell's path, when the file is there (else 'bundled' falls back to the system's sound). */
  private readonly bundledSound: string | undefined;

  constructor(
    private readonly options: { busAddress?: string; appName?: string; logger: Logger; dndWatchers?: readonly DndWatcher[]; bundledSound?: string },
  ) {
    this.osDnd = new DesktopDoNotDisturb(options.dndWatchers ?? [gnomeBannersWatcher]);
    const bell = options.bundledSound ?? bundledSoundPath();
    this.bundledSound = existsSync(bell) ? bell : undefined;
    if (!this.bundledSound) options.logger.warn({ file: bell }, 'the bundled notification sound is missing; the system sound plays instead');
  }

  onActivated(handler: (a: NotificationActivation) => void): void {
    this.handlers.add(handler);
  }

  async show(request: NotificationRequest): Promise<ShowResult> {
    let connection: { iface: NotificationsProxy; props: PropertiesProxy; caps: Set<string> };
    try {
      connection = await this.connect();
    } catch (err) {
      this.proxy = null;
      return { status: 'failed', error: `no notification server on the session bus: ${safeErrorMessage(err)}` };
    }
    const { iface, caps } = connection;
    const canAct = caps.has('actions');
    const joinLabel = request.joinLabel ?? JOIN_LABEL;
    const body = caps.has('body-markup') ? escapeMarkup(request.body) : request.body;
    const actions = !canAct
      ? []
      : [
          ...(request.joinUrl ? ['default', joinLabel, 'join', joinLabel] : request.opensHistory ? ['default', request.historyLabel ?? SHOW_IN_HISTORY_LABEL] : []),
          ...(request.muteLabel ? ['mute', request.muteLabel] : []),
        ];
    const hints = dbusHints(request, this.bundledSound);
    // A reminder takes the place of its alert's notification while that one is still open (the server gives it back
    // the same id); once closed, it is a new notification.
    const replacesId = request.replaces ? this.openId(request.key) : 0;
    let id: number;
    try {
      const call = iface.Notify(this.options.appName ?? 'Servicebell', replacesId, '', request.title, body, actions, hints, dbusExpireTimeout(request));
      id = await withTimeout(call, CALL_TIMEOUT_MS, 'Notify');
    } catch (err) {
      this.proxy = null;
      return { status: 'failed', error: safeErrorMessage(err) };
    }
    this.track(id, request.key);
    // Sent even under the desktop's do-not-disturb, so it waits in the notification list, but reported as not seen.
    if (this.osDnd.active) return { status: 'os_dnd' };
    if (request.joinUrl && !canAct) return { status: 'shown_without_action', reason: 'the notification server does not support actions' };
    return { status: 'shown' };
  }

  async withdraw(key: string): Promise<void> {
    const id = this.openId(key);
    if (id === 0 || !this.proxy) return;
    try {
      const { iface } = await this.proxy;
      await withTimeout(iface.CloseNotification(id), CALL_TIMEOUT_MS, 'CloseNotification');
    } catch (err) {
      this.options.logger.warn({ error: safeErrorMessage(err) }, 'could not close a handled notification');
    }
  }

  async close(): Promise<void> {
    this.osDnd.stop();
    this.bus?.disconnect();
    this.bus = null;
    this.proxy = null;
  }

  /** KDE Plasma (and others) expose `Inhibited` while do-not-disturb is on: read once, then follow its changes. */
  private async followInhibited(props: PropertiesProxy): Promise<void> {
    props.on('PropertiesChanged', (iface, changed) => {
      const value = changed.Inhibited?.value;
      if (iface === NAME && typeof value === 'boolean') this.osDnd.report(INHIBITED, value);
    });
    try {
      const variant = await withTimeout(props.Get(NAME, 'Inhibited'), CALL_TIMEOUT_MS, 'Inhibited');
      this.osDnd.report(INHIBITED, typeof variant.value === 'boolean' ? variant.value : undefined);
    } catch {
      this.osDnd.report(INHIBITED, undefined); // no such property: this server cannot tell
    }
  }

  private connect(): Promise<{ iface: NotificationsProxy; props: PropertiesProxy; caps: Set<string> }> {
    this.proxy ??= (async () => {
      this.bus?.disconnect();
      this.bus = this.options.busAddress ? dbus.sessionBus({ busAddress: this.options.busAddress }) : dbus.sessionBus();
      this.bus.on('error', (err: unknown) => {
        this.options.logger.warn({ error: safeErrorMessage(err) }, 'D-Bus connection error');
        this.proxy = null;
      });
      const object = await withTimeout(this.bus.getProxyObject(NAME, PATH), CALL_TIMEOUT_MS, 'connecting to the notification server');
      const iface = object.getInterface(NAME) as unknown as NotificationsProxy;
      const props = object.getInterface('org.freedesktop.DBus.Properties') as unknown as PropertiesProxy;
      this.osDnd.start();
      await this.followInhibited(props);
      iface.on('ActionInvoked', (id, key) => this.signal(id, key));
      iface.on('NotificationClosed', (id) => this.signal(id, null));
      const caps = new Set(await withTimeout(iface.GetCapabilities(), CALL_TIMEOUT_MS, 'GetCapabilities'));
      return { iface, props, caps };
    })();
    return this.proxy;
  }

  /** The id of the open notification last shown for `key`, or 0 (none). */
  private openId(key: string): number {
    let found = 0;
    for (const [id, k] of this.keys) if (k === key) found = id;
    return found;
  }

  private track(id: number, key: string): void {
    this.keys.delete(id); // a replaced id moves to the newest end
    this.keys.set(id, key);
    if (this.keys.size > MAX_TRACKED) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    const pending = this.early.get(id);
    this.early.delete(id);
    for (const action of pending ?? []) this.signal(id, action === '' ? null : action);
  }

  /** `action` null means closed. */
  private signal(id: number, action: string | null): void {
    const key = this.keys.get(id);
    if (key === undefined) {
      const buffered = this.early.get(id) ?? [];
      buffered.push(action ?? '');
      this.early.set(id, buffered);
      if (this.early.size > MAX_TRACKED) this.early.delete(this.early.keys().next().value ?? id);
      return;
    }
    if (action === null) {
      this.keys.delete(id);
      return;
    }
    const kind = action === 'join' || action === 'default' || action === 'mute' ? action : null;
    if (kind === null) return;
    for (const handler of this.handlers) handler({ key, action: kind });
  }
}
