// What the tray shows of the restaurants: whose connection a status line is, whose alert a recent line is, and the
// "Mute restaurant" submenu. With one restaurant (or none listed) every label reads as it did before restaurants.
import type { MenuItemConstructorOptions } from 'electron';
import { trayText } from '../core/text/trayText.js';

export interface TrayRestaurant {
  id: string;
  name: string;
  muted: boolean;
}

export function severalRestaurants(restaurants: readonly TrayRestaurant[] | undefined): boolean {
  return (restaurants?.length ?? 0) > 1;
}

/** "Bistro Mokotów · Vonage" with several restaurants; "Vonage" with one. */
export function ofRestaurant(restaurants: readonly TrayRestaurant[] | undefined, id: string, label: string): string {
  if (!severalRestaurants(restaurants)) return label;
  const name = restaurants?.find((r) => r.id === id)?.name ?? id;
  return `${name} · ${label}`;
}

/** One checkbox per restaurant; only offered with several (with one, "Pause notifications" does the same). */
export function muteSubmenu(
  restaurants: readonly TrayRestaurant[] | undefined,
  setMuted: ((restaurant: string, muted: boolean) => void) | undefined,
  label: string = trayText.muteRestaurant,
): MenuItemConstructorOptions[] {
  if (!restaurants || !severalRestaurants(restaurants) || !setMuted) return [];
  return [
    {
      label,
      submenu: restaurants.map((r) => ({ label: r.name, type: 'checkbox', checked: r.muted, click: (item) => setMuted(r.id, item.checked) })),
    },
  ];
}
