import type { Settings } from '../settings/schema.js';

export type RestaurantChoice = { ok: true; ids: string[] } | { ok: false; problem: string };

/**
 * Which restaurants a command is about: the one `--restaurant` names; without it the only one configured, or, when
 * `all` is allowed, every one; several without `all` is an error that lists the ids to choose from.
 */
export function chooseRestaurants(settings: Settings, wanted: string | undefined, all: boolean): RestaurantChoice {
  const ids = settings.restaurants.map((r) => r.id);
  const listing = settings.restaurants.map((r) => `${r.id} (${r.name})`).join(', ');
  if (wanted !== undefined) {
    return ids.includes(wanted) ? { ok: true, ids: [wanted] } : { ok: false, problem: `no restaurant "${wanted}"; the settings have: ${listing}` };
  }
  if (ids.length === 1 || all) return { ok: true, ids };
  return { ok: false, problem: `several restaurants are configured; choose one with --restaurant: ${listing}` };
}
