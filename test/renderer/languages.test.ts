// The windows in Polish and German (issue 16) in real Chromium on the real core: labels from the catalogue, none
// clipped, the language switched at once while a window is open, and Settings' language choice saving ui.language.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageCode } from '../../common/i18n/languages.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { openPage, startApp, startBrowser, tempDir, type AppUnderTest, type Browser } from './harness.js';
import { NOW, seedService } from './historyService.js';

const SHOTS = process.env.SERVICEBELL_UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : tempDir('sb-shots-');
/** The windows' sizes (main/electron/windows.ts). */
const HISTORY_WINDOW = { width: 900, height: 700 };

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** What Settings' Save does for ui.language: the settings saved, then applied (the core switches its language). */
async function speak(app: AppUnderTest, language: LanguageCode | 'auto'): Promise<void> {
  const parsed = parseSettings({ ...app.core.settings, ui: { ...app.core.settings.ui, language } });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.store.save(parsed.settings);
  await app.core.applySettings(parsed.settings);
}

async function twoRestaurants(app: AppUnderTest): Promise<void> {
  const parsed = parseSettings({
    version: 2,
    restaurants: [
      { id: 'default', name: 'Trattoria Centrum', vonage: { enabled: true, backendUrl: 'https://backend.trattoria.example', username: 'front-desk' } },
      { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { enabled: true, bridgeUrl: 'https://bridge.bistro.example', apiKeyId: 'key-1' } },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.store.save(parsed.settings);
  await app.core.applySettings(parsed.settings);
}

/** Labels, buttons and History's row tags (visible ones) whose text does not fit their box. */
async function clipped(page: Page): Promise<string[]> {
  const { measured, over } = await page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('label, button, legend, h1, h2, .tags')].filter((e) => e.offsetParent !== null);
    return {
      // Inline boxes measure 0: the check means something only if most of them are boxes.
      measured: shown.filter((e) => e.clientWidth > 0).length / Math.max(1, shown.length),
      over: shown.filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.tagName.toLowerCase()}#${e.id || e.getAttribute('for') || ''}: ${e.textContent ?? ''}`),
    };
  });
  expect(measured).toBeGreaterThan(0.8);
  return over;
}

const SETTINGS_WORDS: Record<'pl' | 'de', { tabs: string[]; save: string; language: string; quiet: string; time: string; title: string }> = {
  pl: { tabs: ['Powiadomienia', 'Restauracje i połączenia', 'Reguły', 'Zaawansowane'], save: 'Zapisz', language: 'Język Servicebell', quiet: 'Godziny ciszy', time: 'GG:MM', title: 'Servicebell – ustawienia' },
  de: { tabs: ['Benachrichtigungen', 'Restaurants und Verbindungen', 'Regeln', 'Erweitert'], save: 'Speichern', language: 'Sprache von Servicebell', quiet: 'Ruhezeiten', time: 'HH:MM', title: 'Servicebell – Einstellungen' },
};

const HISTORY_WORDS: Record<'pl' | 'de', { heading: string; today: string; yesterday: string; search: string; unreadOnly: string; markAll: string; dismiss: string; kind: string }> = {
  pl: { heading: 'Historia', today: 'Dzisiaj', yesterday: 'Wczoraj', search: 'Szukaj', unreadOnly: 'Tylko nieprzeczytane', markAll: 'Oznacz wszystkie jako przeczytane', dismiss: 'Odrzuć', kind: 'Prośba o pomoc' },
  de: { heading: 'Verlauf', today: 'Heute', yesterday: 'Gestern', search: 'Suchen', unreadOnly: 'Nur ungelesene', markAll: 'Alle als gelesen markieren', dismiss: 'Schließen', kind: 'Hilfeanfrage' },
};

describe.each(['pl', 'de'] as const)('the windows in %s', (language) => {
  it('Settings: every section translated, no label or button clipped; screenshot', async () => {
    const words = SETTINGS_WORDS[language];
    const app = await startApp();
    await twoRestaurants(app);
    await speak(app, language);
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria Centrum');
    await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(words.tabs);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.title()).toBe(words.title);
    expect(await page.getByRole('button', { name: words.save, exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel(words.language).inputValue()).toBe(language);
    await page.getByLabel(new RegExp(`^${words.quiet}`)).check();
    // 24-hour text fields, not the browser's locale's time picker.
    expect(await page.locator('#quiet-start').getAttribute('placeholder')).toBe(words.time);
    expect(await clipped(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `settings-${language}.png`) });
    for (const tab of words.tabs.slice(1)) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      expect(await clipped(page), tab).toEqual([]);
    }
    // No English left among the visible labels of the restaurant section (names and URLs aside).
    await page.getByRole('tab', { name: words.tabs[1], exact: true }).click();
    const labels = await page.locator('label:visible').allTextContents();
    expect(labels).not.toContain('Backend URL');
    expect(labels).not.toContain('Sender name');
    await page.close();
    await app.stop();
  });

  it('History: headings, filters and buttons translated, no label or button clipped; screenshot', async () => {
    const words = HISTORY_WORDS[language];
    const app = await startApp();
    await seedService(app);
    await speak(app, language);
    const page = await openPage(browser, app, 'history', { now: NOW, viewport: HISTORY_WINDOW });
    await expect.poll(() => page.locator('#history-list .day-heading').allTextContents()).toEqual(
      expect.arrayContaining([words.today, words.yesterday]),
    );
    expect(await page.locator('h1').textContent()).toBe(words.heading);
    expect(await page.getByLabel(words.search, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel(words.unreadOnly).isVisible()).toBe(true);
    expect(await page.locator('#mark-all-read').textContent()).toBe(words.markAll);
    expect(await page.getByRole('button', { name: new RegExp(`^${words.dismiss}`) }).count()).toBeGreaterThan(0);
    expect(await page.locator('#history-list .kind').allTextContents()).toContain(words.kind);
    expect(await clipped(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `history-${language}.png`) });
    await page.close();
    await app.stop();
  });
});

