// The ntfy floor for the push latency bench: Node's fetch reading one topic's JSON stream with a token, lines split,
// and for each message a line appended to a file opened O_APPEND|O_DSYNC (with SERVICEBELL_FLOOR_FILE; without it,
// nothing), then the id of the JSON in `message` printed.
import { constants, promises as fs } from 'node:fs';

const [baseUrl = '', token = '', topic = ''] = process.argv.slice(2);
const file = process.env.SERVICEBELL_FLOOR_FILE;
const handle = file ? await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600) : undefined;
const res = await fetch(`${baseUrl}/${topic}/json`, { headers: { Authorization: `Bearer ${token}` } });
if (!res.ok || !res.body) throw new Error(`ntfy answered ${res.status}`);
const reader = res.body.getReader();
const decoder = new TextDecoder();
let buffer = '';
let ready = false;
process.on('SIGTERM', () => process.exit(0));
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  buffer += decoder.decode(value, { stream: true });
  let nl: number;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const event = JSON.parse(buffer.slice(0, nl)) as { event: string; message?: string };
    buffer = buffer.slice(nl + 1);
    if (event.event === 'open' && !ready) {
      ready = true;
      process.stdout.write('{"ready":true}\n');
    }
    if (event.event !== 'message' || !event.message) continue;
    const line = `${JSON.stringify({ id: (JSON.parse(event.message) as { id: string }).id })}\n`;
    if (handle) await handle.write(line);
    process.stdout.write(line);
  }
}
