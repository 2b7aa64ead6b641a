import type { NotificationFrame } from './bridgeFrames.js';

/** The flat, rule-facing view of one Bridge event: what rules match on and templates render. */
export interface EventView {
  channel: string;
  type: string;
  contextId?: string;
  threadId?: string;
  messageId?: string;
  storeId?: string;
  fileId?: string;
  inboxId?: string;
  streamRoomId?: string;
  author?: string;
  creator?: string;
  keyId?: string;
  size?: number;
  files?: number;
  messages?: number;
  publicMeta: unknown;
  time: string;
  date: string;
  /** The event's own timestamp (ms), for ordering and ids. */
  at: number;
}

const INBOX_KEY = /^<inbox-(.+)>$/;

function str(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}
function num(data: Record<string, unknown>, key: string): number | undefined {
  const v = data[key];
  return typeof v === 'number' ? v : undefined;
}

/** Where the event's own `id` field belongs, by type prefix (e.g. `storeFileCreated.id` is a file id). */
function idRoleOf(type: string): keyof EventView | undefined {
  if (/^thread(New|Updated)Message$/.test(type)) return 'messageId';
  if (/^thread(Created|Updated)$/.test(type)) return 'threadId';
  if (/^storeFile/.test(type)) return 'fileId';
  if (/^store/.test(type)) return 'storeId';
  if (/^inbox/.test(type)) return 'inboxId';
  if (/^streamRoom/.test(type)) return 'streamRoomId';
  return undefined;
}

/** Types are the Bridge's known ones (validated frames), so this stays as small as their list. */
const idRoles = new Map<string, keyof EventView | undefined>();
function idRole(type: string): keyof EventView | undefined {
  if (idRoles.has(type)) return idRoles.get(type);
  const role = idRoleOf(type);
  idRoles.set(type, role);
  return role;
}

/** The view's formatted fields rules may leave unused: `time` ("HH:MM" in the zone) and `date` (ISO day). */
export interface ViewNeeds {
  time: boolean;
  date: boolean;
}

const EVERY_FIELD: ViewNeeds = { time: true, date: true };

/**
 * One formatter per time zone, made once: `toLocaleTimeString` builds a new ICU formatter on every call (tens of µs
 * and malloc heap that is only freed when V8 collects it), which under a flood was most of the process's memory.
 * And its last answer per time zone, by minute: even a made formatter's `format` is the costliest step of an event
 * before it reaches history (an ICU call, ≈ a quarter of the rule work per event, measured), and "HH:MM" only changes
 * once a minute (every zone's offset and switch is a whole number of minutes since 1972).
 */
const timeFormatters = new Map<string, { formatter: Intl.DateTimeFormat; minute: number; text: string }>();

export function formatTime(when: Date, timeZone?: string): string {
  const key = timeZone ?? '';
  let zone = timeFormatters.get(key);
  if (!zone) {
    zone = { formatter: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }), minute: NaN, text: '' };
    timeFormatters.set(key, zone);
  }
  const minute = Math.floor(when.getTime() / 60_000);
  if (minute !== zone.minute) {
    zone.text = zone.formatter.format(when);
    zone.minute = minute;
  }
  return zone.text;
}

/**
 * The view of a validated frame. `needs` says which formatted fields to fill (the compiled rules say which they
 * read); one not needed is left empty.
 */
export function toEventView(frame: NotificationFrame, timeZone?: string, needs: ViewNeeds = EVERY_FIELD): EventView {
  const d = frame.data;
  const at = num(d, 'createDate') ?? num(d, 'created') ?? frame.timestamp;
  const when = needs.time || needs.date ? new Date(at) : undefined;
  const view: EventView = {
    channel: frame.channel,
    type: frame.type,
    publicMeta: d.publicMeta ?? null,
    time: when && needs.time ? formatTime(when, timeZone) : '',
    date: when && needs.date ? when.toISOString().slice(0, 10) : '',
    at: frame.timestamp,
  };
  const contextId = str(d, 'contextId');
  if (contextId !== undefined) view.contextId = contextId;
  const threadId = str(d, 'threadId');
  if (threadId !== undefined) view.threadId = threadId;
  const messageId = str(d, 'messageId');
  if (messageId !== undefined) view.messageId = messageId;
  const storeId = str(d, 'storeId');
  if (storeId !== undefined) view.storeId = storeId;
  const inboxId = str(d, 'inboxId');
  if (inboxId !== undefined) view.inboxId = inboxId;
  const streamRoomId = str(d, 'streamRoomId');
  if (streamRoomId !== undefined) view.streamRoomId = streamRoomId;
  const author = str(d, 'author') ?? str(d, 'lastModifier');
  if (author !== undefined) view.author = author;
  const creator = str(d, 'creator');
  if (creator !== undefined) view.creator = creator;
  const keyId = str(d, 'keyId');
  if (keyId !== undefined) view.keyId = keyId;
  const size = num(d, 'size');
  if (size !== undefined) view.size = size;
  const files = num(d, 'files');
  if (files !== undefined) view.files = files;
  const messages = num(d, 'messages');
  if (messages !== undefined) view.messages = messages;
  const role = idRole(frame.type);
  const ownId = str(d, 'id');
  if (role && ownId !== undefined) (view as unknown as Record<string, unknown>)[role] = ownId;
  // Inbox submissions are thread messages written with the inbox's pseudo key id.
  const inbox = view.keyId?.startsWith('<inbox-') === true && frame.channel === 'thread' ? INBOX_KEY.exec(view.keyId) : null;
  if (inbox?.[1]) view.inboxId = inbox[1];
  return view;
}

/** A stable id per event, so the same event seen live and in catch-up dedupes to one alert. */
export function alertIdFor(view: EventView, data: Record<string, unknown>): string {
  if (view.type === 'threadNewMessage' && view.messageId) return `thread:${view.messageId}`;
  if (view.type === 'storeFileCreated' && view.fileId) return `file:${view.fileId}`;
  const primary = view.messageId ?? view.fileId ?? view.threadId ?? view.storeId ?? view.inboxId ?? view.streamRoomId ?? 'unknown';
  const version = num(data, 'version') ?? num(data, 'lastModificationDate') ?? num(data, 'messages') ?? num(data, 'files') ?? view.at;
  return `${view.type}:${primary}:${version}`;
}
