// The PrivMX floor for the latency bench: a bare `ws` client on the Bridge that, for each new thread message (of one
// thread when a thread id is given), appends a line to a file opened O_APPEND|O_DSYNC (with SERVICEBELL_FLOOR_FILE;
// without it, nothing) and then prints its id.
import { constants, promises as fs } from 'node:fs';
import { RawBridgeClient } from '../../test/emulators/privmx/index.js';

const [bridgeUrl = '', apiKeyId = '', apiKeySecret = '', threadId] = process.argv.slice(2);
const file = process.env.SERVICEBELL_FLOOR_FILE;
const handle = file ? await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600) : undefined;
const client = await RawBridgeClient.connect(bridgeUrl);
const auth = (await client.call('manager/auth', { grantType: 'api_key_credentials', apiKeyId, apiKeySecret })).result as { accessToken: string };
await client.call('manager/bindAccessToken', { accessToken: auth.accessToken });
await client.call('manager/subscribeToChannel', { channels: ['thread'] });
client.onNotification = (frame) => {
  const data = frame.data as { id?: string; threadId?: string } | undefined;
  if (frame.type !== 'threadNewMessage' || !data?.id || (threadId !== undefined && data.threadId !== threadId)) return;
  const id = data.id;
  const line = `${JSON.stringify({ id })}\n`;
  if (!handle) return void process.stdout.write(line);
  void handle.write(line).then(() => process.stdout.write(line));
};
process.stdout.write('{"ready":true}\n');
