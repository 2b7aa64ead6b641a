// A push payload → the same alert a Vonage support request becomes ("… has requested support", Join Meeting).
import type { AlertInput, AlertSource } from '../../alerts/alert.js';
import { STAND_IN_META, standInBody } from '../../alerts/standInText.js';
import { SUPPORT_REQUEST_TITLE, supportMeta, supportRequestBody } from '../../alerts/supportText.js';
import type { PushPayload } from './pushPayload.js';

export function pushAlert(source: AlertSource, payload: PushPayload, receivedAt: number, meta: Record<string, unknown>): AlertInput {
  const fullMeta: Record<string, unknown> = { ...meta, messageId: payload.id, eventType: payload.type };
  if (payload.email !== undefined) fullMeta.email = payload.email;
  if (payload.link !== undefined) fullMeta.host_url = payload.link;
  if (payload.problems.length > 0) fullMeta.problems = payload.problems;
  if (payload.type === 'support_request') {
    // Written in English here; the pipeline words it in the running language from `meta.support` (a payload's own
    // title stays as sent).
    fullMeta.support = supportMeta(payload.guest, payload.title !== undefined);
    return {
      id: payload.id,
      source,
      kind: 'support_request',
      title: payload.title ?? SUPPORT_REQUEST_TITLE,
      body: supportRequestBody(payload.guest),
      link: payload.link,
      receivedAt,
      meta: fullMeta,
    };
  }
  // No body of its own: a stand-in, worded by the pipeline in the running language.
  if (payload.body === undefined) fullMeta[STAND_IN_META] = true;
  return {
    id: payload.id,
    source,
    kind: payload.type,
    title: payload.title ?? payload.type.replace(/[_:.-]+/g, ' ').slice(0, 100),
    body: payload.body ?? standInBody(payload.type),
    link: payload.link,
    receivedAt,
    meta: fullMeta,
  };
}
