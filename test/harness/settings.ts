// Settings for tests: written the way a version-1 file had them (one set of connections), migrated and validated by
// the real code, so each test states only what it cares about and the result is what an upgraded install runs.
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { restaurantSchema, type RestaurantInput, type Settings } from '../../main/core/settings/schema.js';

export function settingsFrom(v1: Record<string, unknown>): Settings {
  const parsed = parseSettings({ version: 1, ...v1 });
  if (!parsed.ok) throw new Error(`test settings are invalid:\n${parsed.problems.join('\n')}`);
  return parsed.settings;
}

/** Settings with several restaurants (settings version 2), globals as given. */
export function restaurantsSettings(restaurants: RestaurantInput[], global: Record<string, unknown> = {}): Settings {
  const parsed = parseSettings({ version: 2, ...global, restaurants });
  if (!parsed.ok) throw new Error(`test settings are invalid:\n${parsed.problems.join('\n')}`);
  return parsed.settings;
}

/** `settings` with its restaurant at `index` changed by `patch` (validated again). */
export function withRestaurant(settings: Settings, patch: Partial<RestaurantInput>, index = 0): Settings {
  const restaurants = settings.restaurants.map((r, i) => (i === index ? restaurantSchema.parse({ ...r, ...patch }) : r));
  return { ...settings, restaurants };
}
