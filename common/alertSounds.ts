// The sound choices of `notifications.sounds`, shared by the settings schema (main) and the Settings window: plain
// data, so the renderer need not import the core.

/** Nothing, the bell shipped with the app, or the system's own notification sound. */
export const ALERT_SOUNDS = ['off', 'bundled', 'system'] as const;
export type AlertSound = (typeof ALERT_SOUNDS)[number];

/** The `notifications.sounds` key for every kind not listed (support requests keep their own default). */
export const ANY_OTHER_KIND = '*';

export function isAlertSound(value: unknown): value is AlertSound {
  return (ALERT_SOUNDS as readonly unknown[]).includes(value);
}
