import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TYPE } from '../../main/core/sources/privmx/rules.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { CHANNELS } from '../../renderer/settings/channelText.js';
import { openPage, section, startApp, startBrowser, tabTo, type AppUnderTest, type Browser } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const loaded = (page: Page): Promise<void> => expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
const rule = (page: Page, n: number) => page.getByRole('group', { name: `Rule ${n}`, exact: true });
const savedRules = (app: AppUnderTest): unknown => (JSON.parse(readFileSync(path.join(app.dataDir, 'config.json'), 'utf8')) as { restaurants: Array<{ privmx: { rules: unknown } }> }).restaurants[0]?.privmx.rules;
const focusedId = (page: Page): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);

async function withRules(rules: Array<Record<string, unknown>>): Promise<AppUnderTest> {
  const app = await startApp();
  const parsed = parseSettings({ privmx: { rules } });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  await app.core.applySettings(parsed.settings);
  return app;
}

describe('PrivMX rules editor in Chromium, on the real core', () => {
  it('the page says what the core does: each channel its default event type', () => {
    expect(Object.fromEntries(CHANNELS.map((c) => [c.value, c.newItem]))).toEqual(DEFAULT_TYPE);
  });

  it('add a rule with the form: the settings file holds exactly that rule', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await section(page, 'Rules');
    await loaded(page);
    expect(await page.locator('#privmx-rules-empty').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const card = rule(page, 1);
    expect(await focusedId(page)).toBe(await card.getByLabel('Name (optional)').getAttribute('id'));
    expect(await page.locator('#privmx-rules-empty').isVisible()).toBe(false);

    await card.getByLabel('Channel').selectOption('store');
    expect(await card.getByLabel('Thread id').isVisible()).toBe(false);
    expect(await card.getByText(/^Placeholders you can use here:/).textContent()).toContain('{storeId}');
    await card.getByLabel('Channel').selectOption('thread');
    expect(await card.getByLabel('Store id').isVisible()).toBe(false);
    expect(await card.getByText(/^Placeholders you can use here:/).textContent()).toContain('{threadId}');
    await card.getByLabel('Name (optional)').fill('Kitchen orders');
    await card.getByLabel('Thread id').fill('thread-kitchen');
    await card.getByLabel('Title').fill('Order from {author}');
    await card.getByLabel("SMS to the restaurant's phone numbers").check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // No phone numbers yet: saved, with the warning that this rule sends no SMS (#14.9).
    await expect.poll(() => page.locator('#save-status').textContent()).toBe(
      'Saved. Warning: Rule 1 sends an SMS, but the restaurant has no phone numbers, so none is sent. Add phone numbers in Restaurants and connections › SMS forwarding, or untick SMS in the rule under Rules.',
    );
    expect(await page.locator('#save-status').getAttribute('title')).toBe('privmx.rules[0].actions: "sms" is set but sms.to is empty, so no SMS is ever sent');

    const expected = { name: 'Kitchen orders', match: { channel: 'thread', threadId: 'thread-kitchen' }, title: 'Order from {author}', body: '', actions: ['desktop', 'sms'] };
    expect(savedRules(app)).toEqual([expected]);
    expect(app.core.settings.restaurants[0]?.privmx.rules).toEqual([expected]);
    await page.reload();
    await section(page, 'Rules');
    await expect.poll(() => rule(page, 1).getByLabel('Title').inputValue()).toBe('Order from {author}');
    expect(await rule(page, 1).getByLabel('Thread id').inputValue()).toBe('thread-kitchen');
    await app.stop();
  });

  it('an unknown placeholder: the schema message sits under that rule\'s body, and nothing is saved', async () => {
    const app = await withRules([{ match: { channel: 'store' }, title: 'New file' }]);
    const page = await openPage(browser, app, 'settings');
    await section(page, 'Rules');
    await expect.poll(() => rule(page, 1).getByLabel('Title').inputValue()).toBe('New file');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await rule(page, 2).getByLabel('Title').fill('Message');
    await rule(page, 2).getByLabel('Body').fill('{author} in {storeId}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const body = rule(page, 2).getByLabel('Body');
    await expect.poll(() => body.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await body.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error')) ?? '';
    expect(await page.locator(`#${errorId}`).textContent()).toMatch(/^unknown placeholder \{storeId\} for channel thread; known: .*threadId/);
    expect(await focusedId(page)).toBe(await body.getAttribute('id'));
    expect(await page.locator('#problems').textContent()).toContain('PrivMX rule 2, body: unknown placeholder {storeId}');
    expect(await rule(page, 1).locator('[aria-invalid]').count()).toBe(0);
    expect(existsSync(path.join(app.dataDir, 'config.json'))).toBe(false);
    expect(app.core.settings.restaurants[0]?.privmx.rules).toHaveLength(1);

    await body.fill('{author} in {threadId}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    expect(await body.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator(`#${errorId}`).isVisible()).toBe(false);
    expect(savedRules(app)).toHaveLength(2);
    await app.stop();
  });

  it('reorder and remove: the saved list follows the cards, focus stays on the button pressed', async () => {
    const app = await withRules(['A', 'B', 'C'].map((title) => ({ match: { channel: 'thread' }, title })));
    const page = await openPage(browser, app, 'settings');
    await section(page, 'Rules');
    await expect.poll(() => page.locator('#privmx-rules > li').count()).toBe(3);
    const titles = (): Promise<string[]> => page.locator('#privmx-rules > li').evaluateAll((cards) => cards.map((c) => (c.querySelector('input[id$="-title"]') as HTMLInputElement).value));
    expect(await rule(page, 1).getByRole('button', { name: 'Move up' }).isDisabled()).toBe(true);
    expect(await rule(page, 3).getByRole('button', { name: 'Move down' }).isDisabled()).toBe(true);

    await rule(page, 1).getByRole('button', { name: 'Move down' }).click();
    expect(await titles()).toEqual(['B', 'A', 'C']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move down');
    await rule(page, 3).getByRole('button', { name: 'Move up' }).click();
    expect(await titles()).toEqual(['B', 'C', 'A']);
    await rule(page, 1).getByRole('button', { name: 'Remove' }).click();
    expect(await titles()).toEqual(['C', 'A']);
    expect(await page.locator('#rules-status').textContent()).toBe('Rule 1 removed.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    expect((savedRules(app) as Array<{ title: string }>).map((r) => r.title)).toEqual(['C', 'A']);

    for (let i = 0; i < 2; i++) await rule(page, 1).getByRole('button', { name: 'Remove' }).click();
    expect(await focusedId(page)).toBe('add-rule');
    expect(await page.locator('#privmx-rules-empty').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => savedRules(app)).toEqual([]);
    await app.stop();
  });

  it('keyboard only: to the Rules section, add a rule, pick its channel, fill it, save with Enter', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await page.locator('body').focus();
    await tabTo(page, '#tab-notifications', 3);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#tab-rules').getAttribute('aria-selected')).toBe('true');
    await tabTo(page, '#add-rule');
    await page.keyboard.press('Enter');
    await page.keyboard.type('New file');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // Threads → Stores
    const card = rule(page, 1);
    expect(await card.getByLabel('Channel').inputValue()).toBe('store');
    await tabTo(page, `#${await card.getByLabel('Title').getAttribute('id')}`);
    await page.keyboard.type('File from {creator}');
    await tabTo(page, '#save');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    expect(app.core.settings.restaurants[0]?.privmx.rules).toEqual([{ name: 'New file', match: { channel: 'store' }, title: 'File from {creator}', body: '', actions: ['desktop'] }]);
    await app.stop();
  });

  it('rule text from the settings file is shown as text', async () => {
    const xss = '<img src=x onerror="window.__xss=1">';
    const app = await withRules([{ name: xss, match: { channel: 'thread', author: xss }, title: 'T' }]);
    const page = await openPage(browser, app, 'settings');
    await section(page, 'Rules');
    await expect.poll(() => rule(page, 1).getByLabel('Name (optional)').inputValue()).toBe(xss);
    expect(await rule(page, 1).getByLabel('Author').inputValue()).toBe(xss);
    expect(await page.locator('#privmx-rules img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await app.stop();
  });
});
