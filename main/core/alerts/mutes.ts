import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile, saveJsonFile } from '../storage/jsonFile.js';
import type { Alert } from './alert.js';

/** A mute for a while: one restaurant's alerts, or one kind of alert in every restaurant. */
export const muteSchema = z.object({ scope: z.enum(['restaurant', 'kind']), id: z.string().min(1).max(128), until: z.number().int().nonnegative() });
export type Mute = z.infer<typeof muteSchema>;
export type MuteTarget = Pick<Mute, 'scope' | 'id'>;

const FILE = 'mutes.json';
const fileSchema = z.object({ version: z.literal(1), mutes: z.array(muteSchema).max(500) });

/** Support requests are never muted by kind: a guest waiting on a call is what Servicebell is for. */
export const UNMUTABLE_KINDS: ReadonlySet<string> = new Set(['support_request']);

/**
 * Mutes for a while, from the tray or a notification's "Mute … for 1 hour" (the settings' `restaurants[].muted` is
 * the lasting one). Muted alerts go to history with reason `muted`, not to the screen. Kept in `<dataDir>/mutes.json`
 * so a restart does not lift them; ended ones are dropped at the next change.
 */
export class Mutes {
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly file: string,
    private mutes: Mute[],
  ) {}

  static async open(dataDir: string, onWarning: (message: string, file: string) => void = () => {}): Promise<Mutes> {
    const file = path.join(dataDir, FILE);
    const loaded = await loadJsonFile(file, fileSchema, () => ({ version: 1 as const, mutes: [] }));
    if (loaded.status === 'corrupt') onWarning(`${FILE} was unreadable (${loaded.problem}); moved aside to ${loaded.movedTo}, so any mute was lifted`, FILE);
    return new Mutes(file, loaded.value.mutes);
  }

  /** The mutes still running at `now`, restaurants first, each target once. */
  active(now: number): Mute[] {
    return this.mutes.filter((m) => m.until > now).sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'restaurant' ? -1 : 1));
  }

  /** Whether a mute covers this alert at `now`. */
  covers(alert: Pick<Alert, 'restaurant' | 'kind'>, now: number): boolean {
    return this.mutes.some((m) => m.until > now && (m.scope === 'restaurant' ? m.id === alert.restaurant : m.id === alert.kind && !UNMUTABLE_KINDS.has(alert.kind)));
  }

  /** Mutes `target` until `until` (replacing a mute of the same target). A support-request kind is refused. */
  async mute(target: MuteTarget, until: number, now: number): Promise<void> {
    if (target.scope === 'kind' && UNMUTABLE_KINDS.has(target.id)) throw new Error(`alerts of kind ${target.id} cannot be muted`);
    const mute = muteSchema.parse({ ...target, until });
    await this.save([...this.others(target, now), mute]);
  }

  async unmute(target: MuteTarget, now: number): Promise<void> {
    await this.save(this.others(target, now));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private others(target: MuteTarget, now: number): Mute[] {
    return this.mutes.filter((m) => m.until > now && !(m.scope === target.scope && m.id === target.id));
  }

  private async save(next: Mute[]): Promise<void> {
    this.mutes = next;
    for (const listener of this.listeners) listener();
    await saveJsonFile(this.file, { version: 1, mutes: next });
  }
}
