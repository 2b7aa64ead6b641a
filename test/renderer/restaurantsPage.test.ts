import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../main/core/secrets/keychain.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, section, startApp, startBrowser, type AppUnderTest, type Browser } from './harness.js';

const TOKEN = 'sb-ui-mokotow-Zq81vB-token';
const ACCOUNTS = ['bistro-mokotow/vonage.backendToken', 'sushi-zoliborz/vonage.backendToken'];
let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const account of ACCOUNTS) await createKeychain().delete(account);
});

interface OnDisk {
  version: number;
  restaurants: Array<{ id: string; name: string; muted: boolean; vonage: { username?: string }; privmx: { rules: Array<{ title: string }> } }>;
}
const onDisk = (app: AppUnderTest): OnDisk => JSON.parse(readFileSync(path.join(app.dataDir, 'config.json'), 'utf8')) as OnDisk;
const listNames = (page: Page): Promise<string[]> => page.locator('#restaurant-list .restaurant-name').allTextContents();
const editing = (page: Page): Promise<string | null> => page.locator('#restaurant-list [aria-current="true"] .restaurant-name').textContent();
const saved = (page: Page): Promise<void> => expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
const rule = (page: Page, n: number) => page.getByRole('group', { name: `Rule ${n}`, exact: true });
const pick = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^Edit ${name}`) }).click();

/** Two restaurants, as a v2 file has them; each with its own PrivMX rule. */
async function withTwo(): Promise<AppUnderTest> {
  const app = await startApp();
  const parsed = parseSettings({
    version: 2,
    restaurants: [
      { id: 'default', name: 'Bistro Centrum', privmx: { enabled: true, rules: [{ match: { channel: 'thread' }, title: 'Centrum message' }] } },
      { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { enabled: true, rules: [{ match: { channel: 'store' }, title: 'Mokotów file' }] } },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.store.save(parsed.settings);
  await app.core.applySettings(parsed.settings);
  return app;
}

describe('restaurants in the settings window, in Chromium on the real core', () => {
  it('add, rename, mute, reorder and remove (with confirmation) are saved to the file in order', async () => {
    const app = await withTwo();
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => listNames(page)).toEqual(['Bistro Centrum', 'Bistro Mokotów']);
    await section(page, 'Restaurants and connections');
    expect(await editing(page)).toBe('Bistro Centrum');
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('default');
    expect(await page.getByLabel('Id', { exact: true }).getAttribute('readonly')).not.toBeNull();

    // Each restaurant has its own connection settings and secrets.
    await pick(page, 'Bistro Mokotów');
    expect(await page.locator('#restaurant-heading').textContent()).toBe('Bistro Mokotów');
    await page.getByLabel('User name').fill('mokotow-desk');
    await page.getByLabel('Backend token').fill(TOKEN);
    await page.getByLabel('Mute this restaurant').check();
    await expect.poll(() => page.locator('#restaurant-list [aria-current="true"]').getAttribute('aria-label')).toBe('Edit Bistro Mokotów, muted');

    // A new restaurant: its id follows its name until it is saved.
    await page.getByRole('button', { name: 'Add restaurant' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('restaurant-name');
    await page.keyboard.type('Sushi Żoliborz');
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('sushi-zoliborz');
    await expect.poll(() => listNames(page)).toEqual(['Bistro Centrum', 'Bistro Mokotów', 'Sushi Żoliborz']);
    expect(await page.getByLabel('User name').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Move Sushi Żoliborz up' }).click();
    await expect.poll(() => listNames(page)).toEqual(['Bistro Centrum', 'Sushi Żoliborz', 'Bistro Mokotów']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Sushi Żoliborz up');
    expect(await editing(page)).toBe('Sushi Żoliborz');

    // Rename the first: the id stays.
    await pick(page, 'Bistro Centrum');
    await page.getByLabel('Name', { exact: true }).fill('Bistro Centrum Nowe');
    await expect.poll(() => listNames(page)).toEqual(['Bistro Centrum Nowe', 'Sushi Żoliborz', 'Bistro Mokotów']);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);

    let file = onDisk(app);
    expect(file.version).toBe(2);
    expect(file.restaurants.map((r) => [r.id, r.name, r.muted])).toEqual([
      ['default', 'Bistro Centrum Nowe', false],
      ['sushi-zoliborz', 'Sushi Żoliborz', false],
      ['bistro-mokotow', 'Bistro Mokotów', true],
    ]);
    expect(file.restaurants[2]?.vonage.username).toBe('mokotow-desk');
    expect(file.restaurants[0]?.vonage.username).toBeUndefined();
    expect(JSON.stringify(file)).not.toContain(TOKEN);
    expect(await createKeychain().get('bistro-mokotow/vonage.backendToken')).toBe(TOKEN);
    expect(await createKeychain().get('vonage.backendToken')).not.toBe(TOKEN);
    expect(app.core.settings.restaurants.map((r) => r.id)).toEqual(['default', 'sushi-zoliborz', 'bistro-mokotow']);

    // Saved: the new restaurant's id is fixed now; its secret can be stored.
    await pick(page, 'Sushi Żoliborz');
    expect(await page.getByLabel('Id', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('Backend token').fill('sb-ui-sushi-token');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    expect(await createKeychain().get('sushi-zoliborz/vonage.backendToken')).toBe('sb-ui-sushi-token');
    expect(await page.locator('#vonage-backendToken-status').textContent()).toBe('Stored in keychain');

    // Remove asks first; "Keep it" keeps it.
    await page.getByRole('button', { name: 'Remove this restaurant…' }).click();
    const confirm = page.getByRole('group', { name: 'Remove Sushi Żoliborz?' });
    expect(await confirm.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await confirm.isVisible()).toBe(false);
    expect(await listNames(page)).toHaveLength(3);
    await page.getByRole('button', { name: 'Remove this restaurant…' }).click();
    await confirm.getByRole('button', { name: 'Remove Sushi Żoliborz' }).click();
    await expect.poll(() => listNames(page)).toEqual(['Bistro Centrum Nowe', 'Bistro Mokotów']);
    expect(await page.locator('#restaurants-status').textContent()).toBe('Sushi Żoliborz removed. Save to make it final.');
    // Nothing changes on disk until Save.
    expect(onDisk(app).restaurants).toHaveLength(3);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    file = onDisk(app);
    expect(file.restaurants.map((r) => r.id)).toEqual(['default', 'bistro-mokotow']);
    await expect.poll(() => createKeychain().get('sushi-zoliborz/vonage.backendToken')).toBeUndefined();
    expect(await createKeychain().get('bistro-mokotow/vonage.backendToken')).toBe(TOKEN);

    // The last restaurant cannot be removed.
    await page.reload();
    await expect.poll(() => listNames(page)).toEqual(['Bistro Centrum Nowe', 'Bistro Mokotów']);
    await section(page, 'Restaurants and connections');
    await page.getByRole('button', { name: 'Remove this restaurant…' }).click();
    await page.getByRole('button', { name: 'Remove Bistro Centrum Nowe' }).click();
    await expect.poll(() => listNames(page)).toEqual(['Bistro Mokotów']);
    expect(await page.getByRole('button', { name: 'Remove this restaurant…' }).isDisabled()).toBe(true);
    expect(await page.locator('#remove-restaurant-hint').textContent()).toBe('The only restaurant cannot be removed.');
    await app.stop();
  });

  it('the rules editor works per restaurant; a problem in one restaurant names it, at the right field', async () => {
    const app = await withTwo();
    const page = await openPage(browser, app, 'settings');
    await section(page, 'Rules');
    await expect.poll(() => rule(page, 1).getByLabel('Title').inputValue()).toBe('Centrum message');
    await section(page, 'Restaurants and connections');
    await pick(page, 'Bistro Mokotów');
    await section(page, 'Rules');
    await expect.poll(() => rule(page, 1).getByLabel('Title').inputValue()).toBe('Mokotów file');
    expect(await rule(page, 1).getByLabel('Channel').inputValue()).toBe('store');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await rule(page, 2).getByLabel('Title').fill('Message in {nope}');
    await section(page, 'Restaurants and connections');
    await page.getByLabel('Backend URL').fill('ftp://nope');
    await pick(page, 'Bistro Centrum');
    await section(page, 'Rules');
    expect(await page.locator('#privmx-rules > li').count()).toBe(1);
    expect(await rule(page, 1).getByLabel('Title').inputValue()).toBe('Centrum message');
    await rule(page, 1).getByLabel('Title').fill('Centrum: new message');

    // Saved from the first restaurant: the page goes to the one with problems, on the section of the first, and shows
    // each at its field, in plain words with the schema's message (naming the restaurant) as the tooltip.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editing(page)).toBe('Bistro Mokotów');
    expect(await page.locator('#tab-restaurants').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#vonage-backendUrl-error').textContent()).toBe('The Vonage backend address must start with https:// (http:// only for an address on this computer)');
    expect(await page.locator('#vonage-backendUrl-error .problem').getAttribute('title')).toBe('restaurants[1] ("Bistro Mokotów").vonage.backendUrl: must be an http(s) URL');
    expect(await page.locator('#vonage-backendUrl').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vonage-backendUrl');
    await section(page, 'Rules');
    expect(await page.locator('#privmx-rules-for').textContent()).toBe('For Bistro Mokotów');
    const title = rule(page, 2).getByLabel('Title');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await rule(page, 2).getByText(/^unknown placeholder \{nope\} for channel thread/).count()).toBe(1);
    const problems = await page.locator('#problems li').allTextContents();
    expect(problems).toContain('Bistro Mokotów: The Vonage backend address must start with https:// (http:// only for an address on this computer)');
    expect(problems.some((p) => p.startsWith('Bistro Mokotów: PrivMX rule 2, title: unknown placeholder {nope}'))).toBe(true);
    expect(await page.locator('#restaurant-list [aria-current="true"]').getAttribute('aria-label')).toBe('Edit Bistro Mokotów, 2 problems');
    // The other restaurant (picked here from the Rules section) has no problem marks, and nothing was saved.
    await page.getByRole('tabpanel').getByLabel('Restaurant', { exact: true }).selectOption('Bistro Centrum');
    expect(await page.locator('#privmx-rules-for').textContent()).toBe('For Bistro Centrum');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    expect(onDisk(app).restaurants[0]?.privmx.rules.map((r) => r.title)).toEqual(['Centrum message']);

    await section(page, 'Restaurants and connections');
    await pick(page, 'Bistro Mokotów');
    await page.getByLabel('Backend URL').fill('https://backend.mokotow.example');
    await section(page, 'Rules');
    await rule(page, 2).getByLabel('Title').fill('Message from {author}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    const file = onDisk(app);
    expect(file.restaurants[0]?.privmx.rules.map((r) => r.title)).toEqual(['Centrum: new message']);
    expect(file.restaurants[1]?.privmx.rules.map((r) => r.title)).toEqual(['Mokotów file', 'Message from {author}']);
    expect(app.core.settings.restaurants[1]?.privmx.rules).toHaveLength(2);
    await app.stop();
  });

  it('names from the settings file are shown as text', async () => {
    const xss = '<img src=x onerror="window.__xss=1">';
    const app = await startApp();
    const parsed = parseSettings({ version: 2, restaurants: [{ id: 'a', name: xss }, { id: 'b', name: 'B' }] });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    await app.core.applySettings(parsed.settings);
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => listNames(page)).toEqual([xss, 'B']);
    expect(await page.locator('#restaurant-heading').textContent()).toBe(xss);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await app.stop();
  });
});
