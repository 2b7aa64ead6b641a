// The start-up and idle floor of a headless run: a bare `node` that loads the libraries such a run must load for its
// configuration (bareConnections.ts) and then, with `connect`, opens the bare connections to the same emulators and
// prints a `connected` status line for each, as `servicebell headless --json` does; then it only waits.
// argv: privmx|both, wait|connect, bridgeUrl, apiKeyId, apiKeySecret[, backendUrl, vonageUrl, staffToken, conversationId]
import { connectBridge, connectVonage, loadLibraries, statusLine, type FloorMode } from './bareConnections.js';

const [mode = 'privmx', what = 'wait', bridgeUrl = '', apiKeyId = '', apiKeySecret = '', backendUrl = '', vonageUrl = '', staffToken = '', conversationId = ''] =
  process.argv.slice(2);
setInterval(() => {}, 1 << 30);
await loadLibraries(mode as FloorMode);
if (what === 'connect') {
  const privmx = connectBridge(bridgeUrl, apiKeyId, apiKeySecret, () => {}).then(() => process.stdout.write(statusLine('privmx', 'connected')));
  const vonage = mode === 'both' ? connectVonage({ backendUrl, vonageUrl, staffToken, conversationId }).then(() => process.stdout.write(statusLine('vonage', 'connected'))) : undefined;
  await Promise.all([privmx, vonage]);
}
process.stdout.write(statusLine('floor', 'ready'));
