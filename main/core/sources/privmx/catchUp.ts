import type { HttpFetch } from '../../connection/httpRequest.js';
import type { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { listThreadMessagesSchema, type NotificationFrame, type ThreadMessage } from './bridgeFrames.js';
import type { PrivmxAuth } from './privmxAuth.js';
import { BRIDGE_CODE, httpRpc, isRpcError } from './privmxRpc.js';
import type { ThreadCursors } from './threadCursors.js';

export interface CatchUpDeps {
  apiUrl: string;
  auth: PrivmxAuth;
  cursors: ThreadCursors;
  logger: Logger;
  /** The same path live events take; resolves once the alert is in history (then the cursor may move). */
  handle(frame: NotificationFrame, origin: 'catchup'): Promise<void>;
  /** Called before a thread is re-read from its cursor (a failed delivery may have pinned it). */
  unblock?(threadId: string): void;
  /** A thread that no longer exists; true when it was expected (a learned inbox thread) and needs no warning. */
  onMissing?(threadId: string): boolean;
  fetchImpl?: HttpFetch;
  timeoutMs?: number;
  /** Safety stop for one thread per run (100 per page). */
  maxPages?: number;
}

const PAGE = 100;
export const EMPTY_THREAD_CURSOR = '0'.repeat(24);

/**
 * Reads what a thread got while we were away: `thread/listThreadMessages` over HTTP (it refuses the WS) after the
 * persisted cursor, oldest first, page by page. With no cursor yet, it only records the newest id: a first start
 * must not replay a thread's whole history.
 */
export async function catchUpThread(deps: CatchUpDeps, threadId: string): Promise<number> {
  let handled = 0;
  deps.unblock?.(threadId);
  let from = deps.cursors.get(threadId);
  if (from === undefined) {
    const newest = await listMessages(deps, threadId, null, 'desc', 1);
    // An empty thread gets the lowest possible cursor, so its first messages are caught up too.
    deps.cursors.advance(threadId, newest[0]?.id ?? EMPTY_THREAD_CURSOR);
    return 0;
  }
  for (let page = 0; page < (deps.maxPages ?? 1000); page += 1) {
    const list = await listMessages(deps, threadId, from, 'asc', PAGE);
    for (const msg of list) {
      await deps.handle({ channel: 'thread', type: 'threadNewMessage', data: msg, timestamp: msg.createDate }, 'catchup');
      handled += 1;
    }
    const last = list[list.length - 1];
    if (!last || list.length < PAGE) break;
    from = last.id;
  }
  return handled;
}

/** Catches up every thread; one failing thread is logged and does not stop the others. */
export async function catchUpThreads(deps: CatchUpDeps, threadIds: readonly string[]): Promise<number> {
  let total = 0;
  for (const threadId of threadIds) {
    try {
      total += await catchUpThread(deps, threadId);
    } catch (err) {
      if (isRpcError(err, 24577)) {
        if (!deps.onMissing?.(threadId)) deps.logger.warn({ threadId }, 'privmx: a rule names a thread that does not exist');
      }
      else deps.logger.warn({ threadId, err: safeErrorMessage(err) }, 'privmx: catch-up failed for a thread');
    }
  }
  return total;
}

async function listMessages(deps: CatchUpDeps, threadId: string, from: string | null, sortOrder: 'asc' | 'desc', limit: number): Promise<ThreadMessage[]> {
  const params = { threadId, from, limit, sortOrder };
  const call = async (): Promise<z.output<typeof listThreadMessagesSchema>> => {
    const token = await deps.auth.validToken();
    return httpRpc(deps.apiUrl, 'thread/listThreadMessages', params, listThreadMessagesSchema, {
      bearer: token.accessToken,
      timeoutMs: deps.timeoutMs ?? 15_000,
      ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    });
  };
  try {
    return (await call()).list;
  } catch (err) {
    // The access token may have expired between our check and the call (sleep, clock skew): renew once.
    if (!isRpcError(err, BRIDGE_CODE.UNAUTHORIZED)) throw err;
    deps.auth.invalidateAccess();
    return (await call()).list;
  }
}
