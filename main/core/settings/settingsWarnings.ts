import { isLoopbackHost, type Settings } from './schema.js';
import { restaurantPath } from './restaurantPath.js';

/** A valid setting that silently does nothing useful, or works less safely than meant; shown by `check` and by the settings window on save. */
export interface SettingsWarning {
  path: string;
  message: string;
}

/** Warnings about the settings every restaurant shares (none so far; kept so a global one has its place). */
export function globalSettingsWarnings(_settings: Settings): SettingsWarning[] {
  return [];
}

/**
 * Warnings about `restaurants[index]`. With several restaurants each path names the restaurant
 * (`restaurants[1] ("Bistro").links.allowedHosts`); with one it reads as it always did (`links.allowedHosts`).
 */
export function restaurantSettingsWarnings(settings: Settings, index: number): SettingsWarning[] {
  const restaurant = settings.restaurants[index];
  if (!restaurant) return [];
  const at = settings.restaurants.length > 1 ? `${restaurantPath(index, restaurant.name)}.` : '';
  const warnings: SettingsWarning[] = [];
  if (restaurant.sms.to.length === 0) {
    restaurant.privmx.rules.forEach((rule, i) => {
      if (rule.actions.includes('sms')) warnings.push({ path: `${at}privmx.rules[${i}].actions`, message: '"sms" is set but sms.to is empty, so no SMS is ever sent' });
    });
  }
  const cleartext = (url: string | undefined, plain: readonly string[]): boolean => {
    if (url === undefined) return false;
    const u = new URL(url);
    return plain.includes(u.protocol) && !isLoopbackHost(u.hostname);
  };
  // A broker or ntfy server on the shop's network may be reached in clear on purpose; say what that sends.
  if (restaurant.mqtt.enabled && cleartext(restaurant.mqtt.url, ['mqtt:', 'ws:'])) {
    warnings.push({ path: `${at}mqtt.url`, message: 'not encrypted: the password and every support request cross the network in clear (use mqtts: or wss:)' });
  }
  if (restaurant.ntfy.enabled && cleartext(restaurant.ntfy.baseUrl, ['http:'])) {
    warnings.push({ path: `${at}ntfy.baseUrl`, message: 'not encrypted: the token or password and every message cross the network in clear (use https:)' });
  }
  if (restaurant.links.allowedHosts.length === 0) {
    warnings.push({ path: `${at}links.allowedHosts`, message: 'empty, so no alert ever gets a Join Meeting link' });
  }
  return warnings;
}

export function settingsWarnings(settings: Settings): SettingsWarning[] {
  return [...globalSettingsWarnings(settings), ...settings.restaurants.flatMap((_r, i) => restaurantSettingsWarnings(settings, i))];
}

/** `restaurants[0] ("Restaurant").links.allowedHosts: empty, so …` */
export const formatWarning = (w: SettingsWarning): string => `${w.path}: ${w.message}`;
