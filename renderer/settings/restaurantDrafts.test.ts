import { describe, expect, it } from 'vitest';
import { RESTAURANT_ID, restaurantDefaults } from '../../main/core/settings/schema.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { draftsFrom, ID_FORM, move, newDraft, settingsFrom, slugify, splitProblem, typedSecrets, uniqueId } from './restaurantDrafts.js';

describe('restaurant drafts', () => {
  it('makes ids the core accepts from any name', () => {
    expect(ID_FORM.source).toBe(RESTAURANT_ID.source);
    expect(slugify('Bistro Mokotów')).toBe('bistro-mokotow');
    expect(slugify('Sushi Żoliborz & Łódź!')).toBe('sushi-zoliborz-lodz');
    expect(slugify('  ---  ')).toBe('restaurant');
    expect(slugify('Ramen 一番')).toBe('ramen');
    for (const name of ['Bistro Mokotów', 'x'.repeat(200), '-a-', '日本', 'A'.repeat(59) + ' b']) expect(slugify(name)).toMatch(RESTAURANT_ID);
    expect(uniqueId('Bistro', new Set(['bistro', 'bistro-2']))).toBe('bistro-3');
  });

  it('round-trips the restaurants through drafts, in order, with typed secrets per id', () => {
    const parsed = parseSettings({ version: 2, restaurants: [{ id: 'default', name: 'A' }, { id: 'b', name: 'B' }] });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const drafts = draftsFrom(parsed.settings);
    drafts.push(newDraft(restaurantDefaults('new', 'New'), 'A', drafts));
    expect(drafts.map((d) => d.data.id)).toEqual(['default', 'b', 'a']);
    expect(move(drafts, 2, 0)).toBe(true);
    expect(move(drafts, 0, -1)).toBe(false);
    const third = drafts[2];
    if (third) third.secrets['vonage.backendToken'] = 't';
    const { restaurants: _r, ...globals } = parsed.settings;
    const saved = parseSettings(settingsFrom(globals, drafts));
    expect(saved.ok && saved.settings.restaurants.map((r) => r.id)).toEqual(['a', 'default', 'b']);
    expect(typedSecrets(drafts)).toEqual({ b: { 'vonage.backendToken': 't' } });
  });

  it('tells whose problem a core message is, by the place the message gives', () => {
    const result = parseSettings({
      version: 2,
      restaurants: [
        { id: 'default', name: 'A' },
        { id: 'b', name: 'Bistro: "Mokotów"', vonage: { backendUrl: 'ftp://x' }, privmx: { rules: [{ match: { channel: 'store' }, title: '{nope}' }] } },
      ],
      notifications: { quietHours: { start: 'late' } },
    });
    expect(result.ok).toBe(false);
    const split = (result.ok ? [] : result.problems).map(splitProblem);
    expect(split).toEqual(
      expect.arrayContaining([
        { restaurant: 1, local: 'vonage.backendUrl: must be an http(s) URL' },
        { restaurant: 1, local: expect.stringMatching(/^privmx\.rules\[0\]\.title: unknown placeholder \{nope\}/) as string },
        { local: expect.stringMatching(/^notifications\.quietHours\.start: /) as string },
      ]),
    );
    expect(splitProblem('restaurants[0] ("A"): something')).toEqual({ restaurant: 0, local: 'something' });
    expect(splitProblem('restaurants: must list at least one restaurant')).toEqual({ local: 'restaurants: must list at least one restaurant' });
  });
});
