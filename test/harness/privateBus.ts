// A test file's own session bus and recording notification server, so files can run in parallel
// without seeing each other's notifications. With `keyring: true` it also gets its own unlocked
// gnome-keyring (fresh HOME), for processes that need notifications and the keychain on one bus.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKeyring, startSessionBus } from './desktopSession.mjs';
import { RecordingNotificationServer } from './notificationServer.js';

export interface PrivateDesktop {
  busAddress: string;
  notifications: RecordingNotificationServer;
  stop(): Promise<void>;
}

export async function startPrivateDesktop(options: { capabilities?: string[]; keyring?: boolean } = {}): Promise<PrivateDesktop> {
  const bus = await startSessionBus();
  const notifications = await RecordingNotificationServer.start({ busAddress: bus.address, capabilities: options.capabilities });
  const keyring = options.keyring
    ? await startKeyring({ ...process.env, HOME: mkdtempSync(path.join(os.tmpdir(), 'sb-keyring-home-')), DBUS_SESSION_BUS_ADDRESS: bus.address })
    : undefined;
  return {
    busAddress: bus.address,
    notifications,
    async stop() {
      await notifications.stop();
      await keyring?.stop();
      await bus.stop();
    },
  };
}
