import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../main/core/secrets/keychain.js';
import { openPage, section, startApp, startBrowser, tabTo, type Browser } from './harness.js';

const TOKEN = 'sb-ui-vonage-Tq93xPz7-token';
let browser: Browser;
/** The form is filled once the settings arrived (the default event type is there). */
const loaded = (page: Page): Promise<void> => expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await createKeychain().delete('vonage.backendToken');
});

/** Presses Shift+Tab until `selector` has focus, failing after `max` presses. */
async function shiftTabTo(page: Page, selector: string, max = 80): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    passed.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Shift+Tab never reached ${selector} in ${max} presses (passed ${passed.join(', ')})`);
}

describe('settings window in Chromium, on the real core', () => {
  it('fill and save: the file holds the settings, the keychain holds the secret, the page never reads it back', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await section(page, 'Restaurants and connections');
    await page.getByLabel('Receive Vonage support requests').check();
    await page.getByLabel('Backend URL').fill('https://backend.restaurant.example');
    await page.getByLabel('User name').fill('front-desk');
    await page.getByLabel('Backend token').fill(TOKEN);
    await page.getByLabel('Event types (comma-separated)').fill('support_request, waiter_call');
    await page.getByLabel('Phone numbers (one per line, like +48500100200)').fill('+48500100200\n+48500100201');
    await page.getByLabel(/"Join Meeting" may open only these hosts/).fill('*.vonage.com\nmeet.restaurant.example');
    await section(page, 'Notifications');
    await page.getByLabel(/^Quiet hours/).check();
    await page.getByLabel('From').fill('22:30');
    await page.getByLabel('Until').fill('06:45');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');

    const file = readFileSync(path.join(app.dataDir, 'config.json'), 'utf8');
    const onDisk = JSON.parse(file) as { version: number; restaurants: Array<Record<string, unknown>>; notifications: unknown };
    expect(onDisk.version).toBe(2);
    expect(onDisk.restaurants).toHaveLength(1);
    const saved: Record<string, unknown> = { ...onDisk.restaurants[0], notifications: onDisk.notifications };
    expect(saved.vonage).toMatchObject({ enabled: true, backendUrl: 'https://backend.restaurant.example', username: 'front-desk', eventTypes: ['support_request', 'waiter_call'] });
    expect(saved.sms).toMatchObject({ to: ['+48500100200', '+48500100201'] });
    expect(saved.links).toEqual({ allowedHosts: ['*.vonage.com', 'meet.restaurant.example'] });
    expect(saved.notifications).toMatchObject({ quietHours: { enabled: true, start: '22:30', end: '06:45' } });
    expect(file).not.toContain(TOKEN);
    expect(await createKeychain().get('vonage.backendToken')).toBe(TOKEN);
    expect(app.core.settings.restaurants[0]?.vonage.username).toBe('front-desk');

    await section(page, 'Restaurants and connections');
    expect(await page.locator('#vonage-backendToken').inputValue()).toBe('');
    expect(await page.locator('#vonage-backendToken-status').textContent()).toBe('Stored in keychain');
    const html = await page.content();
    expect(html).not.toContain(TOKEN);
    await page.reload();
    await expect.poll(() => page.locator('#vonage-username').inputValue()).toBe('front-desk');
    expect(await page.content()).not.toContain(TOKEN);
    await app.stop();
  });

  it('quiet hours are typed as 24-hour HH:MM text, whatever the browser locale: short forms are completed, a 12-hour time is refused in plain words', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await page.getByLabel(/^Quiet hours/).check();
    const from = page.getByLabel('From');
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.getAttribute('inputmode')).toBe('numeric');
    expect(await from.getAttribute('placeholder')).toBe('HH:MM');
    await from.fill('10:30 PM');
    await page.getByLabel('Until').fill('645');
    // Leaving the field completes what was typed, so the person sees what will be saved.
    await from.focus();
    expect(await page.getByLabel('Until').inputValue()).toBe('06:45');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#quiet-start-error').textContent()).toBe('The start of quiet hours must be a time like 07:30 (24-hour clock)');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#quiet-end-error').isHidden()).toBe(true);
    expect(app.core.settings.notifications.quietHours.enabled).toBe(false);
    await from.fill('2230');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    expect(app.core.settings.notifications.quietHours).toEqual({ enabled: true, start: '22:30', end: '06:45' });
    await app.stop();
  });

  it('shows the schema messages next to the fields and saves nothing', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await section(page, 'Restaurants and connections');
    await page.getByLabel('Backend URL').fill('ftp://nope');
    await page.getByLabel('Phone numbers (one per line, like +48500100200)').fill('500 100 200');
    await section(page, 'Rules');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Channel').selectOption('store');
    await rule.getByLabel('Title').fill('Hi {nope}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#problems').isVisible()).toBe(true);
    // The section with the first problem is shown. At the field, the problem in plain words; the schema's message,
    // which names the restaurant the form is showing, is its tooltip.
    expect(await page.locator('#tab-restaurants').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#vonage-backendUrl-error').textContent()).toBe('The Vonage backend address must start with https:// (http:// only for an address on this computer)');
    expect(await page.locator('#vonage-backendUrl-error .problem').getAttribute('title')).toBe('restaurants[0] ("Restaurant").vonage.backendUrl: must be an http(s) URL');
    expect(await page.locator('#vonage-backendUrl').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#sms-to-error').textContent()).toBe('Phone number 1 must start with + and the country code, then digits only, like +48500100200');
    expect(await page.locator('#sms-to-error .problem').getAttribute('title')).toMatch(/^restaurants\[0\] \("Restaurant"\)\.sms\.to\[0\]: must be an E\.164/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vonage-backendUrl');
    await section(page, 'Rules');
    expect(await rule.getByText(/^unknown placeholder \{nope\} for channel store/).count()).toBe(1);
    expect(await rule.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#problems').textContent()).toContain('Restaurant: PrivMX rule 1, title: unknown placeholder {nope}');
    expect(await page.locator('#problems').textContent()).toContain('Restaurant: The Vonage backend address must start with https://');
    expect(() => readFileSync(path.join(app.dataDir, 'config.json'))).toThrow();
    await app.stop();
  });

  it('keyboard only: sections by arrow keys, tab to fields, toggle, type, save with Enter; focus is visible', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await page.locator('body').focus();
    await tabTo(page, '#tab-notifications', 3);
    await page.keyboard.press('ArrowRight');
    await tabTo(page, '#privmx-enabled');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://bridge.restaurant.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('key-id-1');
    await shiftTabTo(page, '#tab-restaurants');
    await page.keyboard.press('ArrowLeft');
    await tabTo(page, '#ui-launchAtLogin');
    await page.keyboard.press('Space');
    // Back to Save: past the quiet hours (two text fields), the rush limit, the two reminder numbers, the two sound
    // selects, the panel and the tab list.
    await shiftTabTo(page, '#save', 13);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    expect(app.core.settings.restaurants[0]?.privmx).toMatchObject({ enabled: true, bridgeUrl: 'https://bridge.restaurant.example', apiKeyId: 'key-id-1' });
    expect(app.core.settings.ui.launchAtLogin).toBe(true);

    await tabTo(page, '#send-test');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#test-status').textContent()).toBe('Test notification sent.');
    await shiftTabTo(page, '#tab-notifications');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, '#check-connections');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#check-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('#check-results').textContent()).toContain('secret privmx.apiKeySecret: missing');
    expect(await page.locator('#check-results').textContent()).toContain('The PrivMX API key secret is not set.');
    await app.stop();
  });

  it('saves settings that silently do nothing, but warns: empty Join Meeting hosts (#14.9)', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await section(page, 'Restaurants and connections');
    await page.getByLabel(/"Join Meeting" may open only these hosts/).fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe(
      'Saved. Warning: No "Join Meeting" host is allowed, so no alert gets a Join Meeting button. Add your meeting hosts in Restaurants and connections › Links, then Save.',
    );
    expect(await page.locator('#save-status').getAttribute('title')).toBe('links.allowedHosts: empty, so no alert ever gets a Join Meeting link');
    await page.getByRole('button', { name: 'Check connections' }).click();
    await expect.poll(() => page.locator('#check-results .check-line.warning .check-what').textContent()).toBe('Warning: Links — No "Join Meeting" host is allowed, so no alert gets a Join Meeting button.');
    expect(await page.locator('#check-results .check-line.warning code').textContent()).toBe('settings links.allowedHosts: empty, so no alert ever gets a Join Meeting link');
    expect(await page.locator('#check-status').textContent()).toBe('All checks passed, with 1 warning(s).');
    await app.stop();
  });

  it('Copy diagnostics puts the redacted bundle on the clipboard (#14.17)', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await loaded(page);
    await section(page, 'Advanced');
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect.poll(() => page.locator('#diagnostics-status').textContent()).toMatch(/^Diagnostics copied/);
    expect(app.clipboard).toHaveLength(1);
    expect(app.clipboard[0]).toContain('Servicebell diagnostics');
    expect(app.clipboard[0]).toContain('== check ==\nok   settings: valid');
    await page.getByRole('button', { name: 'Save diagnostics…' }).click();
    await expect.poll(() => page.locator('#diagnostics-status').textContent()).toBe('Not saved.');
    await app.stop();
  });

  it('the CSP blocks inline handlers, inline scripts and eval tried by a script file the page loads', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings', { probe: true });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __probeDone?: boolean }).__probeDone)).toBe(true);
    await page.waitForTimeout(200);
    const result = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { handler: w.__inlineHandlerRan, img: w.__inlineImgRan, script: w.__inlineScriptRan, evalResult: w.__evalResult, evalBlocked: w.__evalBlocked, violations: w.__cspViolations };
    });
    expect(result.handler).toBeUndefined();
    expect(result.img).toBeUndefined();
    expect(result.script).toBeUndefined();
    expect(result.evalResult).toBeUndefined();
    expect(String(result.evalBlocked)).toMatch(/EvalError|unsafe-eval/);
    expect(result.violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
    await app.stop();
  });
});
