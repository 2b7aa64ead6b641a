// The tray's Mute submenu (#15) on the real core with the tray double: one restaurant or one kind of alert, for an hour
// or until 06:00, a "Muted: …" line while it runs, and Unmute.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { nextMorning } from '../../main/core/alerts/pauseUntil.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { startTrayApp } from '../../main/electron/trayApp.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { waitUntil } from '../harness/wait.js';
import { FakeTray, openCore } from './fakes.js';

const labels = (items: readonly MenuItemConstructorOptions[] | undefined): string[] => (items ?? []).map((i) => (i.type === 'separator' ? '---' : (i.label ?? '')));
const submenu = (items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no "${label}" in ${labels(items).join(' | ')}`);
  return item.submenu as MenuItemConstructorOptions[];
};
const click = (items: readonly MenuItemConstructorOptions[], label: string): void => {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no "${label}" in ${labels(items).join(' | ')}`);
  (item.click as unknown as (i: MenuItemConstructorOptions) => void)(item);
};
const hhmm = (ms: number): string => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('tray › Mute', () => {
  it('mutes a restaurant for 1 hour and a kind until 06:00; the menu says so and Unmute lifts it; support requests are not offered', async () => {
    const notifier = new RecordingNotifier();
    const core = await openCore({
      notifier,
      settings: { version: 2, restaurants: [{ id: 'default', name: 'Trattoria' }, { id: 'pizzeria-wola', name: 'Pizzeria Wola' }] },
    });
    // The core decides on the system clock, so the tray's clock is the same one (pinned for the labels).
    let now = Date.now();
    const inAnHour = hhmm(now + 3600_000);
    const tray = new FakeTray();
    startTrayApp({
      core, logger: silentLogger(), createTray: () => tray, buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons', platform: 'linux', openWindow: () => {}, launchAtLogin: () => false, setLaunchAtLogin: async () => {},
      onRender: () => {}, quit: () => {}, now: () => now, formatTime: hhmm,
    });
    await core.pipeline.ingest({ id: 'o1', restaurant: 'pizzeria-wola', source: 'mqtt', kind: 'order', title: 'Order 12', body: 'two pizzas', receivedAt: now });
    await core.pipeline.ingest({ id: 's1', restaurant: 'pizzeria-wola', source: 'mqtt', kind: 'support_request', title: 'Support request', body: 'table 4', receivedAt: now });
    await waitUntil(() => labels(tray.menu).includes('Mute'), 2_000, 'the Mute submenu');
    expect(labels(submenu(tray.menu, 'Mute'))).toEqual([
      'Trattoria for 1 hour', 'Trattoria until 06:00', 'Pizzeria Wola for 1 hour', 'Pizzeria Wola until 06:00', '---',
      'Orders for 1 hour', 'Orders until 06:00',
    ]);

    click(submenu(tray.menu, 'Mute'), 'Pizzeria Wola for 1 hour');
    await waitUntil(() => labels(tray.menu).includes('Muted: Pizzeria Wola'), 2_000, 'the muted line');
    click(submenu(tray.menu, 'Mute'), 'Orders until 06:00');
    await waitUntil(() => labels(tray.menu).includes('Muted: Pizzeria Wola, orders'), 2_000, 'both mutes');
    expect(core.mutes.active(now)).toEqual([
      { scope: 'restaurant', id: 'pizzeria-wola', until: now + 3600_000 },
      { scope: 'kind', id: 'order', until: nextMorning(now) },
    ]);
    expect(labels(submenu(tray.menu, 'Mute'))).toEqual([
      'Trattoria for 1 hour', 'Trattoria until 06:00', '---', `Unmute Pizzeria Wola (muted until ${inAnHour})`, 'Unmute orders (muted until 06:00)',
    ]);

    // Both mutes hold on the real pipeline: Pizzeria Wola's support request and Trattoria's order go to history only.
    const shownBefore = notifier.shown.length;
    await core.pipeline.ingest({ id: 's2', restaurant: 'pizzeria-wola', source: 'mqtt', kind: 'support_request', title: 'Support request', body: 'x', receivedAt: now });
    await core.pipeline.ingest({ id: 'o2', restaurant: 'default', source: 'mqtt', kind: 'order', title: 'Order 13', body: 'x', receivedAt: now });
    expect(notifier.shown.length).toBe(shownBefore);
    expect(core.history.list().slice(0, 2).map((e) => e.reason)).toEqual(['muted', 'muted']);

    click(submenu(tray.menu, 'Mute'), `Unmute Pizzeria Wola (muted until ${inAnHour})`);
    await waitUntil(() => labels(tray.menu).includes('Muted: orders'), 2_000, 'one mute left');
    expect(core.mutes.active(now).map((m) => m.id)).toEqual(['order']);
    now = nextMorning(now);
    expect(core.mutes.active(now)).toEqual([]);
    await core.stop();
  });

  it('with one restaurant the submenu offers only kinds; with nothing muteable seen yet there is no Mute submenu', async () => {
    const core = await openCore({});
    const tray = new FakeTray();
    startTrayApp({
      core, logger: silentLogger(), createTray: () => tray, buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons', platform: 'linux', openWindow: () => {}, launchAtLogin: () => false, setLaunchAtLogin: async () => {},
      onRender: () => {}, quit: () => {}, formatTime: hhmm,
    });
    expect(labels(tray.menu)).not.toContain('Mute');
    await core.pipeline.ingest({ id: 's1', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'x', receivedAt: Date.now() });
    await new Promise((r) => setTimeout(r, 20));
    expect(labels(tray.menu)).not.toContain('Mute');
    await core.pipeline.ingest({ id: 'm1', source: 'privmx', kind: 'threadNewMessage', title: 'Kitchen', body: 'x', receivedAt: Date.now() });
    await waitUntil(() => labels(tray.menu).includes('Mute'), 2_000, 'the Mute submenu');
    expect(labels(submenu(tray.menu, 'Mute'))).toEqual(['Messages for 1 hour', 'Messages until 06:00']);
    await core.stop();
  });
});
