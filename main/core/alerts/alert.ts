import { z } from 'zod';
import { isCount, isText, plainFirst, plainObject } from '../validation/plainFirst.js';

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

const SOURCES: ReadonlySet<unknown> = new Set(alertSourceSchema.options);

/**
 * `alertSchema`'s checks in plain code, for what the sources hand over (nearly always valid): the same alert zod
 * would give, or undefined, and then zod says what is wrong (`parseAlert`). zod's parse was the largest single step
 * of an event before its history write (≈ 60 µs of ≈ 210 when events come one at a time; ≈ 0.6 µs in a flood).
 * `alert.test.ts` keeps the two in agreement over the edge cases of every field.
 */
export function alertWithoutZod(input: unknown): Alert | undefined {
  const o = plainObject(input);
  if (!o) return undefined;
  const { id, restaurant = 'default', source, kind, title, body, link, receivedAt, meta = {} } = o;
  if (!isText(id, 1, 512) || !isText(restaurant, 1, 64) || !SOURCES.has(source) || !isText(kind, 1, 128)) return undefined;
  if (typeof title !== 'string' || typeof body !== 'string' || (link !== undefined && typeof link !== 'string')) return undefined;
  const metaObject = plainObject(meta);
  if (!isCount(receivedAt) || !metaObject) return undefined;
  const known = source as AlertSource;
  const copy = { ...metaObject };
  return link === undefined
    ? { id, restaurant, source: known, kind, title, body, receivedAt, meta: copy }
    : { id, restaurant, source: known, kind, title, body, link, receivedAt, meta: copy };
}

/** An alert from what a source handed over, or what is wrong with it (each problem with its path). */
export function parseAlert(input: unknown): { ok: true; alert: Alert } | { ok: false; problem: string } {
  const parsed = plainFirst(alertSchema, alertWithoutZod, input);
  if (parsed.success) return { ok: true, alert: parsed.data };
  return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}

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
