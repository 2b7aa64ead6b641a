// nexmo-client keeps every event of a conversation in `conversation.events` for as long as the session lives (for its
// own seen/delivered/deleted bookkeeping and call state, none of which Servicebell uses). At a steady 200 events/s
// that map was the Vonage soak's whole growth (+35 MiB over 100,000 events). After each event only the newest few
// are kept: enough for a receipt or deletion that refers to a recent event, bounded however long the session runs.

/** How many of the newest events the SDK's per-conversation map keeps. */
export const SDK_EVENTS_KEPT = 200;

/** Drops the oldest entries (a Map iterates in insertion order) beyond `keep`; returns how many were dropped. */
export function trimSdkEvents(events: unknown, keep: number = SDK_EVENTS_KEPT): number {
  if (!(events instanceof Map) || events.size <= keep) return 0;
  let excess = events.size - keep;
  const dropped = excess;
  for (const key of events.keys()) {
    if (excess-- <= 0) break;
    events.delete(key);
  }
  return dropped;
}
