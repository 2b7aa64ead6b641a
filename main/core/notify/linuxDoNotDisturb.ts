import { execFile } from 'node:child_process';
import { findOnPath } from '../links/linkOpener.js';

/** One way to ask the desktop whether do-not-disturb is on; `undefined` when this desktop cannot tell. */
export type DndProbe = () => Promise<boolean | undefined>;

/**
 * GNOME keeps do-not-disturb as `org.gnome.desktop.notifications show-banners = false`. Read with `gsettings`
 * (found on PATH, no shell); absent elsewhere, which is "cannot tell".
 */
export function gnomeBannersProbe(timeoutMs = 1000): DndProbe {
  return () =>
    new Promise((resolve) => {
      const gsettings = findOnPath('gsettings');
      if (!gsettings) return resolve(undefined);
      execFile(gsettings, ['get', 'org.gnome.desktop.notifications', 'show-banners'], { timeout: timeoutMs }, (err, stdout) => {
        if (err) return resolve(undefined);
        const value = stdout.trim();
        resolve(value === 'false' ? true : value === 'true' ? false : undefined);
      });
    });
}

/**
 * Whether the desktop's own do-not-disturb is on, from several probes (KDE's `Inhibited` property, GNOME's
 * setting), cached briefly: it is asked next to every notification and must not slow them down.
 */
export class DesktopDoNotDisturb {
  private cached: { at: number; value: Promise<boolean> } | undefined;

  constructor(
    private readonly probes: readonly DndProbe[],
    private readonly ttlMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  active(): Promise<boolean> {
    const at = this.now();
    if (this.cached && at - this.cached.at < this.ttlMs) return this.cached.value;
    const value = Promise.all(this.probes.map((p) => p().catch(() => undefined))).then((answers) => answers.includes(true));
    this.cached = { at, value };
    return value;
  }
}
