// The Vonage floor for the latency bench: a bare nexmo-client listener (signed in as the given user) that, for each
// support request in its conversation, appends a line to a file opened O_APPEND|O_DSYNC (with SERVICEBELL_FLOOR_FILE;
// without it, nothing) and then prints its id.
import { constants, promises as fs } from 'node:fs';
import { loadNexmoClient } from '../../main/core/sources/vonage/sdkRuntime.js';

const [backendUrl = '', vonageUrl = '', staffToken = '', conversationId = '', username = 'bare-listener'] = process.argv.slice(2);
const file = process.env.SERVICEBELL_FLOOR_FILE;
const handle = file ? await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600) : undefined;
const reply = await fetch(`${backendUrl}/jwt`, { method: 'POST', headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
const { token } = (await reply.json()) as { token: string };
const NexmoClient = loadNexmoClient();
const client = new NexmoClient({ url: vonageUrl, nexmo_api_url: vonageUrl, debug: false });
const app = await client.createSession(token);
const conversation = await app.getConversation(conversationId);
conversation.on('support_request', (_sender, event) => {
  const id = String((event as { id?: unknown }).id);
  const line = `${JSON.stringify({ id })}\n`;
  if (!handle) return void process.stdout.write(line);
  void handle.write(line).then(() => process.stdout.write(line));
});
process.stdout.write('{"ready":true}\n');
