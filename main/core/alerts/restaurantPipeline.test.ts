import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/harness/manualClock.js';
import { RecordingNotifier } from '../../../test/harness/recordingNotifier.js';
import { silentLogger } from '../log/logger.js';
import type { AlertInput } from './alert.js';
import { DoNotDisturb } from './doNotDisturb.js';
import { HistoryStore } from './history.js';
import { AlertPipeline, parseNotificationKey, type SummaryOutcome } from './pipeline.js';
import { waitUntil } from '../../../test/harness/wait.js';

const stores: HistoryStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const NAMES: Record<string, string> = { default: 'Trattoria', 'bistro-mokotow': 'Bistro Mokotów' };

async function twoRestaurants(muted: Set<string> = new Set(), count = 2) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-restaurants-'));
  const clock = new ManualClock();
  const notifier = new RecordingNotifier();
  const history = await HistoryStore.open(dataDir, 1000);
  stores.push(history);
  const pipeline = new AlertPipeline({
    history,
    dnd: await DoNotDisturb.open(dataDir, { enabled: false, start: '23:00', end: '07:00' }),
    notifier,
    opener: { open: async () => {} },
    allowedHosts: () => ['*.vonage.com'],
    burst: { count: 3, windowMs: 10_000 },
    clock,
    logger: silentLogger(),
    restaurants: { count: () => count, name: (id) => NAMES[id] ?? id, muted: (id) => muted.has(id) },
  });
  const summaries: SummaryOutcome[] = [];
  pipeline.onSummary((s) => summaries.push(s));
  const alert = (restaurant: string, id: string, extra: Partial<AlertInput> = {}): AlertInput => ({
    id, restaurant, source: 'privmx', kind: 'threadNewMessage', title: 'New order', body: id, receivedAt: clock.now(), ...extra,
  });
  return { pipeline, history, notifier, clock, summaries, alert };
}

describe('the pipeline with several restaurants', () => {
  it('names the restaurant in the title; the same id in two restaurants is two alerts', async () => {
    const { pipeline, notifier, alert, history } = await twoRestaurants();
    await pipeline.ingest(alert('bistro-mokotow', 'm1', { source: 'vonage', kind: 'support_request', title: 'Support request' }));
    await pipeline.ingest(alert('default', 'm1', { source: 'vonage', kind: 'support_request', title: 'Support request' }));
    expect(notifier.shown.map((n) => [n.title, n.key])).toEqual([
      ['Bistro Mokotów · Support request', 'vonage@bistro-mokotow/m1'],
      ['Trattoria · Support request', 'vonage/m1'],
    ]);
    expect(parseNotificationKey('vonage@bistro-mokotow/m1')).toEqual({ restaurant: 'bistro-mokotow', source: 'vonage', id: 'm1' });
    expect(history.list().map((e) => [e.alert.restaurant, e.alert.title])).toEqual([['default', 'Support request'], ['bistro-mokotow', 'Support request']]);
  });

  it('with one restaurant the title is unchanged', async () => {
    const { pipeline, notifier, alert } = await twoRestaurants(new Set(), 1);
    await pipeline.ingest(alert('default', 'x', { title: 'Support request' }));
    expect(notifier.shown[0]?.title).toBe('Support request');
  });

  it('a flood in one restaurant never hides another restaurant’s support request; the summary says whose flood it was', async () => {
    const { pipeline, notifier, alert, clock, summaries } = await twoRestaurants();
    for (let i = 0; i < 20; i++) await pipeline.ingest(alert('bistro-mokotow', `flood-${i}`));
    await pipeline.ingest(alert('default', 'help', { source: 'vonage', kind: 'support_request', title: 'Support request' }));
    // A flood of one source does not hold another source of the same restaurant either.
    await pipeline.ingest(alert('bistro-mokotow', 'call', { source: 'vonage', kind: 'support_request', title: 'Support request' }));
    expect(notifier.shown.map((n) => n.title)).toEqual([
      'Bistro Mokotów · New order',
      'Bistro Mokotów · New order',
      'Bistro Mokotów · New order',
      'Trattoria · Support request',
      'Bistro Mokotów · Support request',
    ]);
    clock.advance(10_000);
    await waitUntil(() => summaries.length === 1, 2_000, 'the summary');
    expect(summaries).toEqual([{ restaurant: 'bistro-mokotow', source: 'privmx', count: 17, text: 'Bistro Mokotów: 17 new messages', shown: true }]);
    // What it holds, per kind and restaurant.
    expect(notifier.shown.at(-1)).toMatchObject({ title: 'Bistro Mokotów: 17 new messages', body: '17 messages · Bistro Mokotów', opensHistory: true });
  });

  it('a muted restaurant’s alerts go to history with reason "muted", shown to no one, and do not count towards a burst', async () => {
    const muted = new Set(['bistro-mokotow']);
    const { pipeline, notifier, alert, history } = await twoRestaurants(muted);
    for (let i = 0; i < 5; i++) {
      const result = await pipeline.ingest(alert('bistro-mokotow', `m${i}`));
      expect(result.status === 'accepted' && result.outcome).toMatchObject({ shown: false, reason: 'muted' });
    }
    await pipeline.ingest(alert('default', 'd1'));
    expect(notifier.shown.map((n) => n.title)).toEqual(['Trattoria · New order']);
    expect(history.list().filter((e) => e.reason === 'muted')).toHaveLength(5);
    muted.clear();
    for (let i = 5; i < 8; i++) await pipeline.ingest(alert('bistro-mokotow', `m${i}`));
    expect(notifier.shown).toHaveLength(4);
  });
});
