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

  /** Drops `filter` if it is still the one waiting (its window closed without taking it). */
  discard(filter: HistoryFilter): void {
    if (this.waiting === filter) this.waiting = null;
  }
}

export interface HistoryOpener {
  handoff: HistoryFilterHandoff;
  windows: Pick<WindowFactory, 'isOpen' | 'show' | 'broadcast'>;
}

/**
 * Opens (or focuses) History on what a summary held. The filter waits in the handoff for the page to take as it
 * loads; an open window also gets it as a `history:filter` event at once. (A window opened a moment ago may still be
 * loading and miss the event: it takes the filter instead. One that has loaded never asks again, so the filter is
 * dropped when that window closes, and a later History… opens unfiltered.) A filter that fails the contract (it
 * crosses to the renderer) is not sent: History opens unfiltered.
 */
export function openHistoryWith(deps: HistoryOpener, request: HistoryRequest): void {
  const parsed = historyFilterSchema.safeParse({ keys: request.keys, label: request.label });
  const alreadyOpen = deps.windows.isOpen('history');
  if (parsed.success) deps.handoff.set(parsed.data);
  const win = deps.windows.show('history');
  if (!parsed.success) return;
  const filter = parsed.data;
  win.on('closed', () => deps.handoff.discard(filter));
  if (alreadyOpen) deps.windows.broadcast('history:filter', filter);
}
