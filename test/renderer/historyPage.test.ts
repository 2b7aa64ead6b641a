import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, section, startApp, startBrowser, tabTo, tempDir, type AppUnderTest, type Browser } from './harness.js';

// Screenshots go to docs/screenshots with SERVICEBELL_UPDATE_SCREENSHOTS=1, else to a temporary folder.
const SHOTS = process.env.SERVICEBELL_UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : tempDir('sb-shots-');
const XSS = '<img src=x onerror="window.__xss=1">';
const t0 = Date.UTC(2025, 4, 16, 18, 0);

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function seed(app: AppUnderTest): Promise<void> {
  const alerts: AlertInput[] = [
    { id: 'p1', source: 'privmx', kind: 'threadNewMessage', title: 'Kitchen: order 112 ready', body: 'Two ramen, one gyoza. Pick-up at the pass.', receivedAt: t0 },
    { id: 'v1', source: 'vonage', kind: 'support_request', title: 'Table 7 asks for a waiter', body: XSS, link: 'https://evil.example.com/join', receivedAt: t0 + 60_000 },
    { id: 'v2', source: 'vonage', kind: 'support_request', title: 'Video call from the terrace', body: 'Guest at table 12 started a call.', link: 'https://meet.vonage.com/room/12', receivedAt: t0 + 120_000 },
  ];
  for (const a of alerts) await app.core.pipeline.ingest(a);
  await app.core.history.setRead([{ restaurant: 'default', source: 'privmx', id: 'p1' }], true);
}

const SHOT_RULES = [
  { name: 'Kitchen orders', match: { channel: 'thread', threadId: 'thread-kitchen' }, title: 'Order from {author}', body: '{time}', actions: ['desktop', 'sms'] },
  { name: 'Any other message', match: { channel: 'thread' }, title: 'New message', body: '{author} at {time}' },
];

const TWO_RESTAURANTS = [
  { id: 'default', name: 'Bistro Centrum' },
  { id: 'bistro-mokotow', name: 'Bistro Mokotów' },
];

/** Two restaurants configured, the seed's alerts in the first, and two alerts of the second. */
async function seedTwo(app: AppUnderTest): Promise<void> {
  const two = parseSettings({ restaurants: TWO_RESTAURANTS });
  if (!two.ok) throw new Error(two.problems.join('; '));
  await app.core.applySettings(two.settings);
  await seed(app);
  const mokotow: AlertInput[] = [
    { id: 'v1', restaurant: 'bistro-mokotow', source: 'vonage', kind: 'support_request', title: 'Table 2 asks for a waiter', body: 'Garden room.', link: 'https://meet.vonage.com/room/2', receivedAt: t0 + 90_000 },
    { id: 'p9', restaurant: 'bistro-mokotow', source: 'privmx', kind: 'threadNewMessage', title: 'Delivery at the back door', body: 'Vegetables, 12 crates.', receivedAt: t0 + 150_000 },
  ];
  for (const a of mokotow) await app.core.pipeline.ingest(a);
}

const titles = (page: Page): Promise<string[]> => page.locator('#history-list .entry-title').allTextContents();
const unreadText = (page: Page): Promise<string | null> => page.locator('#unread-count').textContent();

