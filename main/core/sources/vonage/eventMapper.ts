// Turns one conversation event into an AlertInput. Payloads are untrusted: every field is validated here.
import { z } from 'zod';
import type { AlertInput } from '../../alerts/alert.js';
import { STAND_IN_META, standInBody } from '../../alerts/standInText.js';
import { guestOf, SUPPORT_REQUEST_TITLE, supportMeta, supportRequestBody } from '../../alerts/supportText.js';

/** An event as both paths deliver it: live (SDK listener) and catch-up (REST history). */
export interface ConversationEvent {
  id: number;
  /** Without the `custom:` prefix, as the SDK emits it. */
  type: string;
  body: unknown;
  timestamp?: string;
  from?: string;
}

const MAX_URL = 2048;
/** A custom event's `text` longer than this is not shown (a stand-in is). */
const MAX_TEXT = 500;

const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const eventIdSchema = z.union([z.number(), z.string().regex(/^\d{1,15}$/).transform(Number)]).pipe(positiveId);

/** Normalizes a raw SDK/REST event; returns undefined when it has no usable integer id or type. */
export function toConversationEvent(raw: unknown): ConversationEvent | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  // The SDK hands over numbers: `positiveId`'s checks in plain code (a zod parse cost ≈ 20 µs when events come one at
  // a time); REST's strings go through the schema.
  const id = typeof r.id === 'number' ? (Number.isSafeInteger(r.id) && r.id > 0 ? r.id : undefined) : eventIdOf(r.id);
  if (id === undefined || typeof r.type !== 'string') return undefined;
  return {
    id,
    type: r.type.startsWith('custom:') ? r.type.slice('custom:'.length) : r.type,
    body: r.body,
    timestamp: typeof r.timestamp === 'string' ? r.timestamp.slice(0, 64) : undefined,
    from: typeof r.from === 'string' ? r.from.slice(0, 128) : undefined,
  };
}

function eventIdOf(raw: unknown): number | undefined {
  const parsed = eventIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function field(body: unknown, key: string): unknown {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
}

export function mapEventToAlert(conversationId: string, event: ConversationEvent, receivedAt: number): AlertInput {
  const guest = guestOf(field(event.body, 'email'));
  const rawUrl = field(event.body, 'host_url');
  const link = typeof rawUrl === 'string' && rawUrl.length <= MAX_URL ? rawUrl : undefined;
  const meta: Record<string, unknown> = { conversationId, eventId: event.id, eventType: event.type };
  if (event.timestamp !== undefined) meta.sentAt = event.timestamp;
  if (event.from !== undefined) meta.from = event.from;
  if (link !== undefined) meta.host_url = link;
  if (rawUrl !== undefined && link === undefined) meta.linkProblem = typeof rawUrl === 'string' ? 'host_url too long' : 'host_url is not a string';
  if ('email' in guest) meta.email = guest.email;
  if (event.type === 'support_request') {
    // Written in English here; the pipeline words it in the running language from `meta.support`.
    meta.support = supportMeta(guest, false);
    return {
      id: `${conversationId}:${event.id}`,
      source: 'vonage',
      kind: 'support_request',
      title: SUPPORT_REQUEST_TITLE,
      body: supportRequestBody(guest),
      link,
      receivedAt,
      meta,
    };
  }
  const raw = field(event.body, 'text');
  const text = typeof raw === 'string' && raw.length <= MAX_TEXT ? raw : undefined;
  // No text of its own: a stand-in body, worded by the pipeline in the running language.
  if (text === undefined) meta[STAND_IN_META] = true;
  return {
    id: `${conversationId}:${event.id}`,
    source: 'vonage',
    kind: event.type.slice(0, 128),
    title: event.type.replace(/[_:.-]+/g, ' ').slice(0, 100),
    body: text ?? standInBody(event.type),
    link,
    receivedAt,
    meta,
  };
}
