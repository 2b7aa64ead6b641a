// WCAG 1.4.11 (non-text contrast) from the rendered styles, in real Chromium: every visible text field, select,
// text area and button on both windows, in light and dark, has a boundary of at least 3:1 against what is behind it
// (its border, or for a filled button its fill). Colours are read with getComputedStyle and blended as painted.
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

interface Finding {
  what: string;
  ratio: number;
}

/** In the page: each visible control's best boundary contrast against the colour behind it. */
function measure(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d');
    if (!probe) throw new Error('no 2d canvas');
    // Any CSS colour (rgb(), color(srgb …), oklch …) to sRGB bytes, as Chromium paints it.
    const parse = (css: string): Rgba => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (x: Rgba, y: Rgba): number => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    // The colour behind an element: its ancestors' backgrounds blended from the page up.
    const behind = (node: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let n = node.parentElement; n; n = n.parentElement) layers.push(parse(getComputedStyle(n).backgroundColor));
      layers.push(parse(getComputedStyle(document.documentElement).backgroundColor));
      return layers.reverse().reduce<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const controls = [...document.querySelectorAll<HTMLElement>('input:not([type="checkbox"]):not([type="radio"]), select, textarea, button')];
    return controls
      .filter((c) => c.checkVisibility() && !(c as HTMLButtonElement).disabled && c.getAttribute('role') !== 'tab')
      .map((c) => {
        const style = getComputedStyle(c);
        const back = behind(c);
        const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none' ? ratio(over(parse(style.borderTopColor), back), back) : 1;
        const fill = ratio(over(parse(style.backgroundColor), back), back);
        const label = c.id || c.getAttribute('aria-label') || c.textContent?.trim() || c.tagName;
        return { what: `${c.tagName.toLowerCase()} ${label}`, ratio: Math.round(Math.max(border, fill) * 100) / 100 };
      });
  });
}

async function withTwo(app: AppUnderTest): Promise<void> {
  const parsed = parseSettings({ version: 2, restaurants: [{ id: 'default', name: 'Trattoria' }, { id: 'bistro', name: 'Bistro', privmx: { enabled: true, rules: [{ match: { channel: 'thread' }, title: 'Order' }] } }] });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.core.applySettings(parsed.settings);
}

describe('control contrast ≥ 3:1 (WCAG 1.4.11), computed from the rendered styles', () => {
  for (const dark of [false, true]) {
    it(`settings, every section, ${dark ? 'dark' : 'light'}`, async () => {
      const app = await startApp();
      await withTwo(app);
      const page = await openPage(browser, app, 'settings', { dark });
      await expect.poll(() => page.locator('#restaurant-name').inputValue()).toBe('Trattoria');
      const findings: Finding[] = [];
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click();
        findings.push(...(await measure(page)));
      }
      expect(findings.length).toBeGreaterThan(20);
      expect(findings.filter((f) => f.ratio < 3)).toEqual([]);
      await app.stop();
    });

    it(`history, ${dark ? 'dark' : 'light'}`, async () => {
      const app = await startApp();
      await withTwo(app);
      const page = await openPage(browser, app, 'history', { dark });
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      const findings = await measure(page);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.ratio < 3)).toEqual([]);
      await app.stop();
    });
  }

  it('the measure itself: the old 1.65:1 border fails it', async () => {
    const app = await startApp();
    const page = await openPage(browser, app, 'settings');
    await expect.poll(() => page.locator('#quiet-start').count()).toBe(1);
    // The page's CSP refuses style tags; the CSSOM is allowed.
    await page.locator('#quiet-start').evaluate((node) => (node as HTMLElement).style.setProperty('border-color', '#c9c9cf'));
    const findings = await measure(page);
    const quiet = findings.find((f) => f.what === 'input quiet-start');
    expect(quiet?.ratio).toBeLessThan(2);
    await app.stop();
  });
});
