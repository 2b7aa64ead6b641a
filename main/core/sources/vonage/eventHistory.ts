// Catch-up over REST (`GET /beta2/conversations/{id}/events`, protocol doc §5), done by us rather than by the
// SDK's getEvents: that one has no timeout and rejects a whole page when one stored event has `body: null`.
import { httpRequest, type HttpFetch, type HttpReply } from '../../connection/httpRequest.js';
import { z } from 'zod';
import { describeNetworkError } from '../../connection/networkError.js';
import { toConversationEvent, type ConversationEvent } from './eventMapper.js';

const pageSchema = z.object({
  _embedded: z.object({ data: z.object({ events: z.array(z.unknown()) }) }),
  _links: z.object({ next: z.object({ href: z.string() }).optional() }).loose(),
});

export class HistoryError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'HistoryError';
  }
}

export interface HistoryRequest {
  apiUrl: string;
  conversationId: string;
  token: string;
  /** Only events with a larger id are returned; undefined asks for the latest id only. */
  afterId: number | undefined;
  maxEvents: number;
  timeoutMs: number;
  fetchImpl?: HttpFetch;
}

export interface HistoryResult {
  /** Ascending by id, only those after `afterId`, at most `maxEvents` (the newest ones). */
  events: ConversationEvent[];
  /** The largest id the server listed, malformed events included (they still occupy ids). */
  latestId: number | undefined;
  /** More events were missed than `maxEvents` (a memory bound, far above any real backlog); the oldest were not read. */
  truncated: boolean;
  /**
   * Ids after `afterId` the server no longer lists: paging ended before reaching the cursor, so events older than the
   * server keeps (its retention) are gone. 0 when the history reached back to the cursor.
   */
  unavailable: number;
}

async function getPage(url: string, req: HistoryRequest): Promise<z.infer<typeof pageSchema>> {
  let response: HttpReply;
  try {
    response = await (req.fetchImpl ?? httpRequest)(url, {
      headers: { authorization: `Bearer ${req.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(req.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw new HistoryError(`event history: ${describeNetworkError(url, err, req.timeoutMs)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HistoryError(`event history answered HTTP ${response.status}`, response.status);
  }
  const parsed = pageSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new HistoryError('event history page is malformed');
  return parsed.data;
}

export async function fetchEventsAfter(req: HistoryRequest): Promise<HistoryResult> {
  const base = new URL(req.apiUrl);
  const first = new URL(`beta2/conversations/${encodeURIComponent(req.conversationId)}/events`, base.href.endsWith('/') ? base : `${base.href}/`);
  first.searchParams.set('order', 'desc');
  first.searchParams.set('page_size', req.afterId === undefined ? '1' : '100');
  const events: ConversationEvent[] = [];
  let latestId: number | undefined;
  let url: string | undefined = first.href;
  let truncated = false;
  let reachedCursor = req.afterId === undefined;
  let oldestListed: number | undefined;
  while (url !== undefined) {
    const page = await getPage(url, req);
    for (const raw of page._embedded.data.events) {
      const rawId = Number((raw as { id?: unknown } | null)?.id);
      if (Number.isSafeInteger(rawId)) {
        latestId = Math.max(latestId ?? rawId, rawId);
        oldestListed = Math.min(oldestListed ?? rawId, rawId);
      }
      const event = toConversationEvent(raw);
      if (event === undefined) continue;
      if (req.afterId !== undefined && event.id <= req.afterId) {
        reachedCursor = true;
        continue;
      }
      if (events.length >= req.maxEvents) truncated = true;
      else events.push(event);
    }
    const next = page._links.next?.href;
    // Never send the token to another origin, whatever the page says.
    url = !reachedCursor && !truncated && next !== undefined && new URL(next, base).origin === base.origin ? new URL(next, base).href : undefined;
  }
  events.sort((a, b) => a.id - b.id);
  const unavailable = !reachedCursor && !truncated && req.afterId !== undefined && oldestListed !== undefined ? Math.max(0, oldestListed - req.afterId - 1) : 0;
  return { events, latestId, truncated, unavailable };
}
