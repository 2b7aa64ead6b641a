// Runs in the page before its scripts (Playwright init script): the same `window.servicebell` the preload exposes,
// built by the same createApi, but carried over a Playwright binding to the real core in the test process.
import { createApi } from '../../preload/api.js';
import type { Channel, EventChannel, Response } from '../../preload/contract.js';

type Listener = (payload: never) => void;
const scope = window as unknown as {
  __servicebellInvoke(channel: Channel, request: unknown): Promise<unknown>;
  __servicebellEmit?: (channel: EventChannel, payload: unknown) => void;
};
const listeners = new Map<EventChannel, Set<Listener>>();

window.servicebell = createApi(
  (channel, request) => scope.__servicebellInvoke(channel, request) as Promise<Response<typeof channel>>,
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    listeners.set(channel, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  },
);
scope.__servicebellEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) (listener as (p: unknown) => void)(payload);
};
