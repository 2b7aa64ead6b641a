import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/harness/manualClock.js';
import { silentLogger } from '../log/logger.js';
import { alertSchema, type Alert } from './alert.js';
import type { HistoryChange, HistoryEntry } from './history.js';
import { SupportReminders, reminderBody, type ReminderOptions } from './supportReminders.js';

/** History as the reminders see it: entries by id, and change listeners. */
function memoryHistory() {
  const entries = new Map<string, HistoryEntry>();
  const listeners = new Set<(change: HistoryChange) => void>();
  return {
    entries,
    find: (k: { id: string }) => entries.get(k.id),
    onChange: (l: (change: HistoryChange) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    /** A change that may have ended any entry (a clear), or only those named. */
    changed: (ended: HistoryChange['ended'] = 'all') => {
      for (const l of listeners) l({ ended });
    },
  };
}

function setup(options: ReminderOptions = { afterMs: 60_000, times: 3 }) {
  const clock = new ManualClock();
  const history = memoryHistory();
  const rang: string[] = [];
  const withdrawn: string[] = [];
  let opts = options;
  let quiet = false;
  const reminders = new SupportReminders({
    clock,
    history,
    options: () => opts,
    mayRing: () => !quiet,
    ring: async (entry, n) => {
      rang.push(`${entry.alert.id}#${n}`);
    },
    withdraw: (key) => withdrawn.push(key.id),
    logger: silentLogger(),
  });
  const add = (id: string, kind = 'support_request', extra: Partial<HistoryEntry> = {}): Alert => {
    const alert = alertSchema.parse({ id, source: 'vonage', kind, title: 't', body: 'b', receivedAt: clock.now() });
    history.entries.set(id, { alert, shown: true, read: false, ...extra });
    return alert;
  };
  return { clock, history, rang, withdrawn, reminders, add, set: (o: ReminderOptions) => (opts = o), setQuiet: (q: boolean) => (quiet = q) };
}

describe('support reminders', () => {
  it('rings at 1, 2 and 3 × afterMs, then stops; other kinds are never tracked', () => {
    const { clock, rang, reminders, add } = setup();
    reminders.track(add('a'));
    reminders.track(add('o', 'order'));
    expect(reminders.size).toBe(1);
    clock.advance(59_999);
    expect(rang).toEqual([]);
    clock.advance(1);
    clock.advance(60_000);
    clock.advance(60_000);
    clock.advance(600_000);
    expect(rang).toEqual(['a#1', 'a#2', 'a#3']);
    expect(reminders.size).toBe(0);
  });

  it('a settings change applies to requests already waiting: times lowered to 0 stops them', () => {
    const { clock, rang, reminders, add, set } = setup();
    reminders.track(add('a'));
    clock.advance(60_000);
    set({ afterMs: 60_000, times: 0 });
    clock.advance(600_000);
    expect(rang).toEqual(['a#1']);
  });

  it('stops as soon as history says handled (and withdraws its notification), and when the entry leaves history', () => {
    const { clock, history, rang, withdrawn, reminders, add } = setup();
    reminders.track(add('a'));
    reminders.track(add('b'));
    const a = history.entries.get('a');
    if (a) a.handled = 'dismissed';
    history.entries.delete('b');
    history.changed();
    expect(reminders.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    clock.advance(600_000);
    expect(rang).toEqual([]);
    expect(withdrawn).toEqual(['a']);
    history.changed();
    expect(withdrawn).toEqual(['a']);
  });

  it('looks only at what a change names as ended: handled or gone, others stay followed', () => {
    const { clock, history, rang, withdrawn, reminders, add } = setup();
    reminders.track(add('a'));
    reminders.track(add('b'));
    reminders.track(add('c'));
    const key = (id: string) => ({ restaurant: 'default', source: 'vonage', id });
    for (const id of ['a', 'b']) {
      const entry = history.entries.get(id);
      if (entry) entry.handled = 'joined';
    }
    history.entries.delete('c');
    // Only a is named: b stays followed though handled (its change has not been told yet), c too.
    history.changed([key('a')]);
    expect(withdrawn).toEqual(['a']);
    expect(reminders.size).toBe(2);
    history.changed([key('b'), key('c'), key('never-followed')]);
    expect(withdrawn).toEqual(['a', 'b']);
    expect(reminders.size).toBe(0);
    clock.advance(600_000);
    expect(rang).toEqual([]);
  });

  it('withdraws a handled request’s notification after its reminders are over, and with reminders off', () => {
    const { clock, history, withdrawn, reminders, add, set } = setup({ afterMs: 1000, times: 1 });
    reminders.track(add('a'));
    clock.advance(10_000);
    set({ afterMs: 1000, times: 0 });
    reminders.track(add('b'));
    for (const id of ['a', 'b']) {
      const entry = history.entries.get(id);
      if (entry) entry.handled = 'joined';
    }
    history.changed();
    expect(withdrawn).toEqual(['a', 'b']);
  });

  it('skips, does not postpone, a reminder due while quiet', () => {
    const { clock, rang, reminders, add, setQuiet } = setup();
    reminders.track(add('a'));
    setQuiet(true);
    clock.advance(60_000);
    setQuiet(false);
    clock.advance(600_000);
    expect(rang).toEqual(['a#2', 'a#3']);
  });

  it('a ring that fails is logged, and the next one is still due', async () => {
    const clock = new ManualClock();
    const history = memoryHistory();
    const alert = alertSchema.parse({ id: 'a', source: 'vonage', kind: 'support_request', title: 't', body: 'b', receivedAt: clock.now() });
    history.entries.set('a', { alert, shown: true, read: false });
    let calls = 0;
    const reminders = new SupportReminders({
      clock, history, options: () => ({ afterMs: 1000, times: 2 }), mayRing: () => true, logger: silentLogger(),
      ring: async () => {
        calls++;
        throw new Error('bus gone');
      },
    });
    reminders.track(alert);
    clock.advance(1000);
    await Promise.resolve();
    clock.advance(1000);
    expect(calls).toBe(2);
  });

  it('resumes from history after a restart: the next slot still ahead, none for handled, pending, unshown or old ones', () => {
    const { clock, history, rang, reminders, add } = setup();
    add('fresh');
    add('failed', 'support_request', { shown: false, reason: 'failed' });
    add('handled', 'support_request', { handled: 'joined' });
    add('pending', 'support_request', { pending: true });
    add('dnd', 'support_request', { shown: false, reason: 'dnd' });
    add('order', 'order');
    add('old').receivedAt -= 500_000;
    clock.advance(90_000); // the restart: reminder 1 (60 s) went with the last run, reminder 2 is due at 120 s
    reminders.resume([...history.entries.values()]);
    expect(reminders.size).toBe(2);
    clock.advance(29_999);
    expect(rang).toEqual([]);
    clock.advance(1);
    clock.advance(60_000);
    clock.advance(600_000);
    expect(rang).toEqual(['fresh#2', 'failed#2', 'fresh#3', 'failed#3']);
  });

  it('words the wait', () => {
    expect(reminderBody('guest needs help', 120_000)).toBe('Still waiting after 2 min.\nguest needs help');
    expect(reminderBody('x', 45_000)).toBe('Still waiting after 45 s.\nx');
  });
});
