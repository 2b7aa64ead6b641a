// A rush at service: support requests keep their Join Meeting; only a flood beyond the support lane is summarised;
// a summary says what it holds and opens History on it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/harness/manualClock.js';
import { RecordingNotifier } from '../../../test/harness/recordingNotifier.js';
import { waitUntil } from '../../../test/harness/wait.js';
import { silentLogger } from '../log/logger.js';
import type { AlertInput } from './alert.js';
import { DoNotDisturb } from './doNotDisturb.js';
import { HistoryStore } from './history.js';
import { AlertPipeline, type HistoryRequest, type SummaryOutcome } from './pipeline.js';
import { breakdownText, historyFilterLabel } from './summaryText.js';

const stores: HistoryStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** Local "19:02", as the label shows it. */
const hhmm = (at: number): string => {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

const NAMES: Record<string, string> = { default: 'Pizzeria Wola', 'bistro-mokotow': 'Bistro Mokotów' };

async function rig(options: { restaurants?: number; supportCount?: number; dataDir?: string; clock?: ManualClock; notifier?: RecordingNotifier } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'sb-rush-'));
  const clock = options.clock ?? new ManualClock();
  const notifier = options.notifier ?? new RecordingNotifier();
  const history = await HistoryStore.open(dataDir, 1000);
  stores.push(history);
  const count = options.restaurants ?? 1;
  const pipeline = new AlertPipeline({
    history,
    dnd: await DoNotDisturb.open(dataDir, { enabled: false, start: '23:00', end: '07:00' }),
    notifier,
    opener: { open: async () => {} },
    allowedHosts: () => ['*.vonage.com'],
    burst: { count: 3, windowMs: 10_000, ...(options.supportCount === undefined ? {} : { supportCount: options.supportCount }) },
    clock,
    logger: silentLogger(),
    restaurants: { count: () => count, name: (id) => NAMES[id] ?? id, muted: () => false },
  });
  const summaries: SummaryOutcome[] = [];
  pipeline.onSummary((s) => summaries.push(s));
  const requests: HistoryRequest[] = [];
  pipeline.onOpenHistory((r) => requests.push(r));
  // Orders and support requests from one source of one restaurant: only the lanes keep them apart.
  const support = (id: string, extra: Partial<AlertInput> = {}): AlertInput => ({
    id, source: 'mqtt', kind: 'support_request', title: 'Support request', body: `guest ${id}`, link: `https://meetings.vonage.com/r/${id}`, receivedAt: clock.now(), ...extra,
  });
  const order = (id: string, extra: Partial<AlertInput> = {}): AlertInput => ({
    id, source: 'mqtt', kind: 'order', title: 'New order', body: `order ${id}`, receivedAt: clock.now(), ...extra,
  });
  return { dataDir, clock, notifier, history, pipeline, summaries, requests, support, order };
}

