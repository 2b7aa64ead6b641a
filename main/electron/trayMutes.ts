// The tray's "Mute" submenu: one restaurant (with several) or one kind of alert, for an hour or until 06:00, and an
// "Unmute" item for each mute running now. The lasting mute of a restaurant is the "Mute restaurant" checkbox.
import type { MenuItemConstructorOptions } from 'electron';
import type { Mute, MuteTarget } from '../core/alerts/mutes.js';
import { nextMorning } from '../core/alerts/pauseUntil.js';
import type { Translator } from '../../common/i18n/translator.js';
import { ENGLISH } from '../core/text/english.js';
import { muteTextFor } from '../core/text/muteText.js';
import { severalRestaurants, type TrayRestaurant } from './trayRestaurants.js';

/** 60 minutes, or until the next 06:00. */
export type MuteChoice = 60 | 'morning';

export interface MuteActions {
  mute(target: MuteTarget, choice: MuteChoice): void;
  unmute(target: MuteTarget): void;
}

export interface MuteMenuInput {
  restaurants?: readonly TrayRestaurant[];
  /** Kinds of alert seen lately that can be muted (never support requests), newest first. */
  kinds: readonly string[];
  mutes: readonly Mute[];
  now: number;
  formatTime(ms: number): string;
  /** The language of the labels; absent: English. */
  translator?: Translator;
}

const nameOf = (restaurants: readonly TrayRestaurant[] | undefined, id: string): string => restaurants?.find((r) => r.id === id)?.name ?? id;

/** "Muted: Pizzeria Wola, orders" for the status part of the menu, or undefined when nothing is muted for a while. */
export function mutedLine(input: Pick<MuteMenuInput, 'restaurants' | 'mutes' | 'translator'>): string | undefined {
  if (input.mutes.length === 0) return undefined;
  const muteText = muteTextFor(input.translator ?? ENGLISH);
  return muteText.mutedLine(input.mutes.map((m) => (m.scope === 'restaurant' ? nameOf(input.restaurants, m.id) : muteText.kindName(m.id))));
}

export function muteMenu(input: MuteMenuInput, actions: MuteActions | undefined): MenuItemConstructorOptions[] {
  if (!actions) return [];
  const muteText = muteTextFor(input.translator ?? ENGLISH);
  const morning = input.formatTime(nextMorning(input.now));
  const running = (target: MuteTarget): boolean => input.mutes.some((m) => m.scope === target.scope && m.id === target.id);
  const offers = (target: MuteTarget, forHour: string, untilMorning: string): MenuItemConstructorOptions[] =>
    running(target)
      ? []
      : [
          { label: forHour, click: () => actions.mute(target, 60) },
          { label: untilMorning, click: () => actions.mute(target, 'morning') },
        ];
  const restaurants = severalRestaurants(input.restaurants) ? (input.restaurants ?? []) : [];
  const byRestaurant = restaurants.flatMap((r) =>
    offers({ scope: 'restaurant', id: r.id }, muteText.restaurantForHour(r.name), muteText.restaurantUntil(r.name, morning)),
  );
  const byKind = input.kinds.flatMap((k) => offers({ scope: 'kind', id: k }, muteText.kindForHour(k), muteText.kindUntil(k, morning)));
  const unmute = input.mutes.map((m): MenuItemConstructorOptions => {
    const until = input.formatTime(m.until);
    const label = m.scope === 'restaurant' ? muteText.unmuteRestaurant(nameOf(input.restaurants, m.id), until) : muteText.unmuteKind(m.id, until);
    return { label, click: () => actions.unmute({ scope: m.scope, id: m.id }) };
  });
  const groups = [byRestaurant, byKind, unmute].filter((g) => g.length > 0);
  if (groups.length === 0) return [];
  const submenu = groups.flatMap((g, i): MenuItemConstructorOptions[] => (i === 0 ? g : [{ type: 'separator' }, ...g]));
  return [{ label: muteText.menu, submenu }];
}
