import { z } from 'zod';

/** Where an alert came from. */
export const alertSourceSchema = z.enum(['vonage', 'privmx', 'mqtt', 'ntfy', 'servicebell']);
export type AlertSource = z.infer<typeof alertSourceSchema>;

/**
 * What every source turns an event into. `id` is unique per source within a restaurant (dedupe key: restaurant + source + id).
 * `title`, `body` are raw text as received; the pipeline sanitizes them before anything is shown.
 * `link` is a candidate URL; only the link policy decides whether it becomes a "Join Meeting" action.
 */
export const alertSchema = z.object({
  id: z.string().min(1).max(512),
  /** The restaurant (settings id) whose connection produced it; set by the core, never by a source. Entries from before settings v2 were all `default`'s. */
  restaurant: z.string().min(1).max(64).default('default'),
  source: alertSourceSchema,
  kind: z.string().min(1).max(128),
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  receivedAt: z.number().int().nonnegative(),
  /**
   * Any plain object, copied (shallow) as a record parse would: `z.record` also walked each key through a string and
   * an unknown schema, three quarters of this parse and a step every alert takes before history (measured).
   */
  meta: z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'meta must be an object')
    .transform((meta) => ({ ...meta }))
    .default({}),
});
export type Alert = z.infer<typeof alertSchema>;
/** What a source hands to the pipeline; `meta` may be omitted. */
export type AlertInput = z.input<typeof alertSchema>;

/** Why an alert was not shown as a notification (or shown without its link). */
export type NotShownReason = 'duplicate' | 'dnd' | 'muted' | 'coalesced' | 'failed' | 'os_dnd';
export type LinkRejectReason = 'link_not_allowed';

/** Which alert: unique per restaurant, source and the source's id. */
export interface AlertKey {
  restaurant: string;
  source: string;
  id: string;
}

/**
 * What a summary needs of an alert it folds (its key, kind and time). A burst holds only this until its summary: a
 * flood of 90,000 alerts kept every body, link and meta alive for the window (≈ 330 bytes each, all copied by every
 * young-generation collection), where this is ≈ 50.
 */
export type FoldedAlert = Pick<Alert, 'restaurant' | 'source' | 'id' | 'kind' | 'receivedAt'>;
export const foldedOf = (alert: FoldedAlert): FoldedAlert => ({ restaurant: alert.restaurant, source: alert.source, id: alert.id, kind: alert.kind, receivedAt: alert.receivedAt });

export const keyOf = (alert: Pick<Alert, 'restaurant' | 'source' | 'id'>): AlertKey => ({ restaurant: alert.restaurant, source: alert.source, id: alert.id });

export const sameAlert = (alert: Pick<Alert, 'restaurant' | 'source' | 'id'>, key: AlertKey): boolean =>
  alert.id === key.id && alert.source === key.source && alert.restaurant === key.restaurant;
