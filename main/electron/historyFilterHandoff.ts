// The filter History opens with after a click on a summary notification: handed over once, either on the page's
// load (`history:take-filter`) or, when History is already open, as a `history:filter` event.
import { historyFilterSchema, type HistoryFilter } from '../../preload/contract.js';
import type { HistoryRequest } from '../core/alerts/pipeline.js';
import type { WindowFactory } from './windows.js';

/** One filter waiting for the History page to load; taking it empties the slot. */
export class HistoryFilterHandoff {
  private waiting: HistoryFilter | null = null;

  set(filter: HistoryFilter): void {
    this.waiting = filter;
  }

  take(): HistoryFilter | null {
    const filter = this.waiting;
    this.waiting = null;
    return filter;
  }
}

export interface HistoryOpener {
  handoff: HistoryFilterHandoff;
  windows: Pick<WindowFactory, 'isOpen' | 'show' | 'broadcast'>;
}

/**
 * Opens (or focuses) History on what a summary held. An open page gets the filter as an event; a new one takes it when
 * it loads. A filter that fails the contract (it crosses to the renderer) is not sent: History opens unfiltered.
 */
export function openHistoryWith(deps: HistoryOpener, request: HistoryRequest): void {
  const parsed = historyFilterSchema.safeParse({ keys: request.keys, label: request.label });
  const alreadyOpen = deps.windows.isOpen('history');
  if (parsed.success && !alreadyOpen) deps.handoff.set(parsed.data);
  deps.windows.show('history');
  if (parsed.success && alreadyOpen) deps.windows.broadcast('history:filter', parsed.data);
}
