// Linux has no Electron `unlock-screen` (powerMonitor emits it on macOS and Windows only) and `resume` depends on the
// desktop. logind says both over the system bus: Manager.PrepareForSleep(false) after a resume, and the Unlock
// signal on the caller's session object (`loginctl unlock-session`, screen lockers that go through logind).
import dbus from 'dbus-next';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import { withTimeout } from './timeout.js';

export const LOGIND_NAME = 'org.freedesktop.login1';
export const LOGIND_PATH = '/org/freedesktop/login1';
export const LOGIND_MANAGER = 'org.freedesktop.login1.Manager';
export const LOGIND_SESSION = 'org.freedesktop.login1.Session';
const CALL_TIMEOUT_MS = 5000;

export type WakeReason = 'logind-resume' | 'logind-unlock';

export interface LogindWakeDeps {
  /** The system bus by default; tests pass a private bus's address. */
  busAddress?: string;
  /** Which session's Unlock to follow: logind's `auto` is the caller's own session. */
  session?: string;
  onWake(reason: WakeReason): void;
  logger: Logger;
}

interface ManagerProxy {
  GetSession(id: string): Promise<string>;
  on(event: 'PrepareForSleep', listener: (start: boolean) => void): unknown;
}
interface SessionProxy {
  on(event: 'Unlock', listener: () => void): unknown;
}

export interface LogindWake {
  /** Which signals are followed (empty until `start` resolved, or when logind could not be reached). */
  following(): readonly ('PrepareForSleep' | 'Unlock')[];
  stop(): void;
}

/**
 * Follows logind's wake signals. Never throws: with no system bus or no logind (containers, non-systemd systems)
 * it logs once and follows nothing, and the app falls back to its own reconnect timers.
 */
export async function watchLogindWake(deps: LogindWakeDeps): Promise<LogindWake> {
  const followed: ('PrepareForSleep' | 'Unlock')[] = [];
  let bus: dbus.MessageBus | undefined;
  const result: LogindWake = {
    following: () => followed,
    stop: () => {
      bus?.disconnect();
      bus = undefined;
    },
  };
  const timed = <T>(promise: Promise<T>, what: string): Promise<T> =>
    withTimeout(promise, CALL_TIMEOUT_MS, () => new Error(`${what}: no answer from logind within ${CALL_TIMEOUT_MS / 1000} s`));
  try {
    bus = deps.busAddress ? dbus.sessionBus({ busAddress: deps.busAddress }) : dbus.systemBus();
    bus.on('error', (err: unknown) => deps.logger.warn({ error: safeErrorMessage(err) }, 'logind: system bus connection error'));
    const managerObject = await timed(bus.getProxyObject(LOGIND_NAME, LOGIND_PATH), 'logind');
    const manager = managerObject.getInterface(LOGIND_MANAGER) as unknown as ManagerProxy;
    manager.on('PrepareForSleep', (start) => {
      if (!start) deps.onWake('logind-resume');
    });
    followed.push('PrepareForSleep');
    const sessionPath = await timed(manager.GetSession(deps.session ?? 'auto'), 'logind GetSession');
    const sessionObject = await timed(bus.getProxyObject(LOGIND_NAME, sessionPath), 'logind session');
    const session = sessionObject.getInterface(LOGIND_SESSION) as unknown as SessionProxy;
    session.on('Unlock', () => deps.onWake('logind-unlock'));
    followed.push('Unlock');
  } catch (err) {
    deps.logger.info({ error: safeErrorMessage(err), following: followed }, 'logind: wake signals only partly followed; reconnects then rely on timers');
    if (followed.length === 0) result.stop();
  }
  return result;
}
