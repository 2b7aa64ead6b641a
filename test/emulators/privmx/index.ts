export { PrivmxBridgeEmulator, startPrivmxBridgeEmulator } from './privmxBridgeEmulator.js';
export type { PrivmxBridgeEmulatorOptions, FailOptions } from './privmxBridgeEmulator.js';
export type { ApiKey, AuthResult } from './bridgeAuthState.js';
export type { Context, Thread, ThreadMessage, Store, StoreFile, Inbox, StreamRoom } from './bridgeContent.js';
export type { BridgeChannel } from './bridgeMethods.js';
export { BRIDGE_ERRORS } from './bridgeErrors.js';
export { RawBridgeClient, httpCall } from './rawBridgeClient.js';
