import type { Settings } from './schema.js';

/** The settings with one restaurant muted or unmuted (unknown id: unchanged). */
export function withMuted(settings: Settings, restaurant: string, muted: boolean): Settings {
  return { ...settings, restaurants: settings.restaurants.map((r) => (r.id === restaurant ? { ...r, muted } : r)) };
}
