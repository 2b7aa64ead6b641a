import dbus from 'dbus-next';

/** One `Notify` call as the server received it. */
export interface RecordedNotification {
  id: number;
  appName: string;
  replacesId: number;
  appIcon: string;
  summary: string;
  body: string;
  /** Flat list as sent: [key, label, key, label, …]. */
  actions: string[];
  hints: Record<string, unknown>;
  timeout: number;
  closed: boolean;
}

export interface NotificationServerOptions {
  busAddress: string;
  capabilities?: string[];
}

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

class NotificationsInterface extends dbus.interface.Interface {
  nextId = 1;
  readonly recorded: RecordedNotification[] = [];
  readonly watchers = new Set<() => void>();
  inhibitedValue: boolean | undefined;

  constructor(private readonly capabilities: string[]) {
    super(NAME);
  }

  Notify(
    appName: string,
    replacesId: number,
    appIcon: string,
    summary: string,
    body: string,
    actions: string[],
    hints: Record<string, dbus.Variant>,
    timeout: number,
  ): number {
    const id = replacesId > 0 ? replacesId : this.nextId++;
    const plainHints: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(hints)) plainHints[k] = v.value;
    this.recorded.push({ id, appName, replacesId, appIcon, summary, body, actions, hints: plainHints, timeout, closed: false });
    for (const listener of this.watchers) listener();
    return id;
  }

  CloseNotification(id: number): void {
    const open = this.recorded.filter((r) => r.id === id && !r.closed);
    for (const n of open) n.closed = true;
    if (open.length > 0) this.NotificationClosed(id, 3);
  }

  /** KDE's do-not-disturb flag; servers without it answer Get with an error, as this one does when unset. */
  get Inhibited(): boolean {
    if (this.inhibitedValue === undefined) throw new dbus.DBusError('org.freedesktop.DBus.Error.UnknownProperty', 'no such property: Inhibited');
    return this.inhibitedValue;
  }

  GetCapabilities(): string[] {
    return this.capabilities;
  }

  GetServerInformation(): [string, string, string, string] {
    return ['servicebell-recording-server', 'servicebell', '1.0', '1.2'];
  }

  ActionInvoked(id: number, actionKey: string): [number, string] {
    return [id, actionKey];
  }

  NotificationClosed(id: number, reason: number): [number, number] {
    return [id, reason];
  }
}

NotificationsInterface.configureMembers({
  properties: {
    Inhibited: { signature: 'b', access: dbus.interface.ACCESS_READ },
  },
  methods: {
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
  },
  signals: {
    ActionInvoked: { signature: 'us' },
    NotificationClosed: { signature: 'uu' },
  },
});

/**
 * A recording `org.freedesktop.Notifications` server on a (private) session bus. Tests read what was shown and
 * "click" it. Start it before any client call, or a daemon with a .service file could be auto-started instead.
 */
export class RecordingNotificationServer {
  private constructor(
    private readonly bus: dbus.MessageBus,
    private readonly iface: NotificationsInterface,
  ) {}

  static async start(options: NotificationServerOptions): Promise<RecordingNotificationServer> {
    const bus = dbus.sessionBus({ busAddress: options.busAddress });
    const iface = new NotificationsInterface(options.capabilities ?? ['actions', 'body', 'body-markup']);
    bus.export(PATH, iface);
    const reply = await bus.requestName(NAME, dbus.NameFlag.DO_NOT_QUEUE);
    if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) {
      bus.disconnect();
      throw new Error(`${NAME} is already owned on this bus (reply ${reply}); refusing to share it`);
    }
    return new RecordingNotificationServer(bus, iface);
  }

  get notifications(): readonly RecordedNotification[] {
    return this.iface.recorded;
  }

  /** Resolves with the first notification (already received or future) that matches. */
  waitFor(predicate: (n: RecordedNotification) => boolean = () => true, timeoutMs = 10_000): Promise<RecordedNotification> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.iface.recorded.find(predicate);
        if (found) {
          this.iface.watchers.delete(listener);
          clearTimeout(timer);
          resolve(found);
          return true;
        }
        return false;
      };
      const listener = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        this.iface.watchers.delete(listener);
        reject(new Error(`no matching notification within ${timeoutMs} ms; got ${JSON.stringify(this.iface.recorded.map((r) => r.summary))}`));
      }, timeoutMs);
      if (!check()) this.iface.watchers.add(listener);
    });
  }

  /** Waits until `count` notifications have arrived. */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<readonly RecordedNotification[]> {
    await this.waitFor(() => this.iface.recorded.length >= count, timeoutMs);
    return this.iface.recorded;
  }

  /**
   * Simulates a click: `ActionInvoked(id, key)` then `NotificationClosed(id, 2)` (dismissed by the user), except for a
   * notification sent with the `resident` hint, which a server keeps until its sender or the user closes it.
   */
  click(id: number, actionKey = 'join'): void {
    this.iface.ActionInvoked(id, actionKey);
    const latest = this.iface.recorded.filter((r) => r.id === id).at(-1);
    if (latest?.hints.resident === true) return;
    for (const n of this.iface.recorded) if (n.id === id) n.closed = true;
    this.iface.NotificationClosed(id, 2);
  }

  /** Whether the notification with this id (its latest version, after replacements) is still on the server. */
  isOpen(id: number): boolean {
    const latest = this.iface.recorded.filter((r) => r.id === id).at(-1);
    return latest !== undefined && !latest.closed;
  }

  /** The person closed it without acting on it: `NotificationClosed(id, 2)` alone. */
  close(id: number): void {
    for (const n of this.iface.recorded) if (n.id === id) n.closed = true;
    this.iface.NotificationClosed(id, 2);
  }

  /** Turns the server's do-not-disturb (`Inhibited`) on or off; `undefined` removes the property's value. */
  setInhibited(value: boolean | undefined): void {
    this.iface.inhibitedValue = value;
    if (value !== undefined) dbus.interface.Interface.emitPropertiesChanged(this.iface, { Inhibited: value }, []);
  }

  clear(): void {
    this.iface.recorded.length = 0;
  }

  async stop(): Promise<void> {
    try {
      await this.bus.releaseName(NAME);
    } catch {
      // the bus may already be gone
    }
    this.bus.disconnect();
  }
}
