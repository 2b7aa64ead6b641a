import dbus from 'dbus-next';
import type { NotificationRequest } from './notifier.js';

/** The freedesktop sound theme's name for "a message needing attention arrived" (the sound-naming spec). */
export const SYSTEM_SOUND_NAME = 'message-new-instant';

/** Urgency byte values of the Desktop Notifications spec. */
const NORMAL = 1;
const CRITICAL = 2;

/**
 * The hints of one `Notify` call (Desktop Notifications spec 1.2). A persistent request is critical (servers do not
 * expire those, GNOME keeps them on screen) and resident (the server keeps it after an action is invoked). Sound:
 * `sound-file` for the bundled bell (an absolute path), `sound-name` for the system's, `suppress-sound` for off.
 */
export function dbusHints(request: NotificationRequest, bundledSound: string | undefined): Record<string, dbus.Variant> {
  const hints: Record<string, dbus.Variant> = {
    urgency: new dbus.Variant('y', request.persistent ? CRITICAL : NORMAL),
    'desktop-entry': new dbus.Variant('s', 'servicebell'),
  };
  if (request.persistent) hints.resident = new dbus.Variant('b', true);
  const sound = request.sound ?? 'off';
  if (sound === 'off') hints['suppress-sound'] = new dbus.Variant('b', true);
  else if (sound === 'bundled' && bundledSound) hints['sound-file'] = new dbus.Variant('s', bundledSound);
  else hints['sound-name'] = new dbus.Variant('s', SYSTEM_SOUND_NAME);
  return hints;
}

/** Milliseconds, or the spec's 0 (never expires) for a persistent request and -1 (the server decides) otherwise. */
export function dbusExpireTimeout(request: NotificationRequest): number {
  return request.persistent ? 0 : -1;
}
