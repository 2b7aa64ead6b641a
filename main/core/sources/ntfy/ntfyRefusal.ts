// What an ntfy server's refusal means for the person: a problem only they can fix (auth_failed), a rate limit to wait
// out, or one to retry. ntfy answers errors with JSON: {"code":40101,"http":401,"error":"unauthorized","link":…}.
import { z } from 'zod';
import type { NtfyLogin } from './ntfyOptions.js';

/** Bad token or password, or not allowed to read the topic: `auth_failed`, retried slowly. */
export class NtfyAuthProblem extends Error {}

/** 429: the server asks this PC to slow down; `retryAfterMs` when it said how long (ntfy itself does not). */
export class NtfyRateLimited extends Error {
  constructor(message: string, readonly retryAfterMs: number | undefined) {
    super(message);
  }
}

const errorBodySchema = z.looseObject({ code: z.number().optional(), error: z.string().optional() });

/** ntfy's `error` text (and code), if the body is its error JSON. */
export function errorText(body: string): string | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (!parsed.success || parsed.data.error === undefined) return undefined;
    const text = parsed.data.error.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200);
    return parsed.data.code !== undefined ? `${text}, code ${parsed.data.code}` : text;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; capped at an hour. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), 3_600_000);
}

export function describeRefusal(status: number, body: string, retryAfter: string | null, topic: string, login: NtfyLogin, now: number): Error {
  const said = errorText(body);
  const server = said !== undefined ? `: ${said}` : '';
  if (status === 401) {
    const what = login === 'password' ? 'the user name or password' : login === 'token' ? 'the access token' : 'an anonymous login (set the ntfy token)';
    return new NtfyAuthProblem(`the server refused ${what} (401${server})`);
  }
  if (status === 403) {
    return new NtfyAuthProblem(`not allowed to read topic ${topic} (403${server})${login === 'anonymous' ? '; no login is set' : ''}`);
  }
  if (status === 429) return new NtfyRateLimited(`the server is rate-limiting this PC (429${server})`, retryAfterMs(retryAfter, now));
  return new Error(`the server answered ${status}${server}`);
}
