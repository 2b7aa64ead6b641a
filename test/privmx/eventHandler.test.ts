import { describe, expect, it } from 'vitest';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { silentLogger } from '../../main/core/log/logger.js';
import type { NotificationFrame } from '../../main/core/sources/privmx/bridgeFrames.js';
import { EventHandler } from '../../main/core/sources/privmx/eventHandler.js';
import { ThreadCursors } from '../../main/core/sources/privmx/threadCursors.js';
import type { SourceSink } from '../../main/core/sources/source.js';
import { MemoryCursors } from './sourceHarness.js';

const msg = (n: number): NotificationFrame => ({
  channel: 'thread',
  type: 'threadNewMessage',
  data: { id: `65f0000000000000000000${String(n).padStart(2, '0')}`, contextId: 'c', threadId: 't1', createDate: 1, author: 'a', keyId: 'k' },
  timestamp: 1,
});

/** A sink whose `alert` resolves only when the test says so. */
function controlledSink() {
  const calls: Array<{ input: AlertInput; resolve(): void; reject(e: Error): void }> = [];
  const sink: SourceSink = {
    alert: (input) => new Promise<void>((resolve, reject) => calls.push({ input, resolve, reject })),
    status: () => {},
  };
  return { sink, calls };
}

function handler(sink: SourceSink) {
  const store = new MemoryCursors();
  const cursors = new ThreadCursors(store, 1);
  const h = new EventHandler({ rules: [], sink, cursors, trackedThreads: new Set(['t1']), logger: silentLogger() });
  return { h, cursors };
}

describe('EventHandler', () => {
  it('hands the next alert over before the previous is in history, and moves the cursor in order after confirmation', async () => {
    const { sink, calls } = controlledSink();
    const { h, cursors } = handler(sink);
    await h.handle(msg(1), 'live');
    await h.handle(msg(2), 'live');
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(cursors.get('t1')).toBeUndefined();
    calls[0]?.resolve();
    await h.drain();
    expect(cursors.get('t1')).toBe(msg(2).data.id);
  });

  it('never moves the cursor past a refused alert, and lets a later catch-up deliver it', async () => {
    const { sink, calls } = controlledSink();
    const { h, cursors } = handler(sink);
    await h.handle(msg(1), 'live');
    calls[0]?.resolve();
    await h.handle(msg(2), 'live');
    await h.handle(msg(3), 'live');
    calls[1]?.reject(new Error('disk full'));
    calls[2]?.resolve();
    await h.drain();
    expect(cursors.get('t1')).toBe(msg(1).data.id);
    h.unblock('t1');
    await h.handle(msg(2), 'catchup');
    await h.handle(msg(3), 'catchup');
    expect(calls.map((c) => c.input.id)).toEqual(['1', '2', '3', '2'].map((n) => `thread:${msg(Number(n)).data.id}`));
    calls[3]?.resolve();
    await h.drain();
    expect(cursors.get('t1')).toBe(msg(3).data.id);
  });
});
