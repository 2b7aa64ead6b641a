// What a support request says, from whichever channel it came: who asked, and a meeting link the policy refused.
// Every word a person reads here lives in this module, so it can be translated in one place.
import { z } from 'zod';
import { isText, plainObject } from '../validation/plainFirst.js';
import { createTranslator, type Translator } from '../../../common/i18n/translator.js';

const english = createTranslator('en');

/** What a source writes (English); the pipeline puts it in the running language when it accepts the alert. */
export const SUPPORT_REQUEST_TITLE = english.t('support.title');
const MAX_EMAIL = 254;
/** What the guest typed instead of an address is shown up to this many characters. */
export const MAX_GUEST_TEXT = 120;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Anything longer or with control characters or spaces is not an address a person typed. Checked (trimmed) against
// one pattern that holds the length too: trim, min, max and the pattern as four zod steps were ≈ 3× as long, on every
// support request before its history write (measured).
const EMAIL = new RegExp(`^(?=[^]{3,${MAX_EMAIL}}$)[^\\s\\u0000-\\u001f\\u007f]+@[^\\s\\u0000-\\u001f\\u007f]+$`);

/** The guest who asked: a well-formed address, or else what they typed in its place (plain text, capped). */
export type Guest = { email: string } | { typed: string } | Record<string, never>;

export function guestOf(raw: unknown): Guest {
  // One pattern test (a zod parse of it cost ≈ 10–20 µs when requests come one at a time).
  const trimmed = typeof raw === 'string' ? raw.trim() : undefined;
  if (trimmed !== undefined && EMAIL.test(trimmed)) return { email: trimmed };
  if (typeof raw !== 'string') return {};
  const typed = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (typed === '') return {};
  const chars = Array.from(typed);
  return { typed: chars.length <= MAX_GUEST_TEXT ? typed : `${chars.slice(0, MAX_GUEST_TEXT - 1).join('')}…` };
}

/** Who asked, in words: the address, or what they typed; undefined for an anonymous guest. */
function whoOf(guest: Guest): string | undefined {
  return 'email' in guest ? guest.email : 'typed' in guest ? guest.typed : undefined;
}

/** "anna@example.com has requested support"; "table 4 has requested support"; "A guest has requested support". */
export function supportRequestBody(guest: Guest, t: Translator = english): string {
  const who = whoOf(guest);
  return who === undefined ? t.t('support.bodyAnonymous') : t.t('support.body', { who });
}

/**
 * What a source records of a support request so the pipeline can word it in the language spoken when it is accepted
 * (`meta.support`): who asked, and whether the title is the sender's own (a push payload's `title` stays as sent).
 */
export const supportMetaSchema = z.object({ who: z.string().max(MAX_EMAIL).optional(), ownTitle: z.boolean().optional() });
export type SupportMeta = z.infer<typeof supportMetaSchema>;

/**
 * `supportMetaSchema`'s two checks in plain code (a zod parse was ≈ 25 µs of a support request's way to history when
 * they come one at a time); undefined when it is not one. supportText.test.ts keeps them in agreement.
 */
export function supportMetaOf(raw: unknown): SupportMeta | undefined {
  const o = plainObject(raw);
  if (!o) return undefined;
  const { who, ownTitle } = o;
  if (who !== undefined && !isText(who, 0, MAX_EMAIL)) return undefined;
  if (ownTitle !== undefined && typeof ownTitle !== 'boolean') return undefined;
  return supportFields(who, ownTitle);
}

export function supportMeta(guest: Guest, ownTitle: boolean): SupportMeta {
  return supportFields(whoOf(guest), ownTitle || undefined);
}

/** Only the fields given, built one by one (two conditional spreads were a few µs of every support request, run cold). */
function supportFields(who: string | undefined, ownTitle: boolean | undefined): SupportMeta {
  const support: SupportMeta = {};
  if (who !== undefined) support.who = who;
  if (ownTitle !== undefined) support.ownTitle = ownTitle;
  return support;
}

/**
 * A support request's title and body in the given language, from its `meta.support`; undefined when the alert carries
 * none (an alert from elsewhere keeps its own words).
 */
export function localisedSupportText(meta: Record<string, unknown>, title: string, t: Translator): { title: string; body: string } | undefined {
  // Most alerts carry none: a failed parse would build an error to throw away (several µs each).
  const support = supportMetaOf(meta.support);
  if (!support) return undefined;
  const { who, ownTitle } = support;
  return {
    title: ownTitle === true ? title : t.t('support.title'),
    body: who === undefined ? t.t('support.bodyAnonymous') : t.t('support.body', { who }),
  };
}

/**
 * A link the policy refused is not a button, but staff can still read it out: its host and path only (a query or a
 * fragment may hold a meeting token), or nothing when it is not a URL with a host.
 */
export function refusedLinkText(link: string, t: Translator = english): string {
  let where = '';
  try {
    const url = new URL(link);
    if (url.host !== '') where = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    // Not a URL: nothing of it is shown.
  }
  where = where.replace(CONTROL, '').slice(0, 200);
  return where === '' ? t.t('support.refusedLinkBare') : t.t('support.refusedLink', { where });
}
