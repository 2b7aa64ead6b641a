// What the tray and the notifications say about muting, in one place (all texts here are translated together later).
import { createTranslator, type Translator } from '../../../common/i18n/translator.js';

const english = createTranslator('en');

/** Alert kinds in plain words, plural as "Mute … for 1 hour" needs them; other kinds are named by their words. */
const KIND_WORDS: Record<string, string> = {
  support_request: 'support requests',
  threadNewMessage: 'messages',
  storeFileCreated: 'files',
  ntfy_message: 'ntfy messages',
  order: 'orders',
  new_order: 'new orders',
};

/** "messages", "orders"; an unknown kind `table.call` reads "table call alerts". */
export function kindWords(kind: string): string {
  const known = KIND_WORDS[kind];
  if (known) return known;
  const words = kind
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words === '' ? 'alerts' : `${words} alerts`;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const MUTE_HOUR_MS = 3600_000;

export const muteText = {
  /** The tray submenu. */
  menu: 'Mute',
  /** The notification button on alerts that are not support requests. */
  notificationAction: (kind: string, t: Translator = english): string => notificationMuteLabel(kind, t),
  /** Tray items: "Orders for 1 hour", "Pizzeria Wola until 06:00". */
  kindForHour: (kind: string): string => `${capitalised(kindWords(kind))} for 1 hour`,
  kindUntil: (kind: string, time: string): string => `${capitalised(kindWords(kind))} until ${time}`,
  restaurantForHour: (name: string): string => `${name} for 1 hour`,
  restaurantUntil: (name: string, time: string): string => `${name} until ${time}`,
  /** For an active mute: "Unmute orders (muted until 11:30)". */
  unmuteKind: (kind: string, time: string): string => `Unmute ${kindWords(kind)} (muted until ${time})`,
  unmuteRestaurant: (name: string, time: string): string => `Unmute ${name} (muted until ${time})`,
  /** A kind in a list: "orders". */
  kindName: (kind: string): string => kindWords(kind),
  /** The status part of the menu while something is muted. */
  mutedLine: (what: readonly string[]): string => `Muted: ${what.join(', ')}`,
};

/** "Mute orders for 1 hour" in the given language (catalogue `notification.mute`, one sentence per known kind). */
function notificationMuteLabel(kind: string, t: Translator): string {
  if (Object.hasOwn(KIND_WORDS, kind)) return t.t('notification.mute', { kind, words: '' });
  const words = kindWords(kind);
  return words === 'alerts' ? t.t('notification.mute', { kind: 'nowords', words: '' }) : t.t('notification.mute', { kind: 'other', words: words.replace(/ alerts$/, '') });
}
