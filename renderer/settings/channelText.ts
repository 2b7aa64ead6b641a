// What the rules editor says about each PrivMX channel. The placeholders are the ones the core checks rules against
// (common/privmxPlaceholders.ts, plain data shared by both sides); the default event types mirror DEFAULT_TYPE in
// rules.ts, which would pull zod into the page, so a test keeps the two equal.
import { PLACEHOLDERS, type PrivmxChannelName } from '../../common/privmxPlaceholders.js';
import { t } from '../i18n.js';

export type ChannelName = PrivmxChannelName;

export const CHANNELS: ReadonlyArray<{ value: ChannelName; label: string; newItem: string }> = [
  // Labels are read when shown, in the window's language.
  { value: 'thread', get label() { return t('rule.channel.thread'); }, newItem: 'threadNewMessage' },
  { value: 'store', get label() { return t('rule.channel.store'); }, newItem: 'storeFileCreated' },
  { value: 'inbox', get label() { return t('rule.channel.inbox'); }, newItem: 'inboxCreated' },
  { value: 'stream', get label() { return t('rule.channel.stream'); }, newItem: 'streamRoomCreated' },
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
  { key: 'contextId', get label() { return t('rule.match.contextId'); }, channels: ['thread', 'store', 'inbox', 'stream'] },
  { key: 'threadId', get label() { return t('rule.match.threadId'); }, channels: ['thread'] },
  { key: 'storeId', get label() { return t('rule.match.storeId'); }, channels: ['store'] },
  { key: 'inboxId', get label() { return t('rule.match.inboxId'); }, channels: ['thread', 'inbox'], get hint() { return t('rule.match.inboxHint'); } },
  { key: 'author', get label() { return t('rule.match.author'); }, channels: ['thread', 'store', 'inbox', 'stream'] },
];
