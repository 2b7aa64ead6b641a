// The settings window's sections (issue 15) in real Chromium on the real core: the keyboard path to Save, the tab
// list, "Unsaved changes", problems in plain words with the technical text in the tooltip, the connection check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, section, startApp, startBrowser, tempDir, type AppUnderTest, type Browser } from './harness.js';

const SHOTS = process.env.SERVICEBELL_UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : tempDir('sb-shots-');
let browser: Browser;
const loaded = (page: Page): Promise<void> => expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
const focusedId = (page: Page): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);
const unsavedShown = (page: Page): Promise<boolean> => page.locator('#unsaved').isVisible();
const markedTabs = (page: Page): Promise<string[]> => page.locator('[role="tab"].unsaved').evaluateAll((tabs) => tabs.map((t) => t.id));
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withTwoRestaurants(app: AppUnderTest): Promise<void> {
  const parsed = parseSettings({
    version: 2,
    restaurants: [
      { id: 'default', name: 'Trattoria Centrum', vonage: { enabled: true, backendUrl: 'https://backend.trattoria.example', username: 'front-desk' } },
      { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { enabled: true, bridgeUrl: 'https://bridge.bistro.example', apiKeyId: 'key-1', rules: [{ match: { channel: 'thread' }, title: 'Order', actions: ['desktop'] }] } },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.store.save(parsed.settings);
  await app.core.applySettings(parsed.settings);
}

describe('settings window sections', () => {
  it('from page load, Save is one Tab press away and the sections one more; arrows switch sections', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    let presses = 0;
    while ((await focusedId(page)) !== 'save') {
      await page.keyboard.press('Tab');
      if (++presses > 5) throw new Error('Save not reached in 5 Tab presses');
    }
    expect(presses).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('tab-notifications');
    const tablist = page.getByRole('tablist', { name: 'Settings sections' });
    expect(await tablist.getByRole('tab').allTextContents()).toEqual(['Notifications', 'Restaurants and connections', 'Rules', 'Advanced']);
    expect(await page.getByRole('tabpanel').count()).toBe(1);
    expect(await page.getByLabel('Launch Servicebell at login').isVisible()).toBe(true);

    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe('tab-restaurants');
    expect(await page.locator('#tab-restaurants').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#tab-notifications').getAttribute('tabindex')).toBe('-1');
    expect(await page.getByRole('tabpanel', { name: 'Restaurants and connections' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Backend URL').isVisible()).toBe(true);
    expect(await page.getByLabel('Launch Servicebell at login').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect(await focusedId(page)).toBe('tab-advanced');
    expect(await page.getByLabel('Vonage socket URL').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe('tab-notifications');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedId(page)).toBe('tab-rules');
    expect(await page.getByRole('button', { name: 'Add rule' }).isVisible()).toBe(true);

    // One Tab leaves the tab list for the panel; Shift+Tab twice is back on Save, which stays on screen when scrolled.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('panel-rules');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('save');
    await section(page, 'Restaurants and connections');
    await page.getByRole('button', { name: 'Check connections' }).scrollIntoViewIfNeeded();
    const box = await page.locator('#save').boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
    await app.stop();
  });

  it('flags unsaved changes next to Save and on the section holding them; switching restaurants is no change; a save clears them', async () => {
    const app = await startApp();
    await withTwoRestaurants(app);
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria Centrum');
    expect(await unsavedShown(page)).toBe(false);
    await section(page, 'Restaurants and connections');
    await page.getByRole('button', { name: /^Edit Bistro Mokotów/ }).click();
    await page.getByRole('button', { name: /^Edit Trattoria Centrum/ }).click();
    await section(page, 'Rules');
    await page.getByRole('tabpanel').getByLabel('Restaurant', { exact: true }).selectOption('Bistro Mokotów');
    await section(page, 'Advanced');
    expect(await unsavedShown(page)).toBe(false);
    expect(await markedTabs(page)).toEqual([]);

    await section(page, 'Notifications');
    await page.getByLabel('Launch Servicebell at login').check();
    await expect.poll(() => unsavedShown(page)).toBe(true);
    expect(await page.locator('#unsaved').textContent()).toBe('Unsaved changes');
    expect(await markedTabs(page)).toEqual(['tab-notifications']);
    expect(await page.getByRole('tab', { name: 'Notifications', exact: true }).getAttribute('aria-describedby')).toBe('tab-unsaved-note');
    expect(await page.locator('#tab-unsaved-note').textContent()).toBe('Has unsaved changes');
    await page.getByLabel('Launch Servicebell at login').uncheck();
    await expect.poll(() => unsavedShown(page)).toBe(false);

    await section(page, 'Rules');
    expect(await page.locator('#privmx-rules-for').textContent()).toBe('For Bistro Mokotów');
    expect(await page.locator('#rules-privmx-off').isVisible()).toBe(false);
    await page.getByRole('tabpanel').getByLabel('Restaurant', { exact: true }).selectOption('Trattoria Centrum');
    expect(await page.getByText(/^PrivMX is off for this restaurant/).isVisible()).toBe(true);
    await page.getByRole('tabpanel').getByLabel('Restaurant', { exact: true }).selectOption('Bistro Mokotów');
    await page.getByRole('group', { name: 'Rule 1', exact: true }).getByLabel('Title').fill('Order for the kitchen');
    await section(page, 'Advanced');
    expect(await page.locator('#endpoints-legend').textContent()).toBe('Endpoints of Bistro Mokotów');
    await page.getByLabel('SMSAPI URL (optional)').fill('https://api.smsapi.example');
    await expect.poll(() => markedTabs(page)).toEqual(['tab-rules', 'tab-advanced']);
    expect(await unsavedShown(page)).toBe(true);

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    expect(await unsavedShown(page)).toBe(false);
    expect(await markedTabs(page)).toEqual([]);
    expect(app.core.settings.restaurants[1]?.privmx.rules[0]?.title).toBe('Order for the kitchen');
    expect(app.core.settings.restaurants[1]?.sms.apiUrl).toBe('https://api.smsapi.example');

    await section(page, 'Restaurants and connections');
    await page.getByRole('button', { name: 'Add restaurant' }).click();
    await expect.poll(() => markedTabs(page)).toEqual(['tab-restaurants']);
    await app.stop();
  });

  it('a problem in plain words at its field, on the section that holds it, with the technical line as its tooltip', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await section(page, 'Restaurants and connections');
    await page.getByLabel('Backend URL').fill('http://backend.restaurant.example');
    await section(page, 'Advanced');
    await page.getByLabel('Update feed URL (optional)').fill('http://updates.example.com/');
    await section(page, 'Notifications');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#problems').isVisible()).toBe(true);
    // The first problem's section is shown and its field has focus.
    expect(await page.locator('#tab-restaurants').getAttribute('aria-selected')).toBe('true');
    expect(await focusedId(page)).toBe('vonage-backendUrl');
    const error = page.locator('#vonage-backendUrl-error .problem');
    expect(await error.textContent()).toBe('The Vonage backend address must start with https:// (http:// only for an address on this computer)');
    expect(await error.getAttribute('title')).toMatch(/^restaurants\[0\] \("Restaurant"\)\.vonage\.backendUrl: must be an https URL/);
    expect(await page.locator('#problems li').allTextContents()).toEqual([
      'Restaurant: The Vonage backend address must start with https:// (http:// only for an address on this computer)',
      'The update feed address must start with https://',
    ]);
    expect(await page.locator('#problems li').nth(1).getAttribute('title')).toBe('updates.feedUrl: must be an https URL');
    expect(await page.locator('#updates-feedUrl').getAttribute('aria-invalid')).toBe('true');
    expect(await unsavedShown(page)).toBe(true);
    expect(() => readFileSync(path.join(app.dataDir, 'config.json'))).toThrow();
    await app.stop();
  });

  it('Check connections runs in the window and says per restaurant what is wrong and what to do', async () => {
    const app = await startApp();
    await withTwoRestaurants(app);
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria Centrum');
    await section(page, 'Restaurants and connections');
    await page.getByRole('button', { name: 'Check connections' }).click();
    await expect.poll(() => page.locator('#check-status').textContent()).toBe('2 checks failed: what to do is under each.');
    const results = page.getByRole('region', { name: 'Connection check results' });
    expect(await results.locator('h3').allTextContents()).toEqual(['All restaurants', 'Trattoria Centrum', 'Bistro Mokotów']);
    const trattoria = results.getByRole('region', { name: 'Trattoria Centrum' });
    const token = trattoria.locator('.check-line.problem');
    expect(await token.locator('.check-what').textContent()).toBe('Problem: Vonage — The Vonage backend token is not set.');
    expect(await token.locator('.check-todo').textContent()).toBe('What to do: Type it in Restaurants and connections › Vonage › Backend token, then Save.');
    expect(await token.getAttribute('title')).toBe('[default] secret vonage.backendToken: missing: set it with `servicebell credentials set vonage.backendToken --restaurant default`');
    const bistro = results.getByRole('region', { name: 'Bistro Mokotów' });
    expect(await bistro.locator('.check-line.problem .check-todo').textContent()).toBe('What to do: Type it in Restaurants and connections › PrivMX Bridge › API key secret, then Save.');
    // Nothing visible asks anyone to type a command.
    const visible = await results.evaluate((node) => (node as HTMLElement).innerText);
    expect(visible).not.toContain('servicebell credentials');
    expect(await results.locator('.check-line').first().locator('.check-what').textContent()).toBe('OK: Settings — The settings are valid.');

    // "Go to API key secret" takes the person there: that restaurant, its section, the field.
    await bistro.getByRole('button', { name: 'Go to API key secret' }).click();
    expect(await focusedId(page)).toBe('privmx-apiKeySecret');
    expect(await page.locator('#restaurant-heading').textContent()).toBe('Bistro Mokotów');
    expect(await page.locator('#tab-restaurants').getAttribute('aria-selected')).toBe('true');
    await section(page, 'Advanced');
    await section(page, 'Restaurants and connections');
    await trattoria.getByRole('button', { name: 'Go to Backend token' }).click();
    expect(await focusedId(page)).toBe('vonage-backendToken');
    expect(await page.locator('#restaurant-heading').textContent()).toBe('Trattoria Centrum');

    await page.getByLabel('User name').fill('someone-else');
    await page.getByRole('button', { name: 'Check connections' }).click();
    await expect.poll(() => page.locator('#check-status').textContent()).toMatch(/These are the saved settings: save your changes, then check again\.$/);
    await app.stop();
  });

  it('screenshots of each section, light and dark', async () => {
    for (const dark of [false, true]) {
      const app = await startApp();
      await withTwoRestaurants(app);
      const scheme = dark ? 'dark' : 'light';
      const page = await openPage(browser, app, 'settings', { dark });
      await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria Centrum');
      await page.getByLabel(/^Quiet hours/).check();
      await page.screenshot({ path: path.join(SHOTS, `settings-notifications-${scheme}.png`) });
      await section(page, 'Restaurants and connections');
      await page.getByLabel('Backend URL').fill('http://backend.trattoria.example');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('#problems').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `settings-restaurants-${scheme}.png`) });
      await page.getByLabel('Backend URL').fill('https://backend.trattoria.example');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
      await page.getByRole('button', { name: 'Check connections' }).click();
      await expect.poll(() => page.locator('#check-results .check-line').count()).toBeGreaterThan(2);
      await page.locator('#check-results').evaluate((node) => node.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: path.join(SHOTS, `settings-check-${scheme}.png`) });
      await section(page, 'Rules');
      await page.getByRole('tabpanel').getByLabel('Restaurant', { exact: true }).selectOption('Bistro Mokotów');
      await page.screenshot({ path: path.join(SHOTS, `settings-rules-${scheme}.png`) });
      await section(page, 'Advanced');
      await page.screenshot({ path: path.join(SHOTS, `settings-advanced-${scheme}.png`) });
      await page.close();
      await app.stop();
    }
  });
});