describe('switching language while the windows are open', () => {
  it('History follows language:changed at once, keeping the search; back to English too', async () => {
    const app = await startApp();
    await seedService(app);
    const page = await openPage(browser, app, 'history', { now: NOW });
    await expect.poll(() => page.locator('h1').textContent()).toBe('History');
    await page.getByLabel('Search').fill('table');
    await speak(app, 'de');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Verlauf');
    expect(await page.getByLabel('Suchen', { exact: true }).inputValue()).toBe('table');
    expect(await page.locator('#shown-count').textContent()).toMatch(/ von \d+ Meldungen$/);
    await speak(app, 'pl');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Historia');
    expect(await page.locator('#shown-count').textContent()).toMatch(/^\d+ z \d+ powiadomie/);
    await speak(app, 'en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('History');
    await page.close();
    await app.stop();
  });

  it('Check connections results are shown again in the new language; problems in plain words too', async () => {
    const app = await startApp();
    await twoRestaurants(app);
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria Centrum');
    await page.getByRole('tab', { name: 'Restaurants and connections', exact: true }).click();
    await page.getByRole('button', { name: 'Check connections' }).click();
    await expect.poll(() => page.locator('#check-results .check-line').count()).toBeGreaterThan(2);
    expect(await page.locator('#check-results summary').first().textContent()).toBe('Technical detail');
    await speak(app, 'de');
    await expect.poll(() => page.locator('#check-results summary').first().textContent()).toBe('Technische Details');
    expect(await page.locator('#check-results').textContent()).toContain('Was tun: ');
    expect(await page.locator('#check-status').textContent()).toMatch(/Prüfung/);
    await page.getByLabel('Telefonnummern (eine pro Zeile, z. B. +48500100200)').fill('500 100 200');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => page.locator('#sms-to-error').textContent()).toBe('Telefonnummer 1: muss mit + und der Ländervorwahl beginnen, dann nur Ziffern, z. B. +48500100200');
    expect(await page.locator('#problems p').first().textContent()).toBe('Nicht gespeichert. Bitte korrigieren:');
    await page.close();
    await app.stop();
  });

  it('status lines shown before a switch are shown again in the new language', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved.');
    await page.getByRole('button', { name: 'Send test notification' }).click();
    await expect.poll(() => page.locator('#test-status').textContent()).toMatch(/^(Test notification sent\.|Not shown \(.+\)\.)$/);
    const sent = (await page.locator('#test-status').textContent()) === 'Test notification sent.';
    await speak(app, 'pl');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Zapisano.');
    expect(await page.locator('#test-status').textContent()).toMatch(sent ? /^Wysłano powiadomienie testowe\.$/ : /^Nie pokazano \(.+\)\.$/);
    await speak(app, 'de');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Gespeichert.');
    await page.close();
    await app.stop();
  });

  it('the Language choice saves ui.language, and Settings switches at once, keeping what was typed', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    // The settings have arrived (the form is filled), else filling it would undo the choice made below.
    await expect.poll(() => page.locator('#vonage-eventTypes').inputValue()).toBe('support_request');
    await expect.poll(() => page.getByLabel('Language of Servicebell').inputValue()).toBe('auto');
    expect(await page.getByLabel('Language of Servicebell').locator('option').allTextContents()).toEqual(['Automatic (system language)', 'English', 'Polski', 'Deutsch']);
    await page.getByLabel('Language of Servicebell').selectOption('pl');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('tab').first().textContent()).toBe('Powiadomienia');
    expect(app.core.settings.ui.language).toBe('pl');
    expect((app.store.settings as { ui: { language: string } }).ui.language).toBe('pl');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Zapisano.');
    expect(await page.getByLabel('Język Servicebell').locator('option').first().textContent()).toBe('Automatycznie (język systemu)');
    await page.getByLabel('Język Servicebell').selectOption('de');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await expect.poll(() => page.getByRole('tab').first().textContent()).toBe('Benachrichtigungen');
    expect(app.core.settings.ui.language).toBe('de');
    // A switch from elsewhere (the settings file edited) while something is typed and not saved: it stays.
    await page.getByRole('tab', { name: 'Restaurants und Verbindungen', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Bar Mleczny');
    await speak(app, 'en');
    await expect.poll(() => page.getByRole('tab').first().textContent()).toBe('Notifications');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Bar Mleczny');
    expect(await page.locator('#unsaved').isVisible()).toBe(true);
    await page.close();
    await app.stop();
  });
});
