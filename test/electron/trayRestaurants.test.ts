import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { withMuted } from '../../main/core/settings/restaurantEdits.js';
import { openSettingsStore } from '../../main/electron/electronSettingsStore.js';
import type { OpenKeyValueFile } from '../../main/electron/keyValueFile.js';
import { startTrayApp } from '../../main/electron/trayApp.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';
import { waitUntil } from '../harness/wait.js';
import { FakeTray } from './fakes.js';

const openConf: OpenKeyValueFile = ({ name, cwd, configFileMode }) => new Conf<Record<string, unknown>>({ configName: name, cwd, configFileMode });
const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((i) => (i.type === 'separator' ? '---' : (i.label ?? '')));
const click = (item: MenuItemConstructorOptions | undefined): void => (item?.click as unknown as (i: MenuItemConstructorOptions) => void)(item ?? {});

/** Each restaurant's Vonage connection reports what the test says: the tray must show each on its own line. */
function vonageBy(state: Record<string, 'connected' | 'reconnecting'>): SourceFactory {
  return {
    kind: 'vonage',
    section: (r) => r.vonage,
    secrets: [],
    enabled: (r) => r.vonage.enabled,
    create: (ctx) => ({
      name: 'vonage',
      start: async () => ctx.sink.status({ state: state[ctx.restaurant.id] ?? 'connected', detail: 'socket closed' }),
      reconnectNow: () => {},
      stop: async () => {},
    }),
  };
}

describe('the tray with two restaurants (electron double, real core and settings store)', () => {
  it('one status line per restaurant and connection, the icon for all of them, recent alerts with the restaurant, and a persisted mute', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-tray-two-'));
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({
        version: 2,
        restaurants: [
          { id: 'default', name: 'Trattoria', vonage: { enabled: true } },
          { id: 'bistro-mokotow', name: 'Bistro Mokotów', vonage: { enabled: true } },
        ],
      }),
    );
    const store = await openSettingsStore({ dataDir, openFile: openConf });
    const notifier = new RecordingNotifier();
    const core = await ServicebellCore.open({
      settings: store.settings,
      dataDir,
      notifier,
      opener: { open: async () => {} },
      getSecret: async () => undefined,
      logger: silentLogger(),
      sources: [vonageBy({ default: 'connected', 'bistro-mokotow': 'reconnecting' })],
    });
    const tray = new FakeTray();
    startTrayApp({
      core,
      logger: silentLogger(),
      createTray: (image) => ((tray.image = image), tray),
      buildMenu: (t: MenuItemConstructorOptions[]) => t,
      nativeTheme: { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} },
      iconDir: '/icons',
      platform: 'linux',
      openWindow: () => {},
      launchAtLogin: () => false,
      setLaunchAtLogin: async () => {},
      setMuted: async (restaurant, muted) => {
        await store.save(withMuted(core.settings, restaurant, muted));
        await core.applySettings(store.settings);
      },
      onRender: () => {},
      quit: () => {},
    });
    await core.start();
    await waitUntil(() => labels(tray.menu).includes('Bistro Mokotów · Vonage: reconnecting…: socket closed'), 2_000, 'both status lines');
    expect(labels(tray.menu).slice(0, 3)).toEqual([
      'Servicebell: Some connections need attention',
      'Trattoria · Vonage: connected',
      'Bistro Mokotów · Vonage: reconnecting…: socket closed',
    ]);
    expect(tray.image).toBe('/icons/tray-degraded-any.png'); // Linux: the glyph that reads on light and dark panels

    await core.pipeline.ingest({ id: 'a1', restaurant: 'bistro-mokotow', source: 'vonage', kind: 'support_request', title: 'Table 4 needs help', body: 'b', receivedAt: Date.UTC(2024, 0, 1, 12, 0) });
    await waitUntil(() => labels(tray.menu).some((l) => l.includes('Table 4')), 2_000, 'recent alert');
    expect(labels(tray.menu).find((l) => l.includes('Table 4'))).toMatch(/ {2}Bistro Mokotów · Table 4 needs help$/);
    expect(notifier.shown.at(-1)?.title).toBe('Bistro Mokotów · Table 4 needs help');

    const mute = tray.menu.find((i) => i.label === 'Mute restaurant');
    const choices = mute?.submenu as MenuItemConstructorOptions[];
    expect(choices.map((c) => [c.label, c.checked])).toEqual([['Trattoria', false], ['Bistro Mokotów', false]]);
    const bistro = choices[1];
    if (bistro) bistro.checked = true; // Electron flips a checkbox before calling its click handler
    click(bistro);
    await waitUntil(() => core.restaurant('bistro-mokotow')?.muted === true, 2_000, 'muted');
    const onDisk = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { restaurants: Array<{ id: string; muted: boolean }> };
    expect(onDisk.restaurants.map((r) => [r.id, r.muted])).toEqual([['default', false], ['bistro-mokotow', true]]);
    await waitUntil(() => ((tray.menu.find((i) => i.label === 'Mute restaurant')?.submenu as MenuItemConstructorOptions[] | undefined)?.[1]?.checked ?? false), 2_000, 'checked in the menu');

    const shownBefore = notifier.shown.length;
    const muted = await core.pipeline.ingest({ id: 'a2', restaurant: 'bistro-mokotow', source: 'vonage', kind: 'support_request', title: 'Table 5', body: 'b', receivedAt: Date.UTC(2024, 0, 1, 12, 1) });
    expect(muted.status === 'accepted' && muted.outcome).toMatchObject({ shown: false, reason: 'muted' });
    await core.pipeline.ingest({ id: 'a3', restaurant: 'default', source: 'vonage', kind: 'support_request', title: 'Table 6', body: 'b', receivedAt: Date.UTC(2024, 0, 1, 12, 2) });
    expect(notifier.shown.slice(shownBefore).map((n) => n.title)).toEqual(['Trattoria · Table 6']);
    await core.stop();
  });
});
