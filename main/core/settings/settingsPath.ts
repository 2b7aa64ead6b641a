import { restaurantPath } from './restaurantPath.js';

/**
 * `restaurants[1].privmx.rules[0].match`; with the (migrated) input at hand, a restaurant is named the way people
 * know it: `restaurants[1] ("Bistro Mokotów").privmx.rules[0].match`.
 */
export function formatPath(segments: ReadonlyArray<PropertyKey>, input?: unknown): string {
  let out = '';
  segments.forEach((s, i) => {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
    if (i === 1 && segments[0] === 'restaurants' && typeof s === 'number') out = restaurantPath(s, restaurantName(input, s));
  });
  return out || '(root)';
}

function restaurantName(input: unknown, index: number): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const list = (input as { restaurants?: unknown }).restaurants;
  const entry: unknown = Array.isArray(list) ? list[index] : undefined;
  const name = entry !== null && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 100) : undefined;
}
