import { z } from 'zod';
import { alertSchema } from './alert.js';

export const historyEntrySchema = z.object({
  alert: alertSchema,
  /** Whether a notification was shown for this alert itself (not as part of a summary). */
  shown: z.boolean(),
  /** Why it was not shown, or shown without its link: dnd, coalesced, link_not_allowed, failed, os_dnd. */
  reason: z.string().optional(),
  /** The link, when the link policy allowed it at the time it arrived. */
  joinUrl: z.string().optional(),
  read: z.boolean(),
  /** A person acted on it: joined the meeting, or dismissed it in History. Reminders stop once it is handled. */
  handled: z.enum(['joined', 'dismissed']).optional(),
  /**
   * Not announced yet: written with the alert and cleared once its `alert` line is out and the notifier answered (for
   * a coalesced alert: its summary's). Still set on start means the last run ended first; the start announces it.
   */
  pending: z.boolean().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
