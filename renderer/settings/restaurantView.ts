// Until the page lists restaurants, the form edits the first one: it sees a flat view (that restaurant's sections
// beside the global ones, as settings version 1 had them) and saves it back into `restaurants[0]`.
type Json = Record<string, unknown>;

/** The keys of a restaurant in settings version 2 (the schema, in main, is the authority). */
const RESTAURANT_KEYS = ['id', 'name', 'muted', 'vonage', 'privmx', 'mqtt', 'ntfy', 'sms', 'links'];

function restaurants(settings: Json): Json[] {
  const list = settings.restaurants;
  return Array.isArray(list) ? (list.filter((r) => r !== null && typeof r === 'object') as Json[]) : [];
}

export function toView(settings: Json): Json {
  const { restaurants: _list, ...global } = settings;
  return { ...global, ...(restaurants(settings)[0] ?? {}) };
}

export function fromView(view: Json, base: Json): Json {
  const first: Json = {};
  const global: Json = {};
  for (const [key, value] of Object.entries(view)) (RESTAURANT_KEYS.includes(key) ? first : global)[key] = value;
  return { ...global, restaurants: [first, ...restaurants(base).slice(1)] };
}

/** `restaurants[0] ("Bistro").privmx.rules[0].title: …` → `privmx.rules[0].title: …`, so it finds its field. */
export function viewProblem(problem: string): string {
  return problem.replace(/^restaurants\[0\](?: \("(?:[^"\\]|\\.)*"\))?\./, '');
}
