// A small stand-in for systemd-logind on a private bus: org.freedesktop.login1.Manager (GetSession, PrepareForSleep)
// and one session object (Unlock), so the wake watcher is tested over real D-Bus against real signals.
import dbus from 'dbus-next';
import { LOGIND_MANAGER, LOGIND_NAME, LOGIND_PATH, LOGIND_SESSION } from '../../main/core/connection/logindWake.js';

export const SESSION_PATH = '/org/freedesktop/login1/session/_31';

class ManagerInterface extends dbus.interface.Interface {
  readonly asked: string[] = [];
  constructor() {
    super(LOGIND_MANAGER);
  }
  GetSession(id: string): string {
    this.asked.push(id);
    if (id !== 'auto' && id !== '31') throw new dbus.DBusError('org.freedesktop.login1.NoSuchSession', `No session '${id}' known`);
    return SESSION_PATH;
  }
  PrepareForSleep(start: boolean): boolean {
    return start;
  }
}
ManagerInterface.configureMembers({
  methods: { GetSession: { inSignature: 's', outSignature: 'o' } },
  signals: { PrepareForSleep: { signature: 'b' } },
});

class SessionInterface extends dbus.interface.Interface {
  constructor() {
    super(LOGIND_SESSION);
  }
  Unlock(): void {}
  Lock(): void {}
}
SessionInterface.configureMembers({ signals: { Unlock: { signature: '' }, Lock: { signature: '' } } });

export class FakeLogind {
  private constructor(
    private readonly bus: dbus.MessageBus,
    private readonly manager: ManagerInterface,
    private readonly session: SessionInterface,
  ) {}

  static async start(busAddress: string): Promise<FakeLogind> {
    const bus = dbus.sessionBus({ busAddress });
    const manager = new ManagerInterface();
    const session = new SessionInterface();
    bus.export(LOGIND_PATH, manager);
    bus.export(SESSION_PATH, session);
    const reply = await bus.requestName(LOGIND_NAME, dbus.NameFlag.DO_NOT_QUEUE);
    if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) {
      bus.disconnect();
      throw new Error(`${LOGIND_NAME} is already owned on this bus (reply ${reply})`);
    }
    return new FakeLogind(bus, manager, session);
  }

  get sessionsAsked(): readonly string[] {
    return this.manager.asked;
  }
  /** What logind emits around a suspend: true before, false after resuming. */
  sleep(start: boolean): void {
    this.manager.PrepareForSleep(start);
  }
  unlock(): void {
    this.session.Unlock();
  }
  lock(): void {
    this.session.Lock();
  }
  stop(): void {
    this.bus.disconnect();
  }
}
