// Windows toasts activate the app through `servicebell://activate?token=…` (as Signal Desktop does), so a click
// works from the Action Center and after the app was closed. The token is one-time and maps to an alert key only:
// the URL itself never names a link; the pipeline re-checks the link policy before anything opens.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile, saveJsonFile } from '../core/storage/jsonFile.js';
import { JOIN_LABEL, type NotificationActivation, type NotificationRequest } from '../core/notify/notifier.js';

export const PROTOCOL_SCHEME = 'servicebell';
const TOKEN = /^[0-9a-f]{32}$/;
const MAX_TOKENS = 400;
const TTL_MS = 7 * 24 * 3600_000;

const fileSchema = z.object({
  version: z.literal(1),
  tokens: z.array(z.object({ token: z.string().regex(TOKEN), key: z.string(), action: z.enum(['join', 'default', 'mute']), at: z.number() })),
});
type Entry = z.infer<typeof fileSchema>['tokens'][number];

export class ToastTokens {
  private constructor(
    private readonly file: string | undefined,
    private entries: Entry[],
    private readonly now: () => number,
  ) {}

  /** With a file, tokens survive a restart (a click on a toast may be what starts the app). */
  static async open(dataDir: string | undefined, now: () => number = Date.now): Promise<ToastTokens> {
    if (!dataDir) return new ToastTokens(undefined, [], now);
    const file = path.join(dataDir, 'toast-tokens.json');
    const loaded = await loadJsonFile(file, fileSchema, () => ({ version: 1 as const, tokens: [] }));
    return new ToastTokens(file, loaded.value.tokens, now);
  }

  async issue(key: string, action: NotificationActivation['action']): Promise<string> {
    const token = randomBytes(16).toString('hex');
    const fresh = this.entries.filter((e) => this.now() - e.at < TTL_MS);
    this.entries = [...fresh, { token, key, action, at: this.now() }].slice(-MAX_TOKENS);
    await this.persist();
    return token;
  }

  async consume(token: string): Promise<NotificationActivation | undefined> {
    const entry = this.entries.find((e) => e.token === token && this.now() - e.at < TTL_MS);
    if (!entry) return undefined;
    // Both tokens of one toast go: after a click the toast is spent, whichever part was used.
    this.entries = this.entries.filter((e) => e.key !== entry.key);
    await this.persist();
    return { key: entry.key, action: entry.action };
  }

  private async persist(): Promise<void> {
    if (this.file) await saveJsonFile(this.file, { version: 1, tokens: this.entries });
  }
}

/** The token in an activation URL, or undefined for anything that is not exactly our shape. */
export function activationToken(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${PROTOCOL_SCHEME}:` || url.hostname !== 'activate') return undefined;
  const token = url.searchParams.get('token') ?? '';
  return TOKEN.test(token) ? token : undefined;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export function toastXml(request: NotificationRequest, tokens: { body: string; join?: string; mute?: string }): string {
  const url = (token: string): string => escapeXml(`${PROTOCOL_SCHEME}://activate?token=${token}`);
  const action = (content: string, token: string): string => `<action content="${escapeXml(content)}" activationType="protocol" arguments="${url(token)}"/>`;
  const buttons = [
    ...(tokens.join ? [action(request.joinLabel ?? JOIN_LABEL, tokens.join)] : []),
    ...(tokens.mute && request.muteLabel ? [action(request.muteLabel, tokens.mute)] : []),
  ];
  // A reminder toast stays on screen only with a button; Windows' own Dismiss (localised, handled by the shell) lets a
  // person clear it without joining.
  if (request.persistent) buttons.push('<action content="" activationType="system" arguments="dismiss"/>');
  const actions = buttons.length > 0 ? `<actions>${buttons.join('')}</actions>` : '';
  const scenario = request.persistent ? ' scenario="reminder"' : '';
  return (
    `<toast launch="${url(tokens.body)}" activationType="protocol"${scenario}>` +
    `<visual><binding template="ToastGeneric"><text>${escapeXml(request.title)}</text><text>${escapeXml(request.body)}</text></binding></visual>` +
    `${actions}${toastAudio(request.sound)}</toast>`
  );
}

/** The sound Windows plays for a support request: its reminder sound (a bell), as the system's own. */
export const WINDOWS_SOUND = 'ms-winsoundevent:Notification.Reminder';

/**
 * A toast's `<audio>`. 'bundled' rings Windows' reminder sound too: a toast of an app installed without an MSIX package
 * (ours: NSIS) may only name Windows' ms-winsoundevent sounds, and any other src plays the default sound instead.
 * Playing our file ourselves would ring even while Focus Assist holds the toast back.
 */
export function toastAudio(sound: NotificationRequest['sound'] = 'off'): string {
  return sound === 'off' ? '<audio silent="true"/>' : `<audio src="${WINDOWS_SOUND}"/>`;
}
