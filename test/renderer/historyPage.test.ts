import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, startApp, startBrowser, tabTo, tempDir, type AppUnderTest, type Browser } from './harness.js';

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

const unreadText = (page: Page): Promise<string | null> => page.locator('#unread-count').textContent();

describe('history window in Chromium, on the real core', () => {
  it('lists newest first, shows a hostile body as text, joins only allowed links, and counts unread like the tray', async () => {
    const app = await startApp();
    await seed(app);
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#history-list > li').count()).toBe(3);
    expect(await page.locator('#history-list h2').allTextContents()).toEqual(['Video call from the terrace', 'Table 7 asks for a waiter', 'Kitchen: order 112 ready']);
    expect(await page.locator('#history-list .body').nth(1).textContent()).toBe(XSS);
    expect(await page.locator('#history-list img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#history-list > li').nth(1).getByRole('button', { name: 'Join Meeting' }).count()).toBe(0);
    expect(await page.locator('#history-list > li').nth(1).locator('.reason').textContent()).toBe('link not on the allow-list');
    expect(await unreadText(page)).toBe(`${app.core.history.unreadCount()} unread`);

    await page.locator('#history-list > li').first().getByRole('button', { name: 'Join Meeting' }).click();
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
    await expect.poll(() => page.locator('#history-list h2').first().textContent()).toBe('Table 3 needs the bill');
    await expect.poll(() => unreadText(page)).toBe('1 unread');

    await page.getByRole('button', { name: 'Clear history' }).click();
    expect(app.core.history.size).toBe(4);
    await page.getByRole('button', { name: 'Press again to clear all' }).click();
    await expect.poll(() => page.locator('#history-list > li').count()).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(app.core.history.size).toBe(0);
    await app.stop();
  });

  it('keyboard only: Tab to an entry, mark it read with Enter, focus stays on it', async () => {
    const app = await startApp();
    await seed(app);
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#history-list > li').count()).toBe(3);
    await page.locator('body').focus();
    const target = '[data-focus-key="read:vonage/v1"]';
    await tabTo(page, target);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(target).textContent()).toBe('Mark unread');
    expect(await page.evaluate((s) => document.activeElement === document.querySelector(s), target)).toBe(true);
    expect(app.core.history.find({ restaurant: 'default', source: 'vonage', id: 'v1' })?.read).toBe(true);
    await app.stop();
  });

  it('screenshots of both windows, light and dark', async () => {
    for (const dark of [false, true]) {
      const app = await startApp();
      await seed(app);
      const scheme = dark ? 'dark' : 'light';
      const history = await openPage(browser, app, 'history', { dark });
      await expect.poll(() => history.locator('#history-list > li').count()).toBe(3);
      await history.screenshot({ path: path.join(SHOTS, `history-${scheme}.png`) });
      const withRules = parseSettings({ privmx: { enabled: true, rules: SHOT_RULES } });
      if (withRules.ok) await app.core.applySettings(withRules.settings);
      const settings = await openPage(browser, app, 'settings', { dark });
      await expect.poll(() => settings.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
      await settings.getByLabel('Receive Vonage support requests').check();
      await settings.getByLabel('Backend URL').fill('https://backend.restaurant.example');
      await settings.getByLabel('User name').fill('front-desk');
      // An unknown placeholder shows where the schema's message lands.
      await settings.getByRole('group', { name: 'Rule 2' }).getByLabel('Body').fill('{author} at {time} in {storeId}');
      await settings.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => settings.locator('#problems').isVisible()).toBe(true);
      await settings.screenshot({ path: path.join(SHOTS, `settings-${scheme}.png`), fullPage: true });
      await history.close();
      await settings.close();
      await app.stop();
    }
  });
});