describe('history window in Chromium, on the real core', () => {
  it('lists newest first, shows a hostile body as text, joins only allowed links, and counts unread like the tray', async () => {
    const app = await startApp();
    await seed(app);
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#history-list li.entry').count()).toBe(3);
    expect(await page.locator('#history-list .entry-title').allTextContents()).toEqual(['Video call from the terrace', 'Table 7 asks for a waiter', 'Kitchen: order 112 ready']);
    // The refused link stays readable as text under the body (host and path).
    expect(await page.locator('#history-list .body').nth(1).textContent()).toBe(`${XSS}\nMeeting link (not allowed, not opened): evil.example.com/join`);
    expect(await page.locator('#history-list img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#history-list li.entry').nth(1).getByRole('button', { name: 'Join Meeting' }).count()).toBe(0);
    expect(await page.locator('#history-list li.entry').nth(1).locator('.reason').textContent()).toBe('link not on the allow-list');
    expect(await unreadText(page)).toBe(`${app.core.history.unreadCount()} unread`);
    // One restaurant: no filter and no restaurant on the entries, as before settings v2.
    expect(await page.locator('#restaurant-filter-box').isVisible()).toBe(false);
    expect(await page.locator('#history-list .tag-restaurant').count()).toBe(0);

    await page.locator('#history-list li.entry').first().getByRole('button', { name: 'Join Meeting' }).click();
    await expect.poll(() => app.opened).toEqual(['https://meet.vonage.com/room/12']);
    await expect.poll(() => unreadText(page)).toBe('1 unread');
    expect(app.core.history.unreadCount()).toBe(1);

    await page.getByRole('button', { name: 'Mark unread: Kitchen: order 112 ready' }).click();
    await expect.poll(() => unreadText(page)).toBe('2 unread');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => unreadText(page)).toBe('All read');
    expect(app.core.history.unreadCount()).toBe(0);

    // A new alert arriving while the window is open appears at the top.
    await app.core.pipeline.ingest({ id: 'v3', source: 'vonage', kind: 'support_request', title: 'Table 3 needs the bill', body: '', receivedAt: t0 + 180_000 });
    await expect.poll(() => page.locator('#history-list .entry-title').first().textContent()).toBe('Table 3 needs the bill');
    await expect.poll(() => unreadText(page)).toBe('1 unread');

    await page.getByRole('button', { name: 'Clear history' }).click();
    expect(app.core.history.size).toBe(4);
    await page.getByRole('button', { name: 'Press again to clear all' }).click();
    await expect.poll(() => page.locator('#history-list li.entry').count()).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(app.core.history.size).toBe(0);
    await app.stop();
  });

  it('two restaurants: each entry names its restaurant, the filter shows one, read and join act on the right restaurant', async () => {
    const app = await startApp();
    await seedTwo(app);
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#history-list li.entry').count()).toBe(5);
    // Newest first by the time each was received (Table 2 arrived after the terrace call but was sent before it).
    expect(await titles(page)).toEqual(['Delivery at the back door', 'Video call from the terrace', 'Table 2 asks for a waiter', 'Table 7 asks for a waiter', 'Kitchen: order 112 ready']);
    expect(await page.locator('#history-list .tag-restaurant').allTextContents()).toEqual(['Bistro Mokotów', 'Bistro Centrum', 'Bistro Mokotów', 'Bistro Centrum', 'Bistro Centrum']);
    const filter = page.getByLabel('Restaurant', { exact: true });
    expect(await filter.locator('option').allTextContents()).toEqual(['All restaurants', 'Bistro Centrum', 'Bistro Mokotów']);

    await filter.selectOption({ label: 'Bistro Mokotów' });
    await expect.poll(() => titles(page)).toEqual(['Delivery at the back door', 'Table 2 asks for a waiter']);
    expect(await unreadText(page)).toBe('4 unread');
    // The same source id in two restaurants: the second restaurant's entry is the one marked and joined.
    await page.getByRole('button', { name: 'Mark read: Table 2 asks for a waiter' }).click();
    await expect.poll(() => app.core.history.find({ restaurant: 'bistro-mokotow', source: 'vonage', id: 'v1' })?.read).toBe(true);
    expect(app.core.history.find({ restaurant: 'default', source: 'vonage', id: 'v1' })?.read).toBe(false);
    await page.locator('#history-list li.entry').nth(1).getByRole('button', { name: 'Join Meeting' }).click();
    await expect.poll(() => app.opened).toEqual(['https://meet.vonage.com/room/2']);

    // "Mark all read" under a filter marks that restaurant's entries only; the filter survives new alerts.
    await page.getByRole('button', { name: 'Mark all read in Bistro Mokotów' }).click();
    await expect.poll(() => unreadText(page)).toBe('2 unread');
    expect(app.core.history.find({ restaurant: 'bistro-mokotow', source: 'privmx', id: 'p9' })?.read).toBe(true);
    expect(app.core.history.find({ restaurant: 'default', source: 'vonage', id: 'v2' })?.read).toBe(false);
    await app.core.pipeline.ingest({ id: 'v4', source: 'vonage', kind: 'support_request', title: 'Table 9 needs the bill', body: '', receivedAt: t0 + 200_000 });
    await expect.poll(() => unreadText(page)).toBe('3 unread');
    expect(await titles(page)).toEqual(['Delivery at the back door', 'Table 2 asks for a waiter']);
    expect(await filter.inputValue()).toBe('bistro-mokotow');

    await filter.selectOption({ label: 'All restaurants' });
    await expect.poll(() => page.locator('#history-list li.entry').count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Mark all read', exact: true }).count()).toBe(1);
    await app.stop();
  });

  it('a restaurant removed from the settings keeps its entries, named by id in the filter', async () => {
    const app = await startApp();
    await seedTwo(app);
    const one = parseSettings({ restaurants: [TWO_RESTAURANTS[0]] });
    if (!one.ok) throw new Error(one.problems.join('; '));
    await app.core.applySettings(one.settings);
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#history-list li.entry').count()).toBe(5);
    const filter = page.getByLabel('Restaurant', { exact: true });
    expect(await filter.locator('option').allTextContents()).toEqual(['All restaurants', 'Bistro Centrum', 'bistro-mokotow (removed)']);
    await filter.selectOption('bistro-mokotow');
    await expect.poll(() => page.locator('#history-list .tag-restaurant').allTextContents()).toEqual(['bistro-mokotow', 'bistro-mokotow']);
    // A removed restaurant's links are no longer allowed: no Join button.
    expect(await page.getByRole('button', { name: 'Join Meeting' }).count()).toBe(0);
    await app.stop();
  });

  it('keyboard only: Tab to an entry, mark it read with Enter, focus stays on it', async () => {
    const app = await startApp();
    await seed(app);
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#history-list li.entry').count()).toBe(3);
    await page.locator('body').focus();
    const target = '[data-focus-key="read:default/vonage/v1"]';
    await tabTo(page, target);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(target).textContent()).toBe('Mark unread');
    expect(await page.evaluate((s) => document.activeElement === document.querySelector(s), target)).toBe(true);
    expect(app.core.history.find({ restaurant: 'default', source: 'vonage', id: 'v1' })?.read).toBe(true);
    await app.stop();
  });

  // History's screenshots are taken in historyFilters.test.ts, with a whole service's alerts.
  it('screenshots of the settings window, light and dark', async () => {
    for (const dark of [false, true]) {
      const app = await startApp();
      await seedTwo(app);
      const scheme = dark ? 'dark' : 'light';
      const shown = parseSettings({
        version: 2,
        restaurants: [
          { ...TWO_RESTAURANTS[0], vonage: { enabled: true, backendUrl: 'https://backend.restaurant.example', username: 'front-desk' } },
          { ...TWO_RESTAURANTS[1], muted: true, privmx: { enabled: true, rules: SHOT_RULES } },
        ],
      });
      if (!shown.ok) throw new Error(shown.problems.join('; '));
      await app.core.applySettings(shown.settings);
      const settings = await openPage(browser, app, 'settings', { dark });
      await expect.poll(() => settings.locator('#vonage-username').inputValue()).toBe('front-desk');
      await section(settings, 'Restaurants and connections');
      await settings.getByRole('button', { name: /^Edit Bistro Mokotów/ }).click();
      await section(settings, 'Rules');
      // An unknown placeholder shows where the schema's message lands, and which restaurant it names.
      await settings.getByRole('group', { name: 'Rule 2' }).getByLabel('Body').fill('{author} at {time} in {storeId}');
      await settings.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => settings.locator('#problems').isVisible()).toBe(true);
      await settings.screenshot({ path: path.join(SHOTS, `settings-${scheme}.png`), fullPage: true });
      await settings.close();
      await app.stop();
    }
  });
});