describe('a rush: the support lane', () => {
  it('6 support requests and 2 orders within 10 s: every support request on its own with Join Meeting, the orders as today', async () => {
    const { pipeline, notifier, clock, summaries, support, order } = await rig();
    for (let i = 0; i < 6; i++) {
      await pipeline.ingest(support(`s${i}`));
      if (i === 1 || i === 4) await pipeline.ingest(order(`o${i}`));
      clock.advance(1_000);
    }
    expect(notifier.shown.filter((n) => n.title === 'Support request').map((n) => [n.key, n.joinUrl])).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => [`mqtt/s${i}`, `https://meetings.vonage.com/r/s${i}`]),
    );
    // Two orders are under today's 3 in 10 s: both shown; and the six support requests did not count against them.
    expect(notifier.shown.filter((n) => n.title === 'New order').map((n) => n.key)).toEqual(['mqtt/o1', 'mqtt/o4']);
    clock.advance(20_000);
    await new Promise((r) => setImmediate(r));
    expect(summaries).toEqual([]);
    expect(notifier.shown).toHaveLength(8);
  });

  it('a rush of orders is folded as today while the support requests among them all stay', async () => {
    const { pipeline, notifier, clock, summaries, support, order } = await rig();
    for (let i = 0; i < 6; i++) {
      await pipeline.ingest(order(`o${i}`));
      await pipeline.ingest(support(`s${i}`));
    }
    expect(notifier.shown.filter((n) => n.joinUrl !== undefined)).toHaveLength(6);
    expect(notifier.shown.filter((n) => n.title === 'New order')).toHaveLength(3);
    clock.advance(10_000);
    await waitUntil(() => summaries.length === 1, 2_000, 'the orders’ summary');
    expect(notifier.shown.at(-1)).toMatchObject({ title: '3 new orders', body: '3 orders', opensHistory: true });
    expect(notifier.shown.at(-1)?.joinUrl).toBeUndefined();
  });

  it('15 support requests within the window: 10 on their own, then "5 more support requests"', async () => {
    const { pipeline, notifier, clock, summaries, history, support } = await rig();
    for (let i = 0; i < 15; i++) await pipeline.ingest(support(`s${i}`));
    expect(notifier.shown.map((n) => n.joinUrl !== undefined)).toEqual(Array(10).fill(true));
    clock.advance(10_000);
    await waitUntil(() => summaries.length === 1, 2_000, 'the support summary');
    expect(summaries[0]).toMatchObject({ restaurant: 'default', source: 'mqtt', count: 5, text: '5 more support requests', shown: true });
    expect(notifier.shown).toHaveLength(11);
    expect(notifier.shown[10]).toMatchObject({ title: '5 more support requests', body: '5 support requests', opensHistory: true });
    // The summary is in history, with the keys it folded; read, so the 15 unread requests are not counted twice.
    const entry = history.list().find((e) => e.alert.kind === 'summary');
    expect(entry).toMatchObject({ read: true, shown: true, alert: { source: 'servicebell', restaurant: 'default', title: '5 more support requests' } });
    expect(entry?.alert.meta.keys).toEqual([10, 11, 12, 13, 14].map((i) => ({ restaurant: 'default', source: 'mqtt', id: `s${i}` })));
    expect(history.unreadCount()).toBe(15);
  });

  it('the support lane follows notifications.supportBurstLimit, and never shows fewer than burst.count', async () => {
    const small = await rig({ supportCount: 1 });
    for (let i = 0; i < 5; i++) await small.pipeline.ingest(small.support(`s${i}`));
    expect(small.notifier.shown).toHaveLength(3);
    const configured = await rig({ supportCount: 4 });
    for (let i = 0; i < 5; i++) await configured.pipeline.ingest(configured.support(`s${i}`));
    expect(configured.notifier.shown).toHaveLength(4);
    configured.pipeline.configureBurst({ count: 3, windowMs: 10_000, supportCount: 6 });
    await configured.pipeline.ingest(configured.support('s5'));
    expect(configured.notifier.shown).toHaveLength(5);
  });
});

describe('what a summary holds', () => {
  it('lists its alerts per kind and restaurant, in plain words', () => {
    const at = Date.UTC(2026, 10, 22, 18, 2);
    const a = (restaurant: string, kind: string, id: string) => ({ id, restaurant, source: 'mqtt' as const, kind, title: 't', body: 'b', receivedAt: at, meta: {} });
    const alerts = [a('default', 'order', '1'), a('bistro-mokotow', 'table_request', '2'), a('default', 'order', '3'), a('bistro-mokotow', 'table_request', '4'), a('bistro-mokotow', 'table_request', '5')];
    expect(breakdownText(alerts, (id) => NAMES[id] ?? id)).toBe('2 orders · Pizzeria Wola\n3 table requests · Bistro Mokotów');
    expect(breakdownText(alerts, undefined)).toBe('2 orders\n3 table requests');
    expect(breakdownText([a('default', 'support_request', '6'), a('default', 'pizzaReady', '7'), a('default', 'order', '8')], undefined)).toBe(
      '1 support request\n1 order\n1 × pizza ready',
    );
    expect(historyFilterLabel(alerts, 5, at)).toBe(`5 alerts from ${hhmm(at)}`);
    expect(historyFilterLabel(alerts.slice(0, 2), 1500, at)).toBe(`1500 alerts from ${hhmm(at)} (the first 2)`);
  });

  it('names the restaurant in a mixed summary when several are configured', async () => {
    const { pipeline, notifier, clock, summaries, order } = await rig({ restaurants: 2 });
    for (let i = 0; i < 3; i++) await pipeline.ingest(order(`o${i}`));
    await pipeline.ingest(order('o3'));
    await pipeline.ingest(order('o4'));
    for (let i = 0; i < 3; i++) await pipeline.ingest(order(`t${i}`, { kind: 'table_request', title: 'Table request' }));
    clock.advance(10_000);
    await waitUntil(() => summaries.length === 1, 2_000, 'the summary');
    expect(notifier.shown.at(-1)).toMatchObject({ title: 'Pizzeria Wola: 5 new alerts', body: '2 orders · Pizzeria Wola\n3 table requests · Pizzeria Wola' });
  });
});

