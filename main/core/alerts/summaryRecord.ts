// A summary notification as a history entry of its own: what it folded, so a click (now or after a restart) opens
// History on those alerts.
import { z } from 'zod';
import { keyOf, type Alert, type AlertKey, type FoldedAlert } from './alert.js';
import type { HistoryEntry } from './historyEntry.js';
import { historyFilterLabel } from './summaryText.js';
import type { Translator } from '../../../common/i18n/translator.js';

export const SUMMARY_KIND = 'summary';
/** As many keys as History takes in one filter; a bigger flood lists its first ones (the label says so). */
export const MAX_SUMMARY_KEYS = 1000;

/** What History is asked to show after a click on a summary: these alerts, and in words what they are. */
export interface HistoryRequest {
  keys: AlertKey[];
  label: string;
}

const summaryMetaSchema = z.object({
  keys: z.array(z.object({ restaurant: z.string().min(1).max(64), source: z.string().min(1).max(64), id: z.string().min(1).max(512) })).max(MAX_SUMMARY_KEYS),
  count: z.number().int().nonnegative(),
  label: z.string().max(200),
});

/** The summary's own alert (source `servicebell`, kind `summary`); `meta` holds the folded keys and the label. */
export function summaryAlert(options: { restaurant: string; id: string; at: number; title: string; body: string; folded: readonly FoldedAlert[]; translator?: Translator }): Alert {
  const listed = options.folded.slice(0, MAX_SUMMARY_KEYS);
  const firstAt = options.folded.reduce((min, a) => Math.min(min, a.receivedAt), options.at);
  const meta: z.infer<typeof summaryMetaSchema> = {
    keys: listed.map(keyOf),
    count: options.folded.length,
    label: historyFilterLabel(listed, options.folded.length, firstAt, options.translator),
  };
  return { id: options.id, restaurant: options.restaurant, source: 'servicebell', kind: SUMMARY_KIND, title: options.title, body: options.body, receivedAt: options.at, meta };
}

/** The History request a summary entry stands for; undefined for any other entry (or one whose meta is unreadable). */
export function summaryRecordOf(entry: HistoryEntry | undefined): HistoryRequest | undefined {
  if (entry?.alert.kind !== SUMMARY_KIND || entry.alert.source !== 'servicebell') return undefined;
  const meta = summaryMetaSchema.safeParse(entry.alert.meta);
  if (!meta.success) return undefined;
  return { keys: meta.data.keys, label: meta.data.label };
}
