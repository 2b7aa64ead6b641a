// The History window as a waiter uses it during service: compact rows, search, filters, day groups, the test
// notification, Dismiss, and the filter a summary notification's click hands over. Real Chromium, real core.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, pushHistoryFilter, startApp, startBrowser, tabTo, tempDir, type AppUnderTest, type Browser, type PageOptions } from './harness.js';
import { NOW, SERVICE, seedService } from './historyService.js';

const SHOTS = process.env.SERVICEBELL_UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : tempDir('sb-shots-');
const LAPTOP = { width: 1366, height: 768 };
/** The History window's size (main/electron/windows.ts). */
const WINDOW = { width: 900, height: 700 };

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const titles = (page: Page): Promise<string[]> => page.locator('#history-list .entry-title').allTextContents();
const rows = (page: Page) => page.locator('#history-list li.entry');
const headings = (page: Page): Promise<string[]> => page.locator('#history-list .day-heading').allTextContents();
const titlesOf = (ids: readonly string[]): string[] => SERVICE.filter((a) => ids.includes(a.id)).map((a) => a.title);

async function service(options: PageOptions = {}, expectRows = SERVICE.length): Promise<{ app: AppUnderTest; page: Page }> {
  const app = await startApp();
  await seedService(app);
  const page = await openPage(browser, app, 'history', { now: NOW, ...options });
  await expect.poll(() => rows(page).count()).toBe(expectRows);
  return { app, page };
}

/** Rows whose whole box is inside the viewport, without scrolling. */
const rowsInView = (page: Page): Promise<number> =>
  page.evaluate(() => [...document.querySelectorAll('#history-list li.entry')].filter((r) => {
    const box = r.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  }).length);

