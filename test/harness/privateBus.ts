// A test file's own session bus and recording notification server, so files can run in parallel
// without seeing each other's notifications. (The keyring lives on the run's bus from `npm test`.)
import { startSessionBus } from './desktopSession.mjs';
import { RecordingNotificationServer } from './notificationServer.js';

export interface PrivateDesktop {
  busAddress: string;
  notifications: RecordingNotificationServer;
  stop(): Promise<void>;
}

export async function startPrivateDesktop(options: { capabilities?: string[] } = {}): Promise<PrivateDesktop> {
  const bus = await startSessionBus();
  const notifications = await RecordingNotificationServer.start({ busAddress: bus.address, ...options });
  return {
    busAddress: bus.address,
    notifications,
    async stop() {
      await notifications.stop();
      await bus.stop();
    },
  };
}
