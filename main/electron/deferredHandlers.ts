// IPC handlers registered before the core is up (a window can open while start-up still awaits the keychain): each
// request waits for the real handlers, with a deadline, instead of meeting an unregistered channel.
import { contract, type Channel, type Handlers } from '../../preload/contract.js';
import { withTimeout } from '../core/connection/timeout.js';

export function deferredHandlers(ready: Promise<Handlers>, timeoutMs = 30_000): Handlers {
  const channels = Object.keys(contract) as Channel[];
  const entries = channels.map((channel) => {
    const handler = async (request: unknown): Promise<unknown> => {
      const handlers = await withTimeout(ready, timeoutMs, () => new Error(`${channel}: Servicebell is still starting; try again in a moment`));
      return (handlers[channel] as (request: unknown) => Promise<unknown>)(request);
    };
    return [channel, handler] as const;
  });
  return Object.fromEntries(entries) as unknown as Handlers;
}
