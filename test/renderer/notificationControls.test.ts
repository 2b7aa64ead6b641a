// The Notifications section's sound, reminder and rush controls in real Chromium on the real core: each one set and
// saved reaches the settings file; a save that touches none keeps the file's notifications exactly; bad values are
// told in plain words at their field; "Unsaved changes" follows them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, startApp, startBrowser, type AppUnderTest, type Browser } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface OnDisk {
  notifications: { sounds: Record<string, string>; supportReminders: unknown; supportBurstLimit: unknown };
  restaurants: unknown[];
}
const onDisk = (app: AppUnderTest): OnDisk => JSON.parse(readFileSync(path.join(app.dataDir, 'config.json'), 'utf8')) as OnDisk;
const loaded = (page: Page): Promise<void> => expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request, waiter_call');
const unsavedShown = (page: Page): Promise<boolean> => page.locator('#unsaved').isVisible();
const save = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
};

async function withSettings(app: AppUnderTest, notifications: Record<string, unknown> = {}): Promise<void> {
  const parsed = parseSettings({ version: 2, notifications, restaurants: [{ id: 'default', name: 'Trattoria Centrum', vonage: { eventTypes: ['support_request', 'waiter_call'] } }] });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.store.save(parsed.settings);
  await app.core.applySettings(parsed.settings);
}

describe('Settings › Notifications: sound, reminders, rush', () => {
  it('shows the defaults; each control set and saved is in the settings file and the running core', async () => {
    const app = await startApp();
    try {
      await withSettings(app);
      const page = await openPage(browser, app, 'settings');
      await loaded(page);
      expect(await page.getByLabel('Support requests', { exact: true }).inputValue()).toBe('bundled');
      expect(await page.getByLabel('Other alerts').inputValue()).toBe('off');
      expect(await page.getByLabel('Support requests', { exact: true }).locator('option').allTextContents()).toEqual(['Off', 'Servicebell bell', 'System sound']);
      expect(await page.getByLabel('Minutes between reminders').inputValue()).toBe('2');
      expect(await page.getByLabel(/^Number of reminders/).inputValue()).toBe('3');
      expect(await page.getByLabel('Support requests shown one by one in a rush').inputValue()).toBe('10');

      await page.getByLabel('Support requests', { exact: true }).selectOption({ label: 'System sound' });
      await expect.poll(() => unsavedShown(page)).toBe(true);
      await page.getByLabel('Support requests', { exact: true }).selectOption({ label: 'Servicebell bell' });
      await expect.poll(() => unsavedShown(page)).toBe(false);

      await page.getByLabel('Support requests', { exact: true }).selectOption({ label: 'System sound' });
      await page.getByLabel('Other alerts').selectOption({ label: 'Servicebell bell' });
      await page.getByLabel('Minutes between reminders').fill('5');
      await page.getByLabel(/^Number of reminders/).fill('2');
      await page.getByLabel('Support requests shown one by one in a rush').fill('20');
      expect(await page.locator('[role="tab"].unsaved').evaluateAll((tabs) => tabs.map((t) => t.id))).toEqual(['tab-notifications']);
      await save(page);
      expect(await unsavedShown(page)).toBe(false);

      const { notifications } = onDisk(app);
      expect(notifications.supportReminders).toEqual({ afterSeconds: 300, times: 2 });
      expect(notifications.supportBurstLimit).toBe(20);
      expect(notifications.sounds.support_request).toBe('system');
      for (const kind of ['waiter_call', 'order', 'ntfy_message', 'threadNewMessage', 'storeFileCreated']) expect(notifications.sounds[kind], kind).toBe('bundled');
      expect(app.core.settings.notifications.supportReminders).toEqual({ afterSeconds: 300, times: 2 });
      expect(app.core.settings.notifications.sounds.waiter_call).toBe('bundled');

      // What is saved is what the window shows again, and 0 times (no reminders) is accepted.
      await page.reload();
      await loaded(page);
      expect(await page.getByLabel('Other alerts').inputValue()).toBe('bundled');
      expect(await page.getByLabel('Minutes between reminders').inputValue()).toBe('5');
      await page.getByLabel(/^Number of reminders/).fill('0');
      await save(page);
      expect(onDisk(app).notifications.supportReminders).toEqual({ afterSeconds: 300, times: 0 });
    } finally {
      await app.stop();
    }
  });

  it('a save that touches none of them keeps notifications exactly as in the file, kinds that differ included', async () => {
    const app = await startApp();
    try {
      const notifications = { sounds: { order: 'system', waiter_call: 'bundled' }, supportReminders: { afterSeconds: 100, times: 7 }, supportBurstLimit: 4 };
      await withSettings(app, notifications);
      const before = onDisk(app);
      const page = await openPage(browser, app, 'settings');
      await loaded(page);
      // Support requests are not listed, so they ring with the bell; the other kinds differ.
      expect(await page.getByLabel('Support requests', { exact: true }).inputValue()).toBe('bundled');
      expect(await page.getByLabel('Other alerts').inputValue()).toBe('mixed');
      expect(await page.getByLabel('Other alerts').locator('option:checked').textContent()).toBe('Different for each kind (kept as set)');
      expect(await page.getByLabel('Minutes between reminders').inputValue()).toBe('1.67');
      await page.getByLabel('Other alerts').selectOption('off');
      await page.getByLabel('Other alerts').selectOption('mixed');
      await page.getByLabel('Launch Servicebell at login').check();
      await expect.poll(() => unsavedShown(page)).toBe(true);
      await save(page);
      const after = onDisk(app);
      expect(after.notifications).toEqual(before.notifications);
      expect(after.notifications.sounds).toEqual({ order: 'system', waiter_call: 'bundled' });
      expect(after.restaurants).toEqual(before.restaurants);
    } finally {
      await app.stop();
    }
  });

  it('a bad value is not saved and is told in plain words at its field, the core text in its tooltip', async () => {
    const app = await startApp();
    try {
      await withSettings(app);
      const before = readFileSync(path.join(app.dataDir, 'config.json'), 'utf8');
      const page = await openPage(browser, app, 'settings');
      await loaded(page);
      await page.getByLabel('Minutes between reminders').fill('0.2');
      await page.getByLabel(/^Number of reminders/).fill('11');
      await page.getByLabel('Support requests shown one by one in a rush').fill('0');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('#problems').isVisible()).toBe(true);
      expect(await page.locator('#reminders-minutes-error .problem').textContent()).toBe('The time between reminders must be at least 0.5 minutes (30 seconds)');
      expect(await page.locator('#reminders-minutes-error .problem').getAttribute('title')).toBe('notifications.supportReminders.afterSeconds: Too small: expected number to be >=30');
      expect(await page.locator('#reminders-times-error .problem').textContent()).toBe('The number of reminders must be at most 10');
      expect(await page.locator('#support-burst-limit-error .problem').textContent()).toBe('The number of support requests shown one by one must be at least 1');
      expect(await page.locator('#reminders-minutes').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reminders-minutes');
      expect(readFileSync(path.join(app.dataDir, 'config.json'), 'utf8')).toBe(before);

      await page.getByLabel('Minutes between reminders').fill('0.5');
      await page.getByLabel(/^Number of reminders/).fill('10');
      await page.getByLabel('Support requests shown one by one in a rush').fill('100');
      await save(page);
      expect(await page.locator('#reminders-times').getAttribute('aria-invalid')).toBeNull();
      expect(onDisk(app).notifications).toMatchObject({ supportReminders: { afterSeconds: 30, times: 10 }, supportBurstLimit: 100 });
    } finally {
      await app.stop();
    }
  });
});
