import type { Logger } from '../log/logger.js';
import { DbusNotifier } from './dbusNotifier.js';
import type { Notifier } from './notifier.js';

/**
 * The headless mode's notifier: D-Bus on Linux (real button), node-notifier on macOS and Windows. node-notifier and
 * the system do-not-disturb readers are loaded only there (node-notifier alone is ≈ 11 MB of RSS).
 */
export async function createPlatformNotifier(logger: Logger, platform: NodeJS.Platform = process.platform): Promise<Notifier> {
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return new DbusNotifier({ logger });
  const [{ NodeNotifierAdapter }, { createOsDoNotDisturb }] = await Promise.all([import('./nodeNotifierAdapter.js'), import('./osDoNotDisturb.js')]);
  const osDnd = createOsDoNotDisturb({ platform, appUserModelId: 'com.servicebell.app', logger });
  return new NodeNotifierAdapter(undefined, () => osDnd.active());
}
