// What the rules editor says about each PrivMX channel. The placeholders are the ones the core checks rules against
// (common/privmxPlaceholders.ts, plain data shared by both sides); the default event types mirror DEFAULT_TYPE in
// rules.ts, which would pull zod into the page, so a test keeps the two equal.
import { PLACEHOLDERS, type PrivmxChannelName } from '../../common/privmxPlaceholders.js';

export type ChannelName = PrivmxChannelName;

export const CHANNELS: ReadonlyArray<{ value: ChannelName; label: string; newItem: string }> = [
  { value: 'thread', label: 'Threads (messages, inbox entries)', newItem: 'threadNewMessage' },
  { value: 'store', label: 'Stores (files)', newItem: 'storeFileCreated' },
  { value: 'inbox', label: 'Inboxes', newItem: 'inboxCreated' },
  { value: 'stream', label: 'Streams', newItem: 'streamRoomCreated' },
];

export function isChannel(value: unknown): value is ChannelName {
  return CHANNELS.some((c) => c.value === value);
}

/** `{channel}`, `{type}`, … as the core accepts them for `channel`, plus the free-form `publicMeta.<field>`. */
export function placeholdersFor(channel: ChannelName): string[] {
  return [...PLACEHOLDERS[channel].filter((p) => p !== 'publicMeta').map((p) => `{${p}}`), '{publicMeta.<field>}'];
}

/** Optional match fields and the channels each applies to (the schema rejects the others). */
export const MATCH_FIELDS: ReadonlyArray<{ key: string; label: string; channels: readonly ChannelName[]; hint?: string }> = [
  { key: 'contextId', label: 'Context id', channels: ['thread', 'store', 'inbox', 'stream'] },
  { key: 'threadId', label: 'Thread id', channels: ['thread'] },
  { key: 'storeId', label: 'Store id', channels: ['store'] },
  { key: 'inboxId', label: 'Inbox id', channels: ['thread', 'inbox'], hint: '* = any inbox. On Threads, only entries sent to an inbox match.' },
  { key: 'author', label: 'Author', channels: ['thread', 'store', 'inbox', 'stream'] },
];
