// Why an alert was not shown (or shown otherwise), in words: the catalogue key for each reason the pipeline gives.
// History and the headless mode's lines both say it this way.
import type { MessageKey } from './catalogues/en.js';

const REASON_KEYS: Record<string, MessageKey> = {
  dnd: 'history.reason.dnd',
  muted: 'history.reason.muted',
  coalesced: 'history.reason.coalesced',
  os_dnd: 'history.reason.os_dnd',
  failed: 'history.reason.failed',
  link_not_allowed: 'history.reason.link_not_allowed',
  no_actions: 'history.reason.no_actions',
  backlog: 'history.reason.backlog',
  while_closed: 'history.reason.while_closed',
};

/** The key for a reason; undefined for one the catalogue does not know (shown as it came). */
export function reasonKey(reason: string): MessageKey | undefined {
  return Object.hasOwn(REASON_KEYS, reason) ? REASON_KEYS[reason] : undefined;
}
