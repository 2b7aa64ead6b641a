import { createRequire } from 'node:module';
import { z } from 'zod';
import { systemClock, type Clock, type TimerHandle } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';

/**
 * The system's own do-not-disturb on macOS (Focus) and Windows (Focus Assist), read through the native modules
 * Mattermost Desktop uses (`macos-notification-state`, `windows-focus-assist`; optional dependencies, built only on
 * their platform). Linux is handled by the D-Bus notifier. Cached and refreshed in the background: notifications ask
 * synchronously and must not wait for it.
 */
export interface OsDoNotDisturb {
  active(): boolean;
  stop(): void;
}

const fn = z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'not a function');
const macModule = z.object({ getDoNotDisturb: fn });
const winModule = z.object({ getFocusAssist: fn, isPriority: fn });
const namedValue = z.object({ name: z.string() });

export interface OsDndOptions {
  platform: NodeJS.Platform;
  /** The app id Windows knows the app by: Focus Assist's priority list names apps by it. */
  appUserModelId?: string;
  logger: Logger;
  /** Loads a module by name; injectable so the mapping is testable without the native modules. */
  load?: (name: string) => unknown;
  clock?: Clock;
  refreshMs?: number;
}

const requireModule = createRequire(import.meta.url);

export function createOsDoNotDisturb(options: OsDndOptions): OsDoNotDisturb {
  const load = options.load ?? ((name: string) => requireModule(name) as unknown);
  const clock = options.clock ?? systemClock;
  const query = platformQuery(options, load);
  if (!query) return { active: () => false, stop: () => {} };
  let active = false;
  let timer: TimerHandle | undefined;
  let warned = false;
  const refresh = async (): Promise<void> => {
    try {
      active = await query();
    } catch (err) {
      active = false;
      if (!warned) options.logger.warn({ error: safeErrorMessage(err) }, 'cannot read the system do-not-disturb state');
      warned = true;
    }
  };
  const loop = (): void => {
    void refresh().finally(() => {
      timer = clock.setTimeout(loop, options.refreshMs ?? 15_000);
    });
  };
  loop();
  return {
    active: () => active,
    stop: () => {
      if (timer !== undefined) clock.clearTimeout(timer);
    },
  };
}

function platformQuery(options: OsDndOptions, load: (name: string) => unknown): (() => Promise<boolean>) | undefined {
  if (options.platform === 'darwin') {
    return async () => {
      const mod = macModule.parse(load('macos-notification-state'));
      return (await mod.getDoNotDisturb()) === true;
    };
  }
  if (options.platform === 'win32') {
    return async () => {
      const mod = winModule.parse(load('windows-focus-assist'));
      const status = namedValue.parse(mod.getFocusAssist()).name;
      if (status === 'ALARMS_ONLY') return true;
      if (status !== 'PRIORITY_ONLY') return false;
      // Priority only: our toasts still show if the person put Servicebell on the priority list.
      return !options.appUserModelId || namedValue.parse(mod.isPriority(options.appUserModelId)).name !== 'YES';
    };
  }
  return undefined;
}
