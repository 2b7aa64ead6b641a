// Every label of the tray menu and its tooltip, made in the language spoken now (common/i18n catalogues, the tray
// section). The connection lines are in connectionText.ts, the Mute submenu in muteText.ts, About in aboutText.ts.
import type { Translator } from '../../../common/i18n/translator.js';
import { ENGLISH } from './english.js';

export type TrayIconText = 'connected' | 'degraded' | 'offline' | 'dnd';

export function trayTextFor(t: Translator) {
  const icon = (state: TrayIconText): string => t.t(`tray.icon.${state}`);
  return {
    /** The first line and the tooltip: "Servicebell: All connected (2 unread)". */
    heading: (state: TrayIconText): string => t.t('tray.heading', { state: icon(state) }),
    tooltip: (state: TrayIconText, unread: number): string =>
      unread > 0 ? t.t('tray.tooltipUnread', { state: icon(state), unread }) : t.t('tray.heading', { state: icon(state) }),
    quietHoursUntil: (time: string): string => t.t('tray.quietHoursUntil', { time }),
    pausedUntilResumed: t.t('tray.pausedUntilResumed'),
    pausedUntil: (time: string): string => t.t('tray.pausedUntil', { time }),
    storageMovedAside: (file: string): string => t.t('tray.storageMovedAside', { file }),
    storageProblem: (message: string): string => t.t('tray.storageProblem', { message }),
    recentAlerts: t.t('tray.recentAlerts'),
    /** A recent alert whose meeting can be joined from the menu. */
    joinable: (label: string): string => t.t('tray.joinable', { label }),
    pause: t.t('tray.pause'),
    pauseFor30: t.t('tray.pause.for30'),
    pauseFor60: t.t('tray.pause.for60'),
    pauseUntil: (time: string): string => t.t('tray.pause.untilMorning', { time }),
    resume: t.t('tray.resume'),
    muteRestaurant: t.t('tray.muteRestaurant'),
    history: (unread: number): string => (unread > 0 ? t.t('tray.historyUnread', { unread }) : t.t('tray.history')),
    markAllRead: t.t('tray.markAllRead'),
    settings: t.t('tray.settings'),
    launchAtLogin: t.t('tray.launchAtLogin'),
    copyDiagnostics: t.t('tray.copyDiagnostics'),
    saveDiagnostics: t.t('tray.saveDiagnostics'),
    restartToUpdate: t.t('tray.restartToUpdate'),
    about: t.t('tray.about'),
    quit: t.t('tray.quit'),
  };
}

export type TrayText = ReturnType<typeof trayTextFor>;

/** The English labels (tests and callers that have no language at hand). */
export const trayText: TrayText = trayTextFor(ENGLISH);
