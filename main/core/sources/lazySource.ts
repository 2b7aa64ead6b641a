import type { Source, SourceName } from './source.js';

/**
 * A source whose module (and its libraries) is imported when it starts, not when the registry is: a kind the settings
 * leave disabled costs nothing (MQTT.js alone is ≈ 20 MiB of RSS and ≈ 60 ms of start-up). One start per instance,
 * as the supervisor uses sources; a stop during the import means the source never starts.
 */
export function lazySource(name: SourceName, load: () => Promise<Source>): Source {
  let loading: Promise<Source> | undefined;
  let started: Source | undefined;
  let stopped = false;
  return {
    name,
    async start() {
      loading ??= load();
      const source = await loading;
      if (stopped) return;
      started = source;
      await source.start();
    },
    // Before the import finished there is no connection yet to reconnect; the start that follows connects anyway.
    reconnectNow: (reason) => started?.reconnectNow(reason),
    async stop() {
      stopped = true;
      if (loading) await loading.catch(() => undefined);
      await started?.stop();
    },
  };
}
