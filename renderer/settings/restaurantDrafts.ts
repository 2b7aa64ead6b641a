// The restaurants as the settings window edits them: an ordered list of drafts (each restaurant's settings object
// plus the secrets typed for it), turned back into `restaurants[]` on save. Pure: no DOM, so it is tested in Node.
type Json = Record<string, unknown>;
export type TypedSecrets = Record<string, string>;

export interface Draft {
  /** The restaurant's settings object as the form last left it (id, name, muted, vonage, privmx, …). */
  data: Json;
  /** Secrets typed for it and not saved yet; never read back from main. */
  secrets: TypedSecrets;
  /** Saved at least once: its id names keychain accounts and cursors, so it no longer changes. */
  saved: boolean;
  /** Its id was typed by hand, so renaming no longer derives it from the name. */
  idTyped: boolean;
  /** The problems main found in it at the last save, as main words them (they name the restaurant). */
  problems: string[];
}

/** The schema's id form (main checks it again): lower-case letters, digits and -, 1–64. */
export const ID_FORM = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** "Bistro Mokotów" → "bistro-mokotow". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'restaurant' : slug;
}

/** `slugify(name)`, with -2, -3, … when another restaurant has it. */
export function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const idOf = (draft: Draft): string => (typeof draft.data.id === 'string' ? draft.data.id : '');
export const nameOf = (draft: Draft): string => (typeof draft.data.name === 'string' ? draft.data.name : '');

export function draftsFrom(settings: Json): Draft[] {
  const list = Array.isArray(settings.restaurants) ? settings.restaurants : [];
  return list.filter((r): r is Json => r !== null && typeof r === 'object').map((data) => ({ data: structuredClone(data), secrets: {}, saved: true, idTyped: true, problems: [] }));
}

/** A new restaurant from main's defaults (every connection off), named `name`, with an id no other draft has. */
export function newDraft(template: Json, name: string, others: readonly Draft[]): Draft {
  const taken = new Set(others.map(idOf));
  return { data: { ...structuredClone(template), id: uniqueId(name, taken), name }, secrets: {}, saved: false, idTyped: false, problems: [] };
}

/** Moves the draft at `from` to `to` in place; false when `to` is outside the list. */
export function move(drafts: Draft[], from: number, to: number): boolean {
  if (to < 0 || to >= drafts.length || from === to) return false;
  const [draft] = drafts.splice(from, 1);
  if (draft) drafts.splice(to, 0, draft);
  return true;
}

/** The settings to save: the globals of `base` (and what the form set), with the drafts as `restaurants`, in order. */
export function settingsFrom(globals: Json, drafts: readonly Draft[]): Json {
  return { ...globals, restaurants: drafts.map((d) => d.data) };
}

/** The secrets typed per restaurant id, as settings:save takes them. */
export function typedSecrets(drafts: readonly Draft[]): Record<string, TypedSecrets> {
  return Object.fromEntries(drafts.filter((d) => Object.keys(d.secrets).length > 0).map((d) => [idOf(d), { ...d.secrets }]));
}

// The name is JSON-quoted and may hold ": "; the path after it has no spaces.
const RESTAURANT_PROBLEM = /^restaurants\[(\d+)\](?: \("(?:[^"\\]|\\.)*"\))?(?:\.(\S+))?: ([\s\S]*)$/;

/**
 * Whose problem it is: `restaurants[1] ("Bistro Mokotów").vonage.backendUrl: must be …` → restaurant 1 and the path
 * inside it (`vonage.backendUrl: must be …`, which finds the field); anything else is a global problem.
 */
export function splitProblem(problem: string): { restaurant?: number; local: string } {
  const m = RESTAURANT_PROBLEM.exec(problem);
  if (!m) return { local: problem };
  return { restaurant: Number(m[1]), local: m[2] === undefined ? m[3] ?? '' : `${m[2]}: ${m[3] ?? ''}` };
}
