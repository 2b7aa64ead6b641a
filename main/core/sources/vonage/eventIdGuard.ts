// Live event ids must be plausible against what we know of the conversation. nexmo-client's ordering queue waits
// for every id below the largest it has seen: one event far ahead (a bug, a hostile server, `1e308`) makes it wait
// forever for a gap REST can never fill, and every later event is dropped. Such events never reach the SDK.

/** How far ahead of the last known id a live event may be (a burst in flight; a longer outage is caught up from REST). */
export const MAX_IDS_AHEAD = 1000;

/**
 * Why a live event's id must not reach the SDK, or undefined. Ids the SDK does not queue (absent, not a number) pass:
 * they are dispatched at once and our own mapper drops what has no usable id. `lastKnown` undefined: nothing to
 * compare with yet (the first run's baseline comes before the first connect, so this is rare).
 */
export function implausibleId(rawId: unknown, lastKnown: number | undefined, maxAhead = MAX_IDS_AHEAD): string | undefined {
  if (rawId === undefined || rawId === null) return undefined;
  const id = Number(rawId);
  if (Number.isNaN(id)) return undefined;
  if (!Number.isSafeInteger(id) || id < 0) return `id ${String(rawId).slice(0, 32)} is not a usable id`;
  if (lastKnown !== undefined && id > lastKnown + maxAhead) return `id ${id} is ${id - lastKnown} ahead of the last known id ${lastKnown}`;
  return undefined;
}
