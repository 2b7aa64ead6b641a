import { describe, expect, it } from 'vitest';
import { InboxThreads, INBOX_THREADS_KEY } from '../../main/core/sources/privmx/inboxThreads.js';
import { privmxRuleSchema, type PrivmxRuleInput } from '../../main/core/sources/privmx/ruleSchema.js';
import { catchUpInboxes } from '../../main/core/sources/privmx/rules.js';
import { capturingLogger, MemoryCursors } from './sourceHarness.js';

/** Counts writes, so "no write per entry" is checked, not assumed. */
class CountingCursors extends MemoryCursors {
  writes = 0;
  override async set(key: string, value: string): Promise<void> {
    this.writes += 1;
    await super.set(key, value);
  }
}

const stored = (c: MemoryCursors): unknown => JSON.parse(c.map.get(INBOX_THREADS_KEY) ?? 'null');
const rules = (...inputs: PrivmxRuleInput[]) => inputs.map((r) => privmxRuleSchema.parse(r));

describe('InboxThreads', () => {
  it('learns, persists once per new mapping, and reloads in a new instance', async () => {
    const cursors = new CountingCursors();
    const a = new InboxThreads(cursors, '*', capturingLogger().logger);
    a.learn('in-1', 'th-1');
    a.learn('in-1', 'th-1');
    a.learn('in-2', 'th-2');
    await a.flush();
    expect(cursors.writes).toBe(2);
    expect(stored(cursors)).toEqual([['in-1', 'th-1'], ['in-2', 'th-2']]);
    const b = new InboxThreads(cursors, '*', capturingLogger().logger);
    expect(b.threadIds()).toEqual(['th-1', 'th-2']);
    expect(b.tracks('th-2')).toBe(true);
    expect(b.tracks('th-x')).toBe(false);
  });

  it('remembers at most `limit` inboxes, dropping the oldest learned', async () => {
    const cursors = new MemoryCursors();
    const t = new InboxThreads(cursors, '*', capturingLogger().logger, 3);
    for (let i = 1; i <= 5; i += 1) t.learn(`in-${i}`, `th-${i}`);
    await t.flush();
    expect(t.threadIds()).toEqual(['th-3', 'th-4', 'th-5']);
    expect(t.tracks('th-1')).toBe(false);
    expect(stored(cursors)).toEqual([['in-3', 'th-3'], ['in-4', 'th-4'], ['in-5', 'th-5']]);
  });

  it('keeps only the inboxes the rules want, also when loading what an older configuration stored', async () => {
    const cursors = new MemoryCursors();
    cursors.map.set(INBOX_THREADS_KEY, JSON.stringify([['in-old', 'th-old'], ['in-1', 'th-1']]));
    const t = new InboxThreads(cursors, new Set(['in-1', 'in-2']), capturingLogger().logger);
    t.learn('in-3', 'th-3');
    t.learn('in-2', 'th-2');
    await t.flush();
    expect(t.threadIds()).toEqual(['th-1', 'th-2']);
  });

  it('follows an inbox to a new thread and forgets a thread that is gone', async () => {
    const cursors = new MemoryCursors();
    const { logger, lines } = capturingLogger();
    const t = new InboxThreads(cursors, '*', logger);
    t.learn('in-1', 'th-1');
    t.learn('in-1', 'th-1b');
    expect(t.threadIds()).toEqual(['th-1b']);
    expect(t.forgetThread('th-unknown')).toBe(false);
    expect(t.forgetThread('th-1b')).toBe(true);
    await t.flush();
    expect(t.threadIds()).toEqual([]);
    expect(stored(cursors)).toEqual([]);
    expect(lines.some((l) => l.includes('inbox thread is gone'))).toBe(true);
  });

  it('starts afresh, with a warning, from an unreadable stored value', () => {
    for (const bad of ['not json', '{"in-1":"th-1"}', '[["in-1"]]']) {
      const cursors = new MemoryCursors();
      cursors.map.set(INBOX_THREADS_KEY, bad);
      const { logger, lines } = capturingLogger();
      expect(new InboxThreads(cursors, '*', logger).threadIds()).toEqual([]);
      expect(lines.some((l) => l.includes('unreadable'))).toBe(true);
    }
  });

  it('catchUpInboxes: "*" wins, named inboxes otherwise, defaults when no rules, thread rules only', () => {
    expect(catchUpInboxes([])).toBe('*');
    expect(catchUpInboxes(rules({ match: { channel: 'thread', inboxId: 'a' }, title: 't' }, { match: { channel: 'thread', inboxId: '*' }, title: 't' }))).toBe('*');
    expect(catchUpInboxes(rules(
      { match: { channel: 'thread', inboxId: 'a' }, title: 't' },
      { match: { channel: 'inbox', inboxId: 'b' }, title: 't' },
      { match: { channel: 'thread' }, title: 't' },
    ))).toEqual(new Set(['a']));
  });
});
