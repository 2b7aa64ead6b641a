import { execFile, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { findOnPath } from '../links/linkOpener.js';

/** Reports the desktop's do-not-disturb as it changes: `undefined` when this desktop cannot tell. */
export type DndWatcher = (onChange: (active: boolean | undefined) => void) => () => void;

const KEY = ['org.gnome.desktop.notifications', 'show-banners'] as const;

function parseBanners(text: string): boolean | undefined {
  const value = text.trim().split(/\s+/).pop();
  return value === 'false' ? true : value === 'true' ? false : undefined;
}

/** GNOME (also Ubuntu's `ubuntu:GNOME`, `GNOME-Classic:GNOME`, Budgie's `Budgie:GNOME`), from `XDG_CURRENT_DESKTOP`. */
export function isGnomeDesktop(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.XDG_CURRENT_DESKTOP ?? '').split(':').some((name) => name.trim().toUpperCase().includes('GNOME'));
}

/**
 * GNOME keeps do-not-disturb as `show-banners = false`. Read once with `gsettings get`, then follow
 * `gsettings monitor` (one long-lived child, found on PATH, no shell), so nothing runs per notification.
 * Only on GNOME: elsewhere the key means nothing, and the monitor would be a second process (≈ 6 MB) for nothing.
 */
export const gnomeBannersWatcher: DndWatcher = (onChange) => {
  if (!isGnomeDesktop()) return () => {};
  const gsettings = findOnPath('gsettings');
  if (!gsettings) return () => {};
  execFile(gsettings, ['get', ...KEY], { timeout: 2000 }, (err, stdout) => onChange(err ? undefined : parseBanners(stdout)));
  const monitor = spawn(gsettings, ['monitor', ...KEY], { stdio: ['ignore', 'pipe', 'ignore'] });
  monitor.on('error', () => onChange(undefined));
  const out = monitor.stdout as Readable & { unref?: () => void };
  out.on('data', (chunk: Buffer) => {
    const last = chunk.toString().trim().split('\n').pop();
    if (last) onChange(parseBanners(last));
  });
  // Following a setting must never keep a stopping process alive.
  out.unref?.();
  monitor.unref();
  return () => monitor.kill();
};

/** The desktop's do-not-disturb from several watchers (KDE's `Inhibited`, GNOME's setting): on if any says so. */
export class DesktopDoNotDisturb {
  private readonly states = new Map<number, boolean | undefined>();
  private stops: Array<() => void> = [];

  constructor(private readonly watchers: readonly DndWatcher[]) {}

  start(): void {
    if (this.stops.length > 0) return;
    this.stops = this.watchers.map((watch, i) => watch((active) => this.states.set(i, active)));
  }

  /** Used by adapters that learn the state some other way (a D-Bus property signal). */
  report(index: number, active: boolean | undefined): void {
    this.states.set(index, active);
  }

  get active(): boolean {
    return [...this.states.values()].includes(true);
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }
}