describe('a click on a summary', () => {
  it('asks for History on the alerts it folded, also after a restart', async () => {
    const first = await rig();
    for (let i = 0; i < 12; i++) await first.pipeline.ingest(first.support(`s${i}`));
    const startedAt = first.clock.now();
    first.clock.advance(10_000);
    await waitUntil(() => first.summaries.length === 1, 2_000, 'the summary');
    const summary = first.notifier.shown.at(-1);
    const keys = [10, 11].map((i) => ({ restaurant: 'default', source: 'mqtt', id: `s${i}` }));
    const label = `2 support requests from ${hhmm(startedAt)}`;
    first.notifier.activate({ key: summary?.key ?? '', action: 'default' });
    expect(first.requests).toEqual([{ keys, label }]);
    // Any action of a summary does the same; nothing is joined.
    first.notifier.activate({ key: summary?.key ?? '', action: 'join' });
    expect(first.requests).toHaveLength(2);
    first.pipeline.dispose();
    await first.history.flush();

    // A toast clicked in the Action Center after a restart: the summary is found in history.
    const second = await rig({ dataDir: first.dataDir, clock: first.clock });
    second.notifier.activate({ key: summary?.key ?? '', action: 'default' });
    expect(second.requests).toEqual([{ keys, label }]);
  });

  it('the start-up summary of what a killed run held opens History on those alerts (none of them to join alone)', async () => {
    const first = await rig();
    for (let i = 0; i < 5; i++) await first.pipeline.ingest(first.order(`o${i}`));
    first.pipeline.dispose(); // ends before the burst's summary
    await first.history.close();
    stores.splice(stores.indexOf(first.history), 1);
    const second = await rig({ dataDir: first.dataDir, clock: first.clock });
    await second.pipeline.announcePending();
    expect(second.notifier.shown).toEqual([expect.objectContaining({ title: 'Servicebell', body: 'While Servicebell was closed: 2 orders', opensHistory: true })]);
    second.notifier.activate({ key: second.notifier.shown[0]?.key ?? '', action: 'default' });
    expect(second.requests[0]?.keys).toEqual(['o3', 'o4'].map((id) => ({ restaurant: 'default', source: 'mqtt', id })));
  });

  it('the backlog summary opens History on the caught-up alerts', async () => {
    const { pipeline, notifier, requests, history, support } = await rig();
    await pipeline.ingestBacklog([support('b1'), support('b2')]);
    await waitUntil(() => notifier.shown.length === 1, 2_000, 'the backlog summary');
    expect(notifier.shown[0]).toMatchObject({ title: 'Servicebell', body: 'Missed while offline: 2 support requests (see History)', opensHistory: true });
    notifier.activate({ key: notifier.shown[0]?.key ?? '', action: 'default' });
    expect(requests[0]?.keys).toEqual(['b1', 'b2'].map((id) => ({ restaurant: 'default', source: 'mqtt', id })));
    expect(history.unreadCount()).toBe(2);
  });
});
