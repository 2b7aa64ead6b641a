import { describe, expect, it } from 'vitest';
import { restaurantSchema } from '../../main/core/settings/schema.js';
import type { NotificationFrame } from '../../main/core/sources/privmx/bridgeFrames.js';
import { formatTime, toEventView } from '../../main/core/sources/privmx/eventView.js';
import { privmxRuleSchema, type PrivmxRuleInput } from '../../main/core/sources/privmx/ruleSchema.js';
import { decide, matchableEvents } from '../../main/core/sources/privmx/rules.js';

const rules = (...inputs: PrivmxRuleInput[]) => inputs.map((r) => privmxRuleSchema.parse(r));
const message = (data: Record<string, unknown> = {}): NotificationFrame => ({
  channel: 'thread',
  type: 'threadNewMessage',
  data: { id: '65f000000000000000000001', contextId: 'ctx-1', threadId: 'th-orders', createDate: Date.UTC(2026, 0, 1, 12, 34), author: 'alice', keyId: 'key-1', publicMeta: { table: 7, note: 'line\nbreak' }, ...data },
  timestamp: 1,
});
const view = (f: NotificationFrame) => toEventView(f, 'UTC');

describe('PrivMX rules', () => {
  it('renders placeholders from the event and publicMeta as plain text', () => {
    const d = decide(rules({ match: { channel: 'thread' }, title: 'Table {publicMeta.table} by {author}', body: '{time} {publicMeta.note} {publicMeta.missing}{{x}}' }), view(message()));
    expect(d).toMatchObject({ title: 'Table 7 by alice', body: '12:34 line break {x}', actions: ['desktop'] });
  });

  it('reports an unknown placeholder as a config error with its path', () => {
    const bad = restaurantSchema.safeParse({ id: 'default', name: 'Restaurant', privmx: { rules: [{ match: { channel: 'store' }, title: 'File from {author}', body: 'in {threadId}' }] } });
    expect(bad.success).toBe(false);
    const issue = bad.error?.issues.find((i) => i.path.join('.') === 'privmx.rules.0.body');
    expect(issue?.message).toMatch(/unknown placeholder \{threadId\} for channel store/);
    expect(restaurantSchema.safeParse({ id: 'default', name: 'Restaurant', privmx: { rules: [{ match: { channel: 'thread' }, title: 'oops {author' }] } }).success).toBe(false);
    expect(restaurantSchema.safeParse({ id: 'default', name: 'Restaurant', privmx: { rules: [{ match: { channel: 'store', threadId: 'x' }, title: 'x' }] } }).error?.issues[0]?.path).toEqual(['privmx', 'rules', 0, 'match', 'threadId']);
  });

  it('first match wins; no match, no alert', () => {
    const r = rules(
      { name: 'vip', match: { channel: 'thread', author: 'boss' }, title: 'Boss', actions: ['desktop', 'sms'] },
      { name: 'orders', match: { channel: 'thread', threadId: 'th-orders' }, title: 'Order' },
      { name: 'all', match: { channel: 'thread' }, title: 'Any' },
    );
    expect(decide(r, view(message({ author: 'boss' })))?.rule.name).toBe('vip');
    expect(decide(r, view(message({ author: 'boss' })))?.actions).toEqual(['desktop', 'sms']);
    expect(decide(r, view(message()))?.rule.name).toBe('orders');
    expect(decide(r, view(message({ threadId: 'th-other' })))?.rule.name).toBe('all');
    expect(decide(rules({ match: { channel: 'store' }, title: 'F' }), view(message()))).toBeUndefined();
  });

  it('matches inbox entries by the <inbox-ID> key id, and "*" for any inbox', () => {
    const entry = message({ author: '<anonymous>', keyId: '<inbox-inb-42>', publicMeta: null });
    const r = rules(
      { name: 'reservations', match: { channel: 'thread', inboxId: 'inb-42' }, title: 'Reservation' },
      { name: 'other inbox', match: { channel: 'thread', inboxId: '*' }, title: 'Form' },
      { name: 'chat', match: { channel: 'thread' }, title: 'Chat' },
    );
    expect(decide(r, view(entry))?.rule.name).toBe('reservations');
    expect(decide(r, view(message({ keyId: '<inbox-inb-9>' })))?.rule.name).toBe('other inbox');
    expect(decide(r, view(message()))?.rule.name).toBe('chat');
  });

  it('a rule without type takes the channel new-item event; "*" takes any type', () => {
    const stats: NotificationFrame = { channel: 'thread', type: 'threadStats', data: { threadId: 'th-orders', lastMsgDate: 1, messages: 3 }, timestamp: 1 };
    expect(decide(rules({ match: { channel: 'thread' }, title: 'x' }), view(stats))).toBeUndefined();
    expect(decide(rules({ match: { channel: 'thread', type: '*' }, title: '{messages} messages' }), view(stats))?.title).toBe('3 messages');
  });

  it('uses the defaults when no rules are configured', () => {
    const file: NotificationFrame = { channel: 'store', type: 'storeFileCreated', data: { id: 'f1', contextId: 'c', storeId: 's1', creator: 'bob', size: 3 }, timestamp: 1 };
    expect(decide([], view(message()))?.title).toBe('New message');
    expect(decide([], view(message({ keyId: '<inbox-i1>' })))?.title).toBe('New inbox entry');
    expect(decide([], view(file))?.title).toBe('New file');
  });

  it('knows which channel/type pairs some rule can match, so other frames are never viewed', () => {
    const canMatch = matchableEvents(rules({ match: { channel: 'thread' }, title: 'x' }, { match: { channel: 'store', type: '*' }, title: 'y' }));
    expect(canMatch('thread', 'threadNewMessage')).toBe(true);
    expect(canMatch('thread', 'threadStats')).toBe(false);
    expect(canMatch('store', 'storeStatsChanged')).toBe(true);
    expect(canMatch('inbox', 'inboxCreated')).toBe(false);
    const defaults = matchableEvents([]);
    expect([defaults('thread', 'threadNewMessage'), defaults('store', 'storeFileCreated'), defaults('thread', 'threadStats')]).toEqual([true, true, false]);
  });

  it('formats {time} with one cached formatter, exactly as toLocaleTimeString does', () => {
    for (const at of [0, Date.UTC(2026, 0, 1, 12, 34), Date.UTC(2026, 6, 1, 23, 59, 59)]) {
      for (const timeZone of [undefined, 'UTC', 'Europe/Warsaw', 'America/New_York']) {
        const expected = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
        expect(formatTime(new Date(at), timeZone)).toBe(expected);
      }
    }
  });
});
