// One line of ntfy's JSON stream (`/<topic>/json`): `open`, `keepalive`, `message`, `poll_request`. Untrusted: checked
// here, a bad line gets a reason.
import { z } from 'zod';
import { isCount, isText, plainFirst, plainObject } from '../../validation/plainFirst.js';

const actionSchema = z.looseObject({
  action: z.string(),
  label: z.string().optional(),
  url: z.string().optional(),
});

// The fields Servicebell reads; ntfy's others (tags, priority, attachment, …) are dropped, not copied one by one.
const eventSchema = z.object({
  id: z.string().min(1).max(64),
  time: z.number().int().nonnegative(),
  event: z.string().min(1).max(64),
  topic: z.string().max(256).optional(),
  message: z.string().optional(),
  title: z.string().optional(),
  click: z.string().optional(),
  actions: z.array(z.unknown()).optional(),
});

export type NtfyEvent = z.infer<typeof eventSchema>;

const isOptionalText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

/** `eventSchema` in plain code (see plainFirst); ntfyParts.test.ts keeps them in agreement. */
export function plainNtfyEvent(input: unknown): NtfyEvent | undefined {
  const o = plainObject(input);
  if (!o) return undefined;
  const { id, time, event, topic, message, title, click, actions } = o;
  if (!isText(id, 1, 64) || !isCount(time) || !isText(event, 1, 64)) return undefined;
  if (!(topic === undefined || isText(topic, 0, 256)) || !isOptionalText(message) || !isOptionalText(title) || !isOptionalText(click)) return undefined;
  if (actions !== undefined && !Array.isArray(actions)) return undefined;
  return {
    id, time, event,
    ...(topic !== undefined ? { topic } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(click !== undefined ? { click } : {}),
    ...(actions !== undefined ? { actions: [...(actions as unknown[])] } : {}),
  };
}
export type NtfyAction = z.infer<typeof actionSchema>;

export type FrameResult = { ok: true; event: NtfyEvent } | { ok: false; reason: string };

export { eventSchema as ntfyEventSchema };

export function parseNtfyLine(line: string): FrameResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'stream line is not JSON' };
  }
  const parsed = plainFirst(eventSchema, plainNtfyEvent, json);
  if (!parsed.success) {
    return { ok: false, reason: `stream line: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` };
  }
  return { ok: true, event: parsed.data };
}

/** The message's actions that are well-formed; others are ignored (ntfy also has `http` and `broadcast`). */
export function ntfyActions(event: NtfyEvent): NtfyAction[] {
  const out: NtfyAction[] = [];
  for (const raw of event.actions ?? []) {
    const parsed = actionSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
