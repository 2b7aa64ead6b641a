// Plain data the core and the windows both need: which placeholders a PrivMX rule may use on each channel. It
// imports nothing, so the renderer can bundle it without reaching into main/core, and the core validates rules
// against the very same list the rules editor offers.

/** PrivMX notification channels a manager socket can subscribe to. */
export const PRIVMX_CHANNELS = ['thread', 'store', 'inbox', 'stream'] as const;
export type PrivmxChannelName = (typeof PRIVMX_CHANNELS)[number];

/** Placeholders a rule may use, per channel; `publicMeta.<path>` is allowed everywhere (its shape is the app's). */
const COMMON = ['channel', 'type', 'contextId', 'time', 'date', 'publicMeta'] as const;
export const PLACEHOLDERS: Readonly<Record<PrivmxChannelName, readonly string[]>> = {
  thread: [...COMMON, 'threadId', 'messageId', 'author', 'keyId', 'inboxId', 'messages'],
  store: [...COMMON, 'storeId', 'fileId', 'creator', 'author', 'size', 'files', 'keyId'],
  inbox: [...COMMON, 'inboxId', 'creator', 'keyId'],
  stream: [...COMMON, 'streamRoomId', 'creator', 'keyId'],
};
