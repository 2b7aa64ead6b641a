import type { Logger } from '../log/logger.js';
import { DbusNotifier } from './dbusNotifier.js';
import { NodeNotifierAdapter } from './nodeNotifierAdapter.js';
import type { Notifier } from './notifier.js';
import { createOsDoNotDisturb } from './osDoNotDisturb.js';

/** The headless mode's notifier: D-Bus on Linux (real button), node-notifier on macOS and Windows. */
export function createPlatformNotifier(logger: Logger, platform: NodeJS.Platform = process.platform): Notifier {
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return new DbusNotifier({ logger });
  const osDnd = createOsDoNotDisturb({ platform, appUserModelId: 'com.servicebell.app', logger });
  return new NodeNotifierAdapter(undefined, () => osDnd.active());
}
