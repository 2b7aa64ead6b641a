// Which sections of the settings window hold changes not saved yet. Each restaurant draft is compared with itself as
// it was first shown after a load or save (so switching restaurants changes nothing), the globals with the form at
// load or save, the list with its order then. Pure: no DOM.
import type { Draft } from './restaurantDrafts.js';

export type Section = 'notifications' | 'restaurants' | 'rules' | 'advanced';
type Json = Record<string, unknown>;
type Parts = Record<Section, string>;

/** JSON with sorted keys and no undefined members, so the order a form sets keys in does not count as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** A restaurant's settings cut along the window's sections: rules; endpoints (advanced); the rest, with typed secrets. */
export function draftParts(draft: Draft): Parts {
  const { privmx, vonage, sms, ...rest } = draft.data;
  const { rules, ...privmxRest } = obj(privmx);
  const { sdk, ...vonageRest } = obj(vonage);
  const { apiUrl, ...smsRest } = obj(sms);
  return {
    notifications: '',
    rules: canonical(rules ?? []),
    advanced: canonical({ sdk, apiUrl }),
    restaurants: canonical({ ...rest, privmx: privmxRest, vonage: vonageRest, sms: smsRest, secrets: draft.secrets }),
  };
}

/** The settings every restaurant shares, as the form reads them: notifications and ui; updates (advanced). */
export function globalParts(globals: Json): Parts {
  return { notifications: canonical({ notifications: globals.notifications, ui: globals.ui }), advanced: canonical(globals.updates), restaurants: '', rules: '' };
}

export class UnsavedChanges {
  private drafts = new WeakMap<Draft, Parts>();
  private list: readonly Draft[] = [];
  private globals: Parts = globalParts({});

  /** After a load or a save: what the window holds now is what is saved. */
  reset(globals: Json, drafts: readonly Draft[]): void {
    this.drafts = new WeakMap();
    this.list = [...drafts];
    this.globals = globalParts(globals);
  }

  /** A draft as the form first showed it: its baseline, unless it has one. */
  seen(draft: Draft): void {
    if (!this.drafts.has(draft)) this.drafts.set(draft, draftParts(draft));
  }

  /** The sections that differ from what is saved. */
  changed(globals: Json, drafts: readonly Draft[]): Set<Section> {
    const out = new Set<Section>();
    const now = globalParts(globals);
    for (const section of ['notifications', 'advanced'] as const) if (now[section] !== this.globals[section]) out.add(section);
    if (drafts.length !== this.list.length || drafts.some((d, i) => d !== this.list[i])) out.add('restaurants');
    for (const draft of drafts) {
      const base = this.drafts.get(draft);
      if (!base) continue;
      const parts = draftParts(draft);
      for (const section of ['restaurants', 'rules', 'advanced'] as const) if (parts[section] !== base[section]) out.add(section);
    }
    return out;
  }
}
