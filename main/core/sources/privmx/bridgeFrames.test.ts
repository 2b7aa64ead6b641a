import { describe, expect, it } from 'vitest';
import { edgeCases, expectAgreement } from '../../../../test/harness/edgeCases.js';
import { notificationFrameSchema, parseNotificationFrame, plainNotificationFrame } from './bridgeFrames.js';

const message = { id: 'm1', contextId: 'c1', threadId: 't1', createDate: 1, author: 'a', keyId: 'k', publicMeta: { table: 4 }, data: 'x' };
const idEdges = [undefined, '', 'i', 'i'.repeat(256), 'i'.repeat(257), 5, null];

function* frames(type: string, data: Record<string, unknown>): Generator<unknown> {
  const valid = { channel: 'thread', type, data, timestamp: 1_700_000_000_000 };
  yield* edgeCases(valid, {
    channel: [undefined, '', 'c', 'c'.repeat(64), 'c'.repeat(65), 3],
    timestamp: [undefined, 0, -1.5, Number.NaN, Number.POSITIVE_INFINITY, '1'],
    data: [undefined, {}, null, [], 'd'],
  });
  const dataEdges: Record<string, readonly unknown[]> = Object.fromEntries(Object.keys(data).map((field) => [field, idEdges]));
  if ('createDate' in data) Object.assign(dataEdges, { createDate: [undefined, 0, -1, 1.5, Number.NaN, '1'], author: [undefined, '', 3], keyId: [undefined, '', 3], publicMeta: [undefined, null, 'm'] });
  for (const d of edgeCases(data, dataEdges)) yield { ...valid, data: d };
}

describe('PrivMX notification frames checked in plain code first', () => {
  it('agree with each event type’s schema on every edge case of the envelope and of data', () => {
    const cases: Record<string, Record<string, unknown>> = {
      threadNewMessage: message,
      threadUpdatedMessage: message,
      threadDeletedMessage: { messageId: 'm1', threadId: 't1' },
      threadStats: { threadId: 't1', messages: 3 },
      storeFileCreated: { id: 'f', contextId: 'c', storeId: 's', size: 10 },
      inboxDeleted: { inboxId: 'i' },
      streamRoomCreated: { id: 'r', contextId: 'c' },
    };
    for (const [type, data] of Object.entries(cases)) {
      const schema = notificationFrameSchema(type);
      if (!schema) throw new Error(`no schema for ${type}`);
      expectAgreement(schema, plainNotificationFrame, frames(type, data));
    }
  });

  it('still names an unknown type and a bad payload', () => {
    expect(parseNotificationFrame({ channel: 'thread', type: 'threadSomething', data: {}, timestamp: 1 })).toEqual({ ok: false, problem: 'unknown event type' });
    expect(parseNotificationFrame({ channel: 'thread', type: 'threadStats', data: {}, timestamp: 1 })).toEqual({ ok: false, problem: 'bad threadStats payload' });
  });
});
