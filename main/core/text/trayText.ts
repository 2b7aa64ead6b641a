// Every label of the tray menu and its tooltip, in one place (all texts here are translated together later). The
// connection lines are in connectionText.ts, the Mute submenu in muteText.ts, About in aboutText.ts.

export type TrayIconText = 'connected' | 'degraded' | 'offline' | 'dnd';

const ICON: Record<TrayIconText, string> = {
  connected: 'All connected',
  degraded: 'Some connections need attention',
  offline: 'Offline',
  dnd: 'Notifications paused',
};

export const trayText = {
  /** The first line and the tooltip: "Servicebell: All connected (2 unread)". */
  heading: (icon: TrayIconText): string => `Servicebell: ${ICON[icon]}`,
  tooltip: (icon: TrayIconText, unread: number): string => (unread > 0 ? `Servicebell: ${ICON[icon]} (${unread} unread)` : `Servicebell: ${ICON[icon]}`),
  quietHoursUntil: (time: string): string => `Quiet hours until ${time}`,
  pausedUntilResumed: 'Notifications paused until resumed',
  pausedUntil: (time: string): string => `Notifications paused until ${time}`,
  storageMovedAside: (file: string): string => `Data: ${file} was unreadable; moved aside`,
  storageProblem: (message: string): string => `Data: ${message}`,
  recentAlerts: 'Recent alerts',
  /** A recent alert whose meeting can be joined from the menu. */
  joinable: (label: string): string => `${label}  (Join)`,
  pause: 'Pause notifications',
  pauseFor30: 'For 30 minutes',
  pauseFor60: 'For 1 hour',
  pauseUntil: (time: string): string => `Until ${time}`,
  resume: 'Resume notifications',
  muteRestaurant: 'Mute restaurant',
  history: (unread: number): string => (unread > 0 ? `History… (${unread} unread)` : 'History…'),
  markAllRead: 'Mark all read',
  settings: 'Settings…',
  launchAtLogin: 'Launch at login',
  copyDiagnostics: 'Copy diagnostics',
  saveDiagnostics: 'Save diagnostics…',
  restartToUpdate: 'Restart to update',
  about: 'About Servicebell',
  quit: 'Quit Servicebell',
};
