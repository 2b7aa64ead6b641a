import path from 'node:path';
import { z } from 'zod';
import type { NotificationSettings } from '../settings/schema.js';
import { loadJsonFile, saveJsonFile } from '../storage/jsonFile.js';

export type DndState =
  | { active: false }
  | { active: true; reason: 'paused'; until: number | null }
  | { active: true; reason: 'quiet_hours'; until: number };

const STATE_FILE = 'state.json';
const stateSchema = z.object({ version: z.literal(1), pausedUntil: z.number().nullable().optional() });

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Local minutes since midnight; injectable so tests do not depend on the machine's time zone. */
export type LocalMinutes = (epochMs: number) => number;
export const localMinutes: LocalMinutes = (ms) => {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
};

/**
 * Do not disturb: a manual pause (for a duration, or until resumed; `null` means indefinitely) and daily quiet
 * hours in local time (a window may wrap midnight). The pause survives a restart (`<dataDir>/state.json`).
 */
export class DoNotDisturb {
  private pausedUntil: number | null | undefined;
  /** The quiet hours' state for one minute (epoch minutes) and settings. */
  private quiet: { minute: number; hours: NotificationSettings['quietHours']; state: DndState } | undefined;

  private constructor(
    private readonly file: string,
    private quietHours: NotificationSettings['quietHours'],
    private readonly toLocalMinutes: LocalMinutes,
  ) {}

  static async open(
    dataDir: string,
    quietHours: NotificationSettings['quietHours'],
    toLocalMinutes: LocalMinutes = localMinutes,
    onWarning: (message: string, file: string) => void = () => {},
  ): Promise<DoNotDisturb> {
    const dnd = new DoNotDisturb(path.join(dataDir, STATE_FILE), quietHours, toLocalMinutes);
    const loaded = await loadJsonFile(dnd.file, stateSchema, () => ({ version: 1 as const }));
    if (loaded.status === 'corrupt') {
      onWarning(`${STATE_FILE} was unreadable (${loaded.problem}); moved aside to ${loaded.movedTo}, so any pause was lifted`, STATE_FILE);
    }
    dnd.pausedUntil = loaded.value.pausedUntil;
    return dnd;
  }

  configure(quietHours: NotificationSettings['quietHours']): void {
    this.quietHours = quietHours;
  }

  /** Pause until `until` (epoch ms) or, with `null`, until resumed. */
  async pause(until: number | null): Promise<void> {
    this.pausedUntil = until;
    await saveJsonFile(this.file, { version: 1, pausedUntil: until });
  }

  async resume(): Promise<void> {
    this.pausedUntil = undefined;
    await saveJsonFile(this.file, { version: 1 });
  }

  state(now: number): DndState {
    if (this.pausedUntil === null) return { active: true, reason: 'paused', until: null };
    if (this.pausedUntil !== undefined && now < this.pausedUntil) {
      return { active: true, reason: 'paused', until: this.pausedUntil };
    }
    const q = this.quietHours;
    if (!q.enabled) return { active: false };
    // Quiet hours change state only at a minute's turn: worked out once a minute (the local time of day cost ≈ 20 µs
    // of each alert's way to history when they come one at a time; the latency bench).
    const minute = Math.floor(now / 60_000);
    if (this.quiet?.minute === minute && this.quiet.hours === q) return this.quiet.state;
    const state = this.quietHoursState(now, q);
    this.quiet = { minute, hours: q, state };
    return state;
  }

  private quietHoursState(now: number, q: NotificationSettings['quietHours']): DndState {
    const start = minutesOf(q.start);
    const end = minutesOf(q.end);
    if (start === end) return { active: false };
    const current = this.toLocalMinutes(now);
    const inside = start < end ? current >= start && current < end : current >= start || current < end;
    if (!inside) return { active: false };
    const minutesLeft = (end - current + 24 * 60) % (24 * 60);
    const until = now - (now % 60_000) + minutesLeft * 60_000;
    return { active: true, reason: 'quiet_hours', until };
  }
}
