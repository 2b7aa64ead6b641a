// What the tray and the notifications say about muting. The tray's items are made in the language spoken now
// (common/i18n catalogues, the tray section); the notification button is the notifications' part.
import type { MessageKey } from '../../../common/i18n/catalogues/en.js';
import type { Translator } from '../../../common/i18n/translator.js';
import { ENGLISH } from './english.js';

/** Alert kinds in plain words, plural as "Mute … for 1 hour" needs them; other kinds are named by their words. */
const KIND_WORDS: Record<string, MessageKey> = {
  support_request: 'tray.kind.support_request',
  threadNewMessage: 'tray.kind.threadNewMessage',
  storeFileCreated: 'tray.kind.storeFileCreated',
  ntfy_message: 'tray.kind.ntfy_message',
  order: 'tray.kind.order',
  new_order: 'tray.kind.new_order',
};

/** "messages", "orders"; an unknown kind `table.call` reads "table call alerts". */
export function kindWords(kind: string, t: Translator = ENGLISH): string {
  const known = Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind] : undefined;
  if (known) return t.t(known);
  const words = kind
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words === '' ? t.t('tray.kind.alerts') : t.t('tray.kind.other', { words });
}

const capitalised = (text: string, t: Translator): string => text.charAt(0).toLocaleUpperCase(t.language) + text.slice(1);

export const MUTE_HOUR_MS = 3600_000;

/** The tray's Mute submenu and status line, in `t`'s language. */
export function muteTextFor(t: Translator) {
  return {
    /** The tray submenu. */
    menu: t.t('tray.mute.menu'),
    /** Tray items: "Orders for 1 hour", "Pizzeria Wola until 06:00". */
    kindForHour: (kind: string): string => t.t('tray.mute.kindForHour', { what: capitalised(kindWords(kind, t), t) }),
    kindUntil: (kind: string, time: string): string => t.t('tray.mute.kindUntil', { what: capitalised(kindWords(kind, t), t), time }),
    restaurantForHour: (name: string): string => t.t('tray.mute.restaurantForHour', { name }),
    restaurantUntil: (name: string, time: string): string => t.t('tray.mute.restaurantUntil', { name, time }),
    /** For an active mute: "Unmute orders (muted until 11:30)". */
    unmuteKind: (kind: string, time: string): string => t.t('tray.mute.unmuteKind', { what: kindWords(kind, t), time }),
    unmuteRestaurant: (name: string, time: string): string => t.t('tray.mute.unmuteRestaurant', { name, time }),
    /** A kind in a list: "orders". */
    kindName: (kind: string): string => kindWords(kind, t),
    /** The status part of the menu while something is muted. */
    mutedLine: (what: readonly string[]): string => t.t('tray.mute.mutedLine', { what: what.join(', ') }),
  };
}

export const muteText = {
  ...muteTextFor(ENGLISH),
  /** The notification button on alerts that are not support requests. */
  notificationAction: (kind: string, t: Translator = ENGLISH): string => notificationMuteLabel(kind, t),
};

/** "Mute orders for 1 hour" in the given language (catalogue `notification.mute`, one sentence per known kind). */
function notificationMuteLabel(kind: string, t: Translator): string {
  if (Object.hasOwn(KIND_WORDS, kind)) return t.t('notification.mute', { kind, words: '' });
  const words = kindWords(kind);
  return words === 'alerts' ? t.t('notification.mute', { kind: 'nowords', words: '' }) : t.t('notification.mute', { kind: 'other', words: words.replace(/ alerts$/, '') });
}
