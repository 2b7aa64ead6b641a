// What of the suite runs on macOS and Windows (`npm run test:portable`, the release and pull-request workflows'
// macOS and Windows jobs). Every test file runs there except the ones below, each with the reason. The Linux job
// runs everything (`npm run verify`). test/packaging/portableSuite.test.ts keeps this list true: a file that starts
// a private bus, a Debian server or Chromium must be named here, and every name here must exist.

/** Needs what only the Linux job has: a private D-Bus (dbus-daemon), gnome-keyring, Debian's servers, Chromium. */
export const LINUX_DESKTOP_ONLY: Readonly<Record<string, string>> = {
  'main/core/connection/logindWake.test.ts': 'a private system bus (dbus-daemon) with a logind stand-in',
  'test/cli/check.test.ts': 'the real Secret Service (gnome-keyring) behind `check`',
  'test/cli/checkLanguage.test.ts': 'the real Secret Service behind `check`',
  'test/cli/checkPush.test.ts': 'Mosquitto and ntfy, and the real Secret Service',
  'test/cli/checkTruth.test.ts': 'the real Secret Service behind `check`',
  'test/cli/credentials.test.ts': 'the real Secret Service',
  'test/cli/credentialsRestaurants.test.ts': 'the real Secret Service',
  'test/cli/credentialsTruth.test.ts': 'the real Secret Service',
  'test/cli/logsAndDiagnostics.test.ts': "util-linux `script` for a pseudo-terminal",
  'test/core/announceCrash.test.ts': 'a private D-Bus notification server',
  'test/core/dbusMute.test.ts': 'a private D-Bus notification server',
  'test/core/dbusNotifier.test.ts': 'a private D-Bus notification server',
  'test/core/languageNotifications.test.ts': 'a private D-Bus notification server',
  'test/core/restaurantIsolation.test.ts': 'a private D-Bus notification server',
  'test/core/rushDbus.test.ts': 'a private D-Bus notification server',
  'test/core/storageProblems.test.ts': 'a private D-Bus notification server',
  'test/core/supportAlerts.test.ts': 'a private D-Bus notification server',
  'test/demo/demo.test.ts': 'Mosquitto (the demo shows an MQTT support request)',
  'test/demo/demoSignals.test.ts': 'Mosquitto (the demo it stops shows an MQTT support request)',
  'test/e2e/electron.test.ts': 'a step of its own on every OS (`npm run test:e2e`), once the Electron binary is installed',
  'test/electron/notifications.test.ts': 'a private D-Bus notification server',
  'test/mqtt/mosquitto.test.ts': 'Mosquitto',
  'test/mqtt/mosquittoAckWindow.test.ts': 'Mosquitto',
  'test/mqtt/mqttProbe.test.ts': 'Mosquitto',
  'test/mqtt/nats.test.ts': 'nats-server',
  'test/ntfy/ntfyParts.test.ts': 'the ntfy server (scripts/fetch-ntfy.sh, Linux build)',
  'test/ntfy/ntfyProbe.test.ts': 'the ntfy server',
  'test/ntfy/ntfyServer.test.ts': 'the ntfy server',
  'test/packaging/fleet.test.ts': 'docs/fleet/provision.sh (bash) and the Linux keyring',
  'test/packaging/linuxCli.test.ts': 'the deb/AppImage `servicebell` wrapper (sh)',
  'test/packaging/pack.test.ts': 'an offline Linux `electron-builder --dir` (the release job packs for real)',
  'test/privmx/privmxDesktop.e2e.test.ts': 'a private D-Bus notification server',
  'test/push/headlessPush.test.ts': 'Mosquitto, ntfy and a private D-Bus notification server',
  'test/renderer/*': "Debian's Chromium (/usr/bin/chromium) for the pages",
  'test/security/secretLeak.test.ts': 'the real Secret Service and a private D-Bus notification server',
  'test/servers/realServers.test.ts': 'Mosquitto, nats-server and ntfy',
  'test/vonage/catchUpBacklog.test.ts': 'a private D-Bus notification server',
  'test/vonage/endToEnd.test.ts': 'a private D-Bus notification server',
};

/** On Windows also left out: they hold POSIX behaviour that Windows does not have. */
export const POSIX_ONLY: Readonly<Record<string, string>> = {
  'main/core/log/rotatingLogFile.test.ts': 'file modes (0600); Windows protects the profile folder with its ACL',
  'test/core/settingsMigration.test.ts': 'file modes (0600)',
  'test/electron/diagnostics.test.ts': 'file modes (0600)',
  'test/cli/cli.test.ts': 'a graceful stop on SIGTERM (Windows has no signals to a child; kill() terminates it)',
  'test/vonage/cursorWrites.test.ts': 'a graceful stop on SIGTERM',
};

/** A name in the lists above: a file, or a folder and everything under it (`folder/*`). */
const globOf = (name: string): string => (name.endsWith('/*') ? `${name}*` : name);
const matches = (name: string, file: string): boolean => (name.endsWith('/*') ? file.startsWith(name.slice(0, -1)) : file === name);

/** The globs vitest leaves out of a portable run on `platform`. */
export function portableExcludes(platform: NodeJS.Platform): string[] {
  const names = Object.keys(LINUX_DESKTOP_ONLY);
  if (platform === 'win32') names.push(...Object.keys(POSIX_ONLY));
  return names.map(globOf);
}

/** Whether the Linux job alone runs `file` (a repository path). */
export function needsLinuxDesktop(file: string): boolean {
  return Object.keys(LINUX_DESKTOP_ONLY).some((name) => matches(name, file));
}
