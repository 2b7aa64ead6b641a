import { z } from 'zod';
import { isFiniteNumber, isText, plainFirst, plainObject } from '../../validation/plainFirst.js';

/** Everything the Bridge sends us, validated before use. Payload objects are loose: the Bridge adds fields over time. */
export const rpcErrorSchema = z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() });

export const rpcResponseSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.string(), z.number()]).optional(),
  result: z.unknown().optional(),
  error: rpcErrorSchema.optional(),
}).refine((f) => f.result !== undefined || f.error !== undefined, 'neither result nor error');
export type RpcResponse = z.infer<typeof rpcResponseSchema>;

/** One Bridge notification: which channel and event type, its payload, when the Bridge sent it. */
export interface NotificationFrame {
  channel: string;
  type: string;
  data: Record<string, unknown>;
  timestamp: number;
}

export const authResultSchema = z.object({
  accessToken: z.string().min(1),
  accessTokenExpiry: z.number(),
  tokenType: z.string().optional(),
  refreshToken: z.string().min(1),
  refreshTokenExpiry: z.number(),
  scope: z.array(z.string()),
});
export type AuthResult = z.infer<typeof authResultSchema>;

const id = z.string().min(1).max(256);

export const threadMessageSchema = z.looseObject({
  id,
  contextId: id,
  threadId: id,
  createDate: z.number(),
  author: z.string(),
  keyId: z.string(),
  publicMeta: z.unknown().optional(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const listThreadMessagesSchema = z.object({ list: z.array(threadMessageSchema), count: z.number().int() });

/** Each event type's required id fields (a message's own fields too, see threadMessageSchema); the rest of `data` is kept as is. */
const MESSAGE_IDS = ['id', 'contextId', 'threadId'] as const;
const eventIds = new Map<string, readonly string[]>([
  ['threadNewMessage', MESSAGE_IDS],
  ['threadUpdatedMessage', MESSAGE_IDS],
  ['threadDeletedMessage', ['messageId', 'threadId']],
  ['threadCreated', ['id', 'contextId']],
  ['threadUpdated', ['id', 'contextId']],
  ['threadDeleted', ['threadId']],
  ['threadStats', ['threadId']],
  ['storeCreated', ['id', 'contextId']],
  ['storeUpdated', ['id', 'contextId']],
  ['storeDeleted', ['storeId']],
  ['storeStatsChanged', ['id', 'contextId']],
  ['storeFileCreated', ['id', 'contextId', 'storeId']],
  ['storeFileUpdated', ['id', 'contextId', 'storeId']],
  ['storeFileDeleted', ['id', 'storeId']],
  ['inboxCreated', ['id', 'contextId']],
  ['inboxUpdated', ['id', 'contextId']],
  ['inboxDeleted', ['inboxId']],
  ['streamRoomCreated', ['id', 'contextId']],
  ['streamRoomUpdated', ['id', 'contextId']],
  ['streamRoomDeleted', ['streamRoomId']],
]);
const MESSAGE_TYPES: ReadonlySet<string> = new Set(['threadNewMessage', 'threadUpdatedMessage']);

const dataSchemaOf = (type: string, ids: readonly string[]): z.ZodType<Record<string, unknown>> =>
  MESSAGE_TYPES.has(type) ? threadMessageSchema : z.looseObject(Object.fromEntries(ids.map((field) => [field, id])));

/**
 * The whole frame per event type, envelope and `data` in one schema: one parse per frame. (The envelope was parsed
 * first and `data` again by its type's schema: two passes over the same object, ≈ 55 µs of an event's ≈ 0.3 ms before
 * its history write in the latency bench, measured.)
 */
const eventFrameSchemas = new Map<string, z.ZodType<NotificationFrame>>(
  [...eventIds].map(([type, ids]) => [type, z.object({ channel: z.string().min(1).max(64), type: z.literal(type), data: dataSchemaOf(type, ids), timestamp: z.number() })]),
);

/** The event type's frame schema (tests compare the plain check with it). */
export const notificationFrameSchema = (type: string): z.ZodType<NotificationFrame> | undefined => eventFrameSchemas.get(type);

/**
 * The frame schema's checks in plain code (see validation/plainFirst.ts): the same frame, or undefined. Every message
 * is followed by a `threadStats` frame, often handled while the message's history write is on its way.
 */
export function plainNotificationFrame(input: unknown): NotificationFrame | undefined {
  const value = plainObject(input);
  if (!value) return undefined;
  const { channel, type, data, timestamp } = value;
  const ids = typeof type === 'string' ? eventIds.get(type) : undefined;
  if (ids === undefined || typeof type !== 'string') return undefined;
  const d = plainObject(data);
  if (!isText(channel, 1, 64) || !isFiniteNumber(timestamp) || !d) return undefined;
  for (const field of ids) if (!isText(d[field], 1, 256)) return undefined;
  if (MESSAGE_TYPES.has(type) && !(isFiniteNumber(d.createDate) && typeof d.author === 'string' && typeof d.keyId === 'string')) return undefined;
  return { channel, type, data: { ...d }, timestamp };
}

export type FrameParse = { ok: true; frame: NotificationFrame } | { ok: false; problem: string };

/** A notification frame (a JSON object that is not an RPC response), validated in one pass by its event type's schema. */
export function parseNotificationFrame(value: Record<string, unknown>): FrameParse {
  const schema = typeof value.type === 'string' ? eventFrameSchemas.get(value.type) : undefined;
  if (!schema) return { ok: false, problem: typeof value.type === 'string' && typeof value.channel === 'string' ? 'unknown event type' : 'unknown frame shape' };
  const parsed = plainFirst(schema, plainNotificationFrame, value);
  return parsed.success ? { ok: true, frame: parsed.data } : { ok: false, problem: `bad ${value.type as string} payload` };
}
