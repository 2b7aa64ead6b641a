// An ntfy `message` event → an alert. JSON in `message` with a `type` is the backend's push format (as over MQTT);
// anything else is a native ntfy message: `title`, `message`, and a `view` action or `click` URL as the Join Meeting
// candidate (the pipeline's link policy still decides).
import type { AlertInput } from '../../alerts/alert.js';
import { pushAlert } from '../push/pushAlert.js';
import { MAX_PAYLOAD_BYTES, readPushObject } from '../push/pushPayload.js';
import { ntfyActions, type NtfyEvent } from './ntfyFrames.js';

export type NtfyAlertResult = { ok: true; alert: AlertInput } | { ok: false; reason: string };

/** The first `view` action's URL, else `click`. */
export function nativeLink(event: NtfyEvent): string | undefined {
  const view = ntfyActions(event).find((a) => a.action === 'view' && typeof a.url === 'string' && a.url.length > 0);
  return view?.url ?? (event.click !== undefined && event.click.length > 0 ? event.click : undefined);
}

function pushObject(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    return json !== null && typeof json === 'object' && !Array.isArray(json) && 'type' in json ? json : undefined;
  } catch {
    return undefined;
  }
}

export function ntfyAlert(event: NtfyEvent, topic: string, receivedAt: number): NtfyAlertResult {
  const text = event.message ?? '';
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) return { ok: false, reason: `message of ${Buffer.byteLength(text)} bytes is over the ${MAX_PAYLOAD_BYTES}-byte limit` };
  const meta = { topic, ntfyId: event.id };
  const json = pushObject(text);
  if (json !== undefined) {
    const result = readPushObject(json);
    if (!result.ok) return { ok: false, reason: result.reason };
    const payload = result.payload.link === undefined ? { ...result.payload, ...linkOf(event) } : result.payload;
    return { ok: true, alert: pushAlert('ntfy', payload, receivedAt, meta) };
  }
  const link = nativeLink(event);
  return {
    ok: true,
    alert: {
      id: event.id,
      source: 'ntfy',
      kind: 'ntfy_message',
      title: event.title !== undefined && event.title.length > 0 ? event.title : `ntfy ${topic}`,
      body: text,
      link,
      receivedAt,
      meta: { ...meta, ...(link !== undefined ? { host_url: link } : {}) },
    },
  };
}

function linkOf(event: NtfyEvent): { link?: string } {
  const link = nativeLink(event);
  return link !== undefined ? { link } : {};
}
