// What a restaurant backend publishes to MQTT or ntfy instead of the Vonage conversation event:
// {"type":"support_request","id":"<unique>","email":"…","host_url":"https://…"} (+ optional "title", "body").
// Untrusted: every field is checked here; an unusable payload gets a reason, never an exception.
import { z } from 'zod';
import { guestOf, type Guest } from '../../alerts/supportText.js';
import { isCount, plainFirst, plainObject } from '../../validation/plainFirst.js';

/** Larger payloads are refused unread (a support request is a few hundred bytes). */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

const MAX_URL = 2048;

// The fields read below; others are dropped, not copied (a loose object copied each one: ≈ a third of this parse, a
// step of every push message before its history write, measured). `email` and `host_url` are checked after it.
const TYPE = /^[A-Za-z0-9_.:-]{1,128}$/;
export const payloadSchema = z.object({
  type: z.string().regex(TYPE, 'must be 1–128 letters, digits or _ . : -'),
  id: z.union([z.string().trim().min(1).max(256), z.number().int().nonnegative().transform(String)]),
  email: z.unknown().optional(),
  host_url: z.unknown().optional(),
  title: z.string().optional(),
  body: z.string().optional(),
});

type PayloadFields = z.output<typeof payloadSchema>;

/** `payloadSchema` in plain code (see plainFirst); pushAlert.test.ts keeps them in agreement. */
export function plainPayloadFields(input: unknown): PayloadFields | undefined {
  const o = plainObject(input);
  if (!o) return undefined;
  const { type, id: rawId, email, host_url: hostUrl, title, body } = o;
  if (typeof type !== 'string' || !TYPE.test(type)) return undefined;
  if ((title !== undefined && typeof title !== 'string') || (body !== undefined && typeof body !== 'string')) return undefined;
  let id: string;
  if (typeof rawId === 'string') {
    id = rawId.trim();
    if (id.length < 1 || id.length > 256) return undefined;
  } else if (isCount(rawId)) id = String(rawId);
  else return undefined;
  return {
    type, id,
    ...(email !== undefined ? { email } : {}),
    ...(hostUrl !== undefined ? { host_url: hostUrl } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

export interface PushPayload {
  type: string;
  id: string;
  email?: string;
  /** Who asked: the address, or what the guest typed instead of one. */
  guest: Guest;
  /** A candidate link: only the link policy decides whether it becomes Join Meeting. */
  link?: string;
  title?: string;
  body?: string;
  problems: string[];
}

export type PayloadResult = { ok: true; payload: PushPayload } | { ok: false; reason: string };

/** Reads one message body (bytes or text) as the backend's JSON. */
export function parsePushPayload(raw: Buffer | string): PayloadResult {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_PAYLOAD_BYTES) return { ok: false, reason: `payload of ${size} bytes is over the ${MAX_PAYLOAD_BYTES}-byte limit` };
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  return readPushObject(json);
}

/** Checks an already-parsed JSON value (ntfy puts the backend's JSON in `message`). */
export function readPushObject(json: unknown): PayloadResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reason: 'payload is not a JSON object' };
  const parsed = plainFirst(payloadSchema, plainPayloadFields, json);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  const { type, id, email, host_url: hostUrl, title, body } = parsed.data;
  const problems: string[] = [];
  const guest = guestOf(email);
  if (email !== undefined && !('email' in guest)) problems.push('email is not a usable address');
  let link: string | undefined;
  if (typeof hostUrl === 'string' && hostUrl.length <= MAX_URL) link = hostUrl;
  else if (hostUrl !== undefined) problems.push(typeof hostUrl === 'string' ? 'host_url too long' : 'host_url is not a string');
  return {
    ok: true,
    payload: {
      type,
      id,
      ...('email' in guest ? { email: guest.email } : {}),
      guest,
      ...(link !== undefined ? { link } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(body !== undefined ? { body } : {}),
      problems,
    },
  };
}
