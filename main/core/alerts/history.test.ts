import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from './historyEntry.js';
import { HistoryStore } from './history.js';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'sb-history-'));
const entry = (id: string): HistoryEntry => ({
  alert: { id, restaurant: 'default', source: 'vonage', kind: 'support_request', title: 'Support request', body: `${id} body`, receivedAt: 1, meta: {} },
  shown: true,
  read: false,
});
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
/** The journal and every journal a fold set aside (`history.journal.<n>`). */
const journals = (d: string) => readdirSync(d).filter((f) => /^history\.journal(\.\d+)?$/.test(f));
const key = (id: string) => ({ restaurant: 'default', source: 'vonage', id });

describe('history on disk (snapshot + journal)', () => {
  it('appends one journal line per change instead of rewriting the history, and folds it in on the next start', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 100);
    await Promise.all([store.add(entry('a')), store.add(entry('b'))]);
    await store.update({ restaurant: 'default', source: 'vonage', id: 'a' }, { shown: false, reason: 'failed' });
    expect(lines(path.join(d, 'history.journal'))).toHaveLength(3);
    expect(JSON.parse(readFileSync(path.join(d, 'history.json'), 'utf8')).entries).toEqual([]);
    await store.close();
    const reopened = await HistoryStore.open(d, 100);
    expect(reopened.list().map((e) => [e.alert.id, e.reason])).toEqual([['b', undefined], ['a', 'failed']]);
    expect(journals(d).flatMap((f) => lines(path.join(d, f)))).toEqual([]);
    await reopened.close();
  });

  it('writes an add after a quiet spell in its own tick; adds made right after a write share the next one', async () => {
    const d = dir();
    const probe = await open(path.join(d, 'probe'), 'w');
    const writes = vi.spyOn(Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => unknown }, 'write');
    await probe.close();
    try {
      const store = await HistoryStore.open(d, 100);
      await store.add(entry('first')); // opens the journal
      await new Promise((r) => setTimeout(r, 20));
      writes.mockClear();
      const alone = store.add(entry('alone'));
      // Issued before `add` returned: nothing of it waits for the caller's tick to end.
      expect(writes).toHaveBeenCalledTimes(1);
      await alone;
      // A burst right after a write (a batch of frames, a catch-up): one write for all of it.
      await Promise.all([store.add(entry('b1')), store.add(entry('b2')), store.add(entry('b3'))]);
      expect(writes).toHaveBeenCalledTimes(2);
      expect(lines(path.join(d, 'history.journal'))).toHaveLength(5);
      await store.close();
    } finally {
      writes.mockRestore();
    }
  });

  it('remembers who handled an alert (joined or dismissed) across a restart, and a handled alert is read', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 100);
    await Promise.all([store.add(entry('a')), store.add(entry('b')), store.add(entry('c'))]);
    await store.markHandled([{ restaurant: 'default', source: 'vonage', id: 'a' }], 'dismissed');
    await store.markHandled([{ restaurant: 'default', source: 'vonage', id: 'b' }], 'joined');
    await store.close();
    const reopened = await HistoryStore.open(d, 100);
    expect(reopened.list().map((e) => [e.alert.id, e.handled, e.read])).toEqual([['c', undefined, false], ['b', 'joined', true], ['a', 'dismissed', true]]);
    expect(reopened.unreadCount()).toBe(1);
    await reopened.close();
  });

  it('compacts once the journal holds as many records as the history keeps', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 10);
    for (let i = 0; i < 12; i++) await store.add(entry(`e${i}`));
    // The fold is written beside the appends, not before them: it is on disk once the store is idle.
    await store.flush();
    expect(journals(d)).toEqual(['history.journal']);
    expect(lines(path.join(d, 'history.journal')).length).toBeLessThan(10);
    const snapshot = JSON.parse(readFileSync(path.join(d, 'history.json'), 'utf8')) as { entries: HistoryEntry[] };
    expect(snapshot.entries).toHaveLength(10);
    await store.close();
  });

  it('goes on appending while a fold is written, and each change is on disk (journal or snapshot) once it resolves', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 10);
    // 10 adds fill the journal: the fold starts; the 40 adds after it are acknowledged while it may still be on its way.
    for (let i = 0; i < 50; i++) await store.add(entry(`e${i}`));
    // What a crash now would find: the snapshot (old or new), then every journal, oldest first.
    const onDisk = new Set<string>();
    const snapshot = JSON.parse(readFileSync(path.join(d, 'history.json'), 'utf8')) as { entries: HistoryEntry[] };
    for (const e of snapshot.entries) onDisk.add(e.alert.id);
    for (const f of journals(d)) for (const line of lines(path.join(d, f))) onDisk.add((JSON.parse(line) as { entry: HistoryEntry }).entry.alert.id);
    for (let i = 40; i < 50; i++) expect(onDisk.has(`e${i}`)).toBe(true);
    await store.close();
    const reopened = await HistoryStore.open(d, 10);
    expect(reopened.list().map((e) => e.alert.id)).toEqual(Array.from({ length: 10 }, (_, i) => `e${49 - i}`));
    await reopened.close();
  });

  it('replays the journals a fold set aside, oldest first, when a crash came before the snapshot was written', async () => {
    const d = dir();
    const line = (record: unknown) => `${JSON.stringify(record)}\n`;
    writeFileSync(path.join(d, 'history.journal.2'), line({ op: 'add', entry: entry('a') }) + line({ op: 'update', ...key('a'), patch: { reason: 'failed' } }));
    writeFileSync(path.join(d, 'history.journal.10'), line({ op: 'update', ...key('a'), patch: { reason: 'os_dnd' } }) + line({ op: 'add', entry: entry('b') }));
    writeFileSync(path.join(d, 'history.journal'), line({ op: 'update', ...key('b'), patch: { read: true } }));
    const store = await HistoryStore.open(d, 10);
    expect(store.list().map((e) => [e.alert.id, e.reason, e.read])).toEqual([['b', undefined, true], ['a', 'os_dnd', false]]);
    // Opening folds them all into one snapshot and removes them.
    await store.flush();
    expect(journals(d)).toEqual([]);
    await store.add(entry('c'));
    await store.close();
    const reopened = await HistoryStore.open(d, 10);
    expect(reopened.list().map((e) => [e.alert.id, e.reason])).toEqual([['c', undefined], ['b', undefined], ['a', 'os_dnd']]);
    await reopened.close();
  });

  it('writes a changed entry as it is now: what was written before a change is not used again', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 10);
    await store.add(entry('a'));
    await store.update(key('a'), { shown: false, reason: 'failed' });
    await store.setRead([key('a')], true);
    await store.add(entry('b'));
    await store.markHandled([key('b')], 'joined');
    await store.update(key('a'), { reason: 'os_dnd' });
    await store.add(entry('c'));
    await store.setRead([key('c')], true); // a snapshot of all three, a's text made again after its last change
    expect(lines(path.join(d, 'history.journal'))).toEqual([]);
    const snapshot = JSON.parse(readFileSync(path.join(d, 'history.json'), 'utf8')) as { entries: HistoryEntry[] };
    expect(snapshot.entries.map((e) => [e.alert.id, e.shown, e.reason, e.read, e.handled])).toEqual([
      ['c', true, undefined, true, undefined],
      ['b', true, undefined, true, 'joined'],
      ['a', false, 'os_dnd', true, undefined],
    ]);
    await store.close();
    const reopened = await HistoryStore.open(d, 10);
    expect(reopened.list()).toEqual(snapshot.entries);
    await reopened.close();
  });

  it('drops a torn last line quietly: that write never completed, so it was never acknowledged', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 100);
    await store.add(entry('kept'));
    await store.close();
    appendFileSync(path.join(d, 'history.journal'), '{"op":"add","entry":{"alert":{"id":"to');
    const warnings: string[] = [];
    const reopened = await HistoryStore.open(d, 100, (w) => warnings.push(w));
    expect(reopened.list().map((e) => e.alert.id)).toEqual(['kept']);
    expect(warnings).toEqual([]);
    await reopened.close();
  });

  it('keeps a copy of a journal with a bad line in the middle, and what came before it', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 100);
    await store.add(entry('first'));
    await store.close();
    appendFileSync(path.join(d, 'history.journal'), 'garbage\n{"op":"add","entry":' + JSON.stringify(entry('after')) + '}\n');
    const warnings: string[] = [];
    const reopened = await HistoryStore.open(d, 100, (w) => warnings.push(w));
    expect(reopened.list().map((e) => e.alert.id)).toEqual(['first']);
    expect(warnings[0]).toMatch(/journal line 2 was unreadable; a copy is at/);
    expect(readdirSync(d).some((f) => f.startsWith('history.journal.corrupt-'))).toBe(true);
    await reopened.close();
  });

  it('replays idempotently: an add already in the snapshot is not doubled', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 100);
    await store.add(entry('x'));
    await store.markAllRead(); // a snapshot holding x
    await store.close();
    appendFileSync(path.join(d, 'history.journal'), `${JSON.stringify({ op: 'add', entry: entry('x') })}\n`);
    const reopened = await HistoryStore.open(d, 100);
    expect(reopened.list().map((e) => [e.alert.id, e.read])).toEqual([['x', true]]);
    await reopened.close();
  });

  it('finds by (restaurant, source, id) and forgets what fell off the end or was cleared', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 10);
    for (let i = 0; i < 12; i++) await store.add(entry(`e${i}`));
    expect(store.find({ restaurant: 'default', source: 'vonage', id: 'e0' })).toBeUndefined();
    expect(store.find({ restaurant: 'default', source: 'vonage', id: 'e1' })).toBeUndefined();
    expect(store.find({ restaurant: 'default', source: 'vonage', id: 'e2' })?.alert.id).toBe('e2');
    expect(store.find({ restaurant: 'default', source: 'privmx', id: 'e2' })).toBeUndefined();
    expect(store.find({ restaurant: 'other', source: 'vonage', id: 'e2' })).toBeUndefined();
    await store.add(entry('e0')); // fell off, so it is new again
    expect(store.list().map((e) => e.alert.id).slice(0, 2)).toEqual(['e0', 'e11']);
    expect(store.size).toBe(10);
    await store.clear();
    expect(store.find({ restaurant: 'default', source: 'vonage', id: 'e11' })).toBeUndefined();
    await store.add(entry('e11'));
    expect(store.list().map((e) => e.alert.id)).toEqual(['e11']);
    await store.close();
  });

  it('keeps the newest in order however many fell off the end, and a restart sees the same', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 3);
    for (let i = 0; i < 10; i++) {
      await store.add(entry(`e${i}`));
      expect(store.list().map((e) => e.alert.id)).toEqual([9, 8, 7].map((n) => n - 9 + i).filter((n) => n >= 0).map((n) => `e${n}`));
    }
    expect(store.size).toBe(3);
    expect(store.find({ restaurant: 'default', source: 'vonage', id: 'e6' })).toBeUndefined();
    expect(store.find({ restaurant: 'default', source: 'vonage', id: 'e7' })?.alert.id).toBe('e7');
    await store.markAllRead();
    expect(store.unreadCount()).toBe(0);
    await store.add(entry('e10'));
    expect(store.unreadCount()).toBe(1);
    await store.close();
    const reopened = await HistoryStore.open(d, 3);
    expect(reopened.list().map((e) => [e.alert.id, e.read])).toEqual([['e10', false], ['e9', true], ['e8', true]]);
    await reopened.close();
  });

  it('tells its listeners what a change ended: what fell off the end, what was handled, everything on a clear', async () => {
    const d = dir();
    const store = await HistoryStore.open(d, 2);
    const told: unknown[] = [];
    store.onChange((change) => told.push(change.ended === 'all' ? 'all' : change.ended.map((k) => k.id)));
    await store.add(entry('a'));
    await store.add(entry('b'));
    await store.update({ restaurant: 'default', source: 'vonage', id: 'a' }, { shown: false, reason: 'failed' });
    await store.add(entry('c'));
    await store.setRead([{ restaurant: 'default', source: 'vonage', id: 'b' }], true);
    await store.markHandled([{ restaurant: 'default', source: 'vonage', id: 'c' }], 'joined');
    await store.clear();
    expect(told).toEqual([[], [], [], ['a'], [], ['c'], 'all']);
    await store.close();
  });
});