describe('History window: rows, search, filters, days', () => {
  it('shows at least 12 whole rows on a 1366×768 laptop screen (and in the window at its own size)', async () => {
    const { app, page } = await service({ viewport: LAPTOP });
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(12);
    await page.setViewportSize(WINDOW);
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(12);
    await app.stop();
  });

  it('groups by local day, newest first: Today, Yesterday, then the date', async () => {
    const { app, page } = await service();
    expect(await headings(page)).toEqual(['Today', 'Yesterday', 'Monday, 12 May 2025']);
    expect(await titles(page)).toEqual(SERVICE.map((a) => a.title));
    expect(await page.locator('#history-list section').nth(1).locator('.entry-title').allTextContents()).toEqual(titlesOf(['s5', 'm7', 'm8']));
    expect(await rows(page).first().locator('time').textContent()).toBe('19:24');
    await app.stop();
  });

  it('days and times are the computer’s local ones: in New York, 01:00 UTC on the 17th is still today, the 16th', async () => {
    const newYork = await startBrowser({ timezoneId: 'America/New_York' });
    const app = await startApp();
    await seedService(app);
    // 22:00 on Friday 16 May in New York (UTC−4).
    const page = await openPage(newYork, app, 'history', { now: Date.UTC(2025, 4, 17, 2, 0) });
    await app.core.pipeline.ingest({ id: 'late', source: 'vonage', kind: 'support_request', title: 'Late call', body: '', receivedAt: Date.UTC(2025, 4, 17, 1, 0) });
    // 03:00 UTC on the 16th is 23:00 on the 15th there: yesterday.
    await app.core.pipeline.ingest({ id: 'night', source: 'vonage', kind: 'support_request', title: 'Night call', body: '', receivedAt: Date.UTC(2025, 4, 16, 3, 0) });
    await expect.poll(() => rows(page).count()).toBe(SERVICE.length + 2);
    expect(await rows(page).first().locator('time').textContent()).toBe('21:00');
    // Today's evening (19:24 UTC = 15:24 there) joins the late call; what was 15 May 20:15 UTC is still yesterday.
    expect(await headings(page)).toEqual(['Today', 'Yesterday', 'Monday, 12 May 2025']);
    expect(await page.locator('#history-list section').first().locator('.entry-title').first().textContent()).toBe('Late call');
    expect(await page.locator('#history-list section').nth(1).locator('.entry-title').first().textContent()).toBe('Night call');
    expect(await page.locator('#history-list section').nth(1).locator('time').first().textContent()).toBe('23:00');
    await app.stop();
    await newYork.close();
  });

  it('an open window moves its headings on at local midnight: Today becomes Yesterday', async () => {
    const app = await startApp();
    await app.core.pipeline.ingest({ id: 'eve', source: 'privmx', kind: 'threadNewMessage', title: 'Last order', body: '', receivedAt: Date.UTC(2025, 4, 16, 23, 40) });
    const page = await openPage(browser, app, 'history', { fakeClockFrom: Date.UTC(2025, 4, 16, 23, 58) });
    await expect.poll(() => headings(page)).toEqual(['Today']);
    await page.clock.fastForward('03:00');
    await expect.poll(() => headings(page)).toEqual(['Yesterday']);
    await app.stop();
  });

  it('keyboard only: Ctrl+F to the search, Tab through Kind and Unread only, then into the rows', async () => {
    const { app, page } = await service();
    await page.locator('body').focus();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-search');
    await page.keyboard.type('kitchen');
    await expect.poll(() => titles(page)).toEqual(titlesOf(['m1', 'm3', 'm5', 'm6', 'm8']));
    await tabTo(page, '#kind-filter');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#kind-filter').inputValue()).toBe('support_request');
    await expect.poll(() => titles(page)).toEqual([]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => titles(page)).toHaveLength(5);
    await tabTo(page, '#unread-filter');
    await page.keyboard.press('Space');
    await expect.poll(() => titles(page)).toEqual(titlesOf(['m1', 'm3']));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe('read:default/privmx/m1');
    // A row with keyboard focus shows all of its text, one line under the other.
    const detail = page.locator('[data-row-key="default/privmx/m1"] .detail');
    expect(await detail.evaluate((p) => getComputedStyle(p).whiteSpace)).toBe('pre-wrap');
    await page.keyboard.press('Shift+Tab');
    expect(await detail.evaluate((p) => getComputedStyle(p).whiteSpace)).toBe('nowrap');
    await app.stop();
  });

  it('searches title, body and restaurant name, ignoring case and accents; Escape clears', async () => {
    const { app, page } = await service();
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('TERRACE');
    await expect.poll(() => titles(page)).toEqual([]);
    expect(await page.locator('#empty').textContent()).toMatch(/^No alerts match/);
    await search.fill('table 12');
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1']));
    await search.fill('allergy');
    await expect.poll(() => titles(page)).toEqual(titlesOf(['m3']));
    await search.fill('mokotow');
    await expect.poll(() => titles(page)).toEqual(titlesOf(SERVICE.filter((a) => a.restaurant === 'bistro-mokotow').map((a) => a.id)));
    expect(await page.locator('#shown-count').textContent()).toBe(`5 of ${SERVICE.length} alerts`);
    // One phrase, as typed (extra spaces do not matter), not words found apart.
    await search.fill('ORDER  11');
    await expect.poll(() => titles(page)).toEqual(titlesOf(['m1', 'm3', 'm6']));
    await search.fill('kitchen 118');
    await expect.poll(() => titles(page)).toEqual([]);
    await search.press('Escape');
    await expect.poll(() => rows(page).count()).toBe(SERVICE.length);
    expect(await page.locator('#shown-count').textContent()).toBe(`${SERVICE.length} alerts`);
    await app.stop();
  });

  it('filters by kind and unread, and combines them with restaurant and search; "Mark shown read" marks only those', async () => {
    const { app, page } = await service();
    const kind = page.getByLabel('Kind', { exact: true });
    expect(await kind.locator('option').allTextContents()).toEqual(['All kinds', 'Support request', 'File', 'Message', 'Test notification']);
    await kind.selectOption({ label: 'Support request' });
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1', 's2', 's3', 's4', 's5']));
    await page.getByLabel('Unread only').check();
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1', 's2', 's3']));
    await page.getByLabel('Restaurant', { exact: true }).selectOption({ label: 'Bistro Centrum' });
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1', 's3']));
    await page.getByRole('searchbox', { name: 'Search' }).fill('anna');
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s3']));
    await page.getByRole('button', { name: 'Mark shown read' }).click();
    await expect.poll(() => titles(page)).toEqual([]);
    expect(app.core.history.find({ restaurant: 'default', source: 'vonage', id: 's3' })?.read).toBe(true);
    expect(app.core.history.find({ restaurant: 'default', source: 'vonage', id: 's1' })?.read).toBe(false);
    // Unread only, alone: every unread alert, whatever its kind.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await kind.selectOption({ label: 'All kinds' });
    await page.getByLabel('Restaurant', { exact: true }).selectOption({ label: 'All restaurants' });
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1', 's2', 'm1', 'm2', 'm3', 'f1']));
    expect(await page.locator('#history-list .badge').count()).toBe(6);
    await app.stop();
  });

  it('a full history (1000 alerts) stays quick to search: rows are built once per load, typing only regroups them', async () => {
    const app = await startApp();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => app.core.history.add({
      alert: { id: `m${i}`, restaurant: 'default', source: 'privmx', kind: 'threadNewMessage', title: `Kitchen: order ${i} ready`, body: 'Two ramen, one gyoza.', receivedAt: NOW - i * 600_000, meta: {} },
      shown: true,
      read: i > 20,
    })));
    const page = await openPage(browser, app, 'history', { now: NOW });
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(1000);
    const perKey = await page.evaluate(async () => {
      const input = document.getElementById('history-search') as HTMLInputElement;
      const start = performance.now();
      for (const text of ['k', 'ki', 'kit', 'kitc', 'kitch', 'order 99']) {
        input.value = text;
        input.dispatchEvent(new Event('input'));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return (performance.now() - start) / 6;
    });
    // Newest first: order 99 came 99 × 10 minutes before now, 990–999 long before.
    expect(await titles(page)).toEqual(['Kitchen: order 99 ready', ...Array.from({ length: 10 }, (_, i) => `Kitchen: order ${990 + i} ready`)]);
    // About 40 ms on the build machine; generous for a loaded one.
    expect(perKey).toBeLessThan(250);
    await app.stop();
  });

  it('the test notification is stored read: in History, but not counted unread anywhere', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'history');
    await expect.poll(() => page.locator('#unread-count').textContent()).toBe('All read');
    expect(await page.evaluate(() => window.servicebell.sendTestNotification())).toEqual({ shown: true });
    await expect.poll(() => titles(page)).toEqual(['Servicebell test notification']);
    expect(await page.locator('#unread-count').textContent()).toBe('All read');
    expect(await rows(page).first().locator('.kind').textContent()).toBe('Test notification');
    expect(await rows(page).first().locator('.kind').getAttribute('title')).toBe('Servicebell');
    expect(await rows(page).first().locator('.badge').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Mark unread: Servicebell test notification/ }).count()).toBe(1);
    expect(app.core.history.unreadCount()).toBe(0);
    await page.getByLabel('Unread only').check();
    await expect.poll(() => rows(page).count()).toBe(0);
    await app.stop();
  });

  it('Dismiss on a waiting support request: handled and read in the core, keyboard focus stays on the row', async () => {
    const { app, page } = await service();
    // Only support requests nobody joined or dismissed have it.
    expect(await page.getByRole('button', { name: /^Dismiss: / }).count()).toBe(3);
    expect(await page.locator('#history-list .handled').count()).toBe(2);
    await page.locator('body').focus();
    await tabTo(page, '[data-focus-key="dismiss:bistro-mokotow/vonage/s2"]', 120);
    await page.keyboard.press('Enter');
    await expect.poll(() => app.core.history.find({ restaurant: 'bistro-mokotow', source: 'vonage', id: 's2' })?.handled).toBe('dismissed');
    expect(app.core.history.find({ restaurant: 'bistro-mokotow', source: 'vonage', id: 's2' })?.read).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /^Dismiss: / }).count()).toBe(2);
    const row = page.locator('[data-row-key="bistro-mokotow/vonage/s2"]');
    expect(await row.locator('.handled').textContent()).toBe('Handled');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-row-key]')?.getAttribute('data-row-key'))).toBe('bistro-mokotow/vonage/s2');
    await app.stop();
  });
});

