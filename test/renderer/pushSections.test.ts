// The Settings window keeps what it does not show: a restaurant's MQTT and ntfy sections survive a save from the page
// unchanged, through the real IPC handlers, core and settings file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, section, startApp, startBrowser, type Browser } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MQTT = { enabled: true, url: 'mqtts://broker.trattoria.example:8883', topic: 'restaurants/centrum/alerts', username: 'pos-centrum', clientId: 'pos-centrum-till-1', protocolVersion: 5, ca: '/etc/servicebell/broker-ca.pem' };
const NTFY = { enabled: true, baseUrl: 'https://ntfy.trattoria.example', topics: ['centrum-alerts', 'centrum-bar'], username: 'pos-centrum' };

describe('settings window and the MQTT/ntfy sections', () => {
  it('a save from the page keeps mqtt and ntfy exactly as they were', async () => {
    const app = await startApp();
    try {
      const parsed = parseSettings({ version: 2, restaurants: [{ id: 'default', name: 'Trattoria Centrum', mqtt: MQTT, ntfy: NTFY }] });
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      await app.store.save(parsed.settings);
      await app.core.applySettings(parsed.settings);
      const page = await openPage(browser, app, 'settings');
      await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria Centrum');
      await section(page, 'Restaurants and connections');
      await page.locator('#restaurant-name').fill('Trattoria Centrum (Old Town)');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
      const onDisk = JSON.parse(readFileSync(path.join(app.dataDir, 'config.json'), 'utf8')) as { restaurants: Array<Record<string, unknown>> };
      expect(onDisk.restaurants[0]).toMatchObject({ name: 'Trattoria Centrum (Old Town)', mqtt: MQTT, ntfy: NTFY });
      expect(app.core.settings.restaurants[0]?.mqtt).toEqual(MQTT);
      expect(app.core.settings.restaurants[0]?.ntfy).toEqual(NTFY);
    } finally {
      await app.stop();
    }
  });
});
