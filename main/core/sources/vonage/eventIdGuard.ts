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

/**
 * One connection's unbroken run of live ids, per conversation. A burst bigger than MAX_IDS_AHEAD arrives before the
 * cursor moves, yet each of its ids is the one after the last passed: counted from the run, it stays plausible
 * however long (the flood bench's 10,000 were otherwise dropped past the 1,000th and left to REST catch-up, ≈ 2 min).
 * Only the next id extends a run, so an id that skips ahead (however little) never raises the bar for the next one.
 */
export class LiveIdRuns {
  private readonly last = new Map<string, number>();

  /** As `implausibleId`, counted from the further of `lastKnown` and this conversation's run; a passing next id extends the run. */
  judge(conversationId: string, rawId: unknown, lastKnown: number | undefined, maxAhead = MAX_IDS_AHEAD): string | undefined {
    const run = this.last.get(conversationId);
    const base = run === undefined ? lastKnown : Math.max(run, lastKnown ?? run);
    const problem = implausibleId(rawId, base, maxAhead);
    const id = Number(rawId);
    if (problem === undefined && base !== undefined && id === base + 1) this.last.set(conversationId, id);
    return problem;
  }
}