describe('History window: the filter a summary notification hands over', () => {
  const bar = (page: Page) => page.locator('#handoff-bar');
  const keys = [
    { restaurant: 'default', source: 'vonage', id: 's1' },
    { restaurant: 'bistro-mokotow', source: 'vonage', id: 's2' },
    { restaurant: 'default', source: 'privmx', id: 'm1' },
  ];

  it('opened with a summary’s alerts: only those, a "Showing" bar; search refines them; "Show all" clears everything', async () => {
    const { app, page } = await service({ historyFilter: { keys, label: '2 support requests, 1 message' } }, 3);
    expect(await titles(page)).toEqual(titlesOf(['s1', 's2', 'm1']));
    expect(await bar(page).isVisible()).toBe(true);
    expect(await bar(page).textContent()).toContain('Showing: 2 support requests, 1 message');
    expect(await page.locator('#shown-count').textContent()).toBe(`3 of ${SERVICE.length} alerts`);
    // The controls narrow within the handoff: one filter model.
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Support request' });
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1', 's2']));
    expect(await bar(page).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => rows(page).count()).toBe(SERVICE.length);
    expect(await bar(page).isVisible()).toBe(false);
    expect(await page.getByLabel('Kind', { exact: true }).inputValue()).toBe('');
    // Focus lands in the search box, not on a button that disappeared.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-search');
    // Taken once: a reload shows everything.
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(SERVICE.length);
    expect(await bar(page).isVisible()).toBe(false);
    await app.stop();
  });

  it('a filter pushed to an open window replaces what it showed, and sets the controls', async () => {
    const { app, page } = await service();
    await page.getByRole('searchbox', { name: 'Search' }).fill('kitchen');
    await expect.poll(() => rows(page).count()).toBe(5);
    await pushHistoryFilter(page, { restaurant: 'bistro-mokotow', kind: 'support_request', unread: true, label: 'Bistro Mokotów: 1 more support request' });
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s2']));
    expect(await bar(page).textContent()).toContain('Showing: Bistro Mokotów: 1 more support request');
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
    expect(await page.getByLabel('Restaurant', { exact: true }).inputValue()).toBe('bistro-mokotow');
    expect(await page.getByLabel('Kind', { exact: true }).inputValue()).toBe('support_request');
    expect(await page.getByLabel('Unread only').isChecked()).toBe(true);
    // A handoff with keys only, no label, still says what it shows.
    await pushHistoryFilter(page, { keys: keys.slice(0, 2) });
    await expect.poll(() => titles(page)).toEqual(titlesOf(['s1', 's2']));
    expect(await bar(page).textContent()).toContain('Showing: 2 alerts');
    expect(await page.getByLabel('Unread only').isChecked()).toBe(false);
    await app.stop();
  });
});

describe('History window: screenshots', () => {
  it('light and dark, at the window’s size, during an evening service', async () => {
    for (const dark of [false, true]) {
      const { app, page } = await service({ dark, viewport: WINDOW });
      await page.screenshot({ path: path.join(SHOTS, `history-${dark ? 'dark' : 'light'}.png`) });
      await page.close();
      await app.stop();
    }
  });
});
