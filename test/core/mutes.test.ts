// Mutes for a while (#15): one kind of alert or one restaurant, from the tray or a notification's Mute button, on the
// real core and its files; support requests are never muted by kind and never carry a Mute button.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { Mutes } from '../../main/core/alerts/mutes.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { kindWords, muteText } from '../../main/core/text/muteText.js';
import { ManualClock } from '../harness/manualClock.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { waitUntil } from '../harness/wait.js';

const HOUR = 3600_000;

async function openCore(dataDir: string, clock: ManualClock, notifier = new RecordingNotifier()) {
  const parsed = parseSettings({});
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const core = await ServicebellCore.open({
    settings: parsed.settings, dataDir, notifier, opener: { open: async () => {} }, getSecret: async () => undefined, logger: silentLogger(), sources: [], clock,
  });
  return { core, notifier };
}

const message = (id: string, at: number) => ({ id, source: 'privmx' as const, kind: 'threadNewMessage', title: 'Kitchen', body: `order ${id} ready`, receivedAt: at });
const support = (id: string, at: number) => ({
  id, source: 'vonage' as const, kind: 'support_request', title: 'Support request', body: 'guest@example.com has requested support', link: 'https://meetings.vonage.com/r/1', receivedAt: at,
});

describe('mute texts', () => {
  it('names kinds in plain words', () => {
    expect(muteText.notificationAction('threadNewMessage')).toBe('Mute messages for 1 hour');
    expect(muteText.notificationAction('order')).toBe('Mute orders for 1 hour');
    expect(kindWords('tableCall')).toBe('table call alerts');
    expect(kindWords('order.created')).toBe('order created alerts');
    expect(muteText.kindForHour('order')).toBe('Orders for 1 hour');
  });
});

describe('Mutes (mutes.json)', () => {
  it('covers a kind or a restaurant until it ends, survives a reopen, drops ended ones, and refuses support requests', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-mutes-'));
    const now = Date.UTC(2026, 4, 12, 10);
    const mutes = await Mutes.open(dir);
    await mutes.mute({ scope: 'kind', id: 'order' }, now + HOUR, now);
    await mutes.mute({ scope: 'restaurant', id: 'pizzeria-wola' }, now + 2 * HOUR, now);
    expect(mutes.covers({ restaurant: 'bistro', kind: 'order' }, now)).toBe(true);
    expect(mutes.covers({ restaurant: 'bistro', kind: 'order' }, now + HOUR)).toBe(false);
    expect(mutes.covers({ restaurant: 'pizzeria-wola', kind: 'support_request' }, now + HOUR)).toBe(true);
    await expect(mutes.mute({ scope: 'kind', id: 'support_request' }, now + HOUR, now)).rejects.toThrow(/cannot be muted/);

    const again = await Mutes.open(dir);
    expect(again.active(now).map((m) => `${m.scope}:${m.id}`)).toEqual(['restaurant:pizzeria-wola', 'kind:order']);
    await again.unmute({ scope: 'restaurant', id: 'pizzeria-wola' }, now + HOUR + 1);
    expect(JSON.parse(readFileSync(path.join(dir, 'mutes.json'), 'utf8'))).toEqual({ version: 1, mutes: [] });
  });

  it('a corrupt mutes.json is moved aside with a warning, and nothing is muted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-mutes-'));
    writeFileSync(path.join(dir, 'mutes.json'), '{"version":1,"mutes":[{"scope":"everything"}]}');
    const warnings: string[] = [];
    const mutes = await Mutes.open(dir, (m) => warnings.push(m));
    expect(warnings[0]).toMatch(/^mutes\.json was unreadable .*moved aside .*so any mute was lifted$/);
    expect(mutes.active(0)).toEqual([]);
  });
});

describe('muting from a notification, on the real core', () => {
  it('"Mute messages for 1 hour": messages go to history as muted for an hour; support requests keep Join Meeting and still show', async () => {
    const clock = new ManualClock();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-mutes-core-'));
    const { core, notifier } = await openCore(dir, clock);
    await core.pipeline.ingest(message('m1', clock.now()));
    await core.pipeline.ingest(support('s1', clock.now()));
    expect(notifier.shown.map((n) => n.muteLabel)).toEqual(['Mute messages for 1 hour', undefined]);
    expect(notifier.shown[1]?.joinUrl).toBe('https://meetings.vonage.com/r/1');

    notifier.activate({ key: notifier.shown[0]?.key ?? '', action: 'mute' });
    await waitUntil(() => core.mutes.active(clock.now()).length === 1, 2_000, 'the mute');
    expect(core.mutes.active(clock.now())).toEqual([{ scope: 'kind', id: 'threadNewMessage', until: clock.now() + HOUR }]);
    // A Mute click is not a Join: nothing opened, the alert stays unread.
    expect(core.history.find({ restaurant: 'default', source: 'privmx', id: 'm1' })?.read).toBe(false);

    clock.advance(30 * 60_000);
    const muted = await core.pipeline.ingest(message('m2', clock.now()));
    expect(muted).toMatchObject({ status: 'accepted', outcome: { shown: false, reason: 'muted' } });
    await core.pipeline.ingest(support('s2', clock.now()));
    // Half an hour on, s1 was reminded of (every 2 minutes, 3 times): reminders replace its notification.
    expect(notifier.shown.filter((n) => n.replaces !== true).map((n) => n.key)).toEqual(['privmx/m1', 'vonage/s1', 'vonage/s2']);

    // A restart keeps the mute; an hour after the click it is over.
    await core.stop();
    const reopened = await openCore(dir, clock, notifier);
    expect((await reopened.core.pipeline.ingest(message('m3', clock.now()))).status === 'accepted' && reopened.core.history.list()[0]?.reason).toBe('muted');
    clock.advance(30 * 60_000);
    await reopened.core.pipeline.ingest(message('m4', clock.now()));
    expect(notifier.shown.at(-1)?.key).toBe('privmx/m4');
    await reopened.core.stop();
  });

  it('a Mute activation on a support request (a forged or stale key) mutes nothing', async () => {
    const clock = new ManualClock();
    const { core, notifier } = await openCore(mkdtempSync(path.join(os.tmpdir(), 'sb-mutes-core-')), clock);
    await core.pipeline.ingest(support('s1', clock.now()));
    notifier.activate({ key: 'vonage/s1', action: 'mute' });
    await new Promise((r) => setTimeout(r, 50));
    expect(core.mutes.active(clock.now())).toEqual([]);
    await core.stop();
  });
});
