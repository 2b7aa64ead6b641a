// The MQTT floor for the push latency bench: a bare MQTT.js client (QoS 1 subscription) that, for each message,
// appends a line to a file opened O_APPEND|O_DSYNC (with SERVICEBELL_FLOOR_FILE; without it, nothing) and then
// prints the payload's id.
import { constants, promises as fs } from 'node:fs';
import mqtt from 'mqtt';

const [url = '', username = '', password = '', topic = ''] = process.argv.slice(2);
const file = process.env.SERVICEBELL_FLOOR_FILE;
const handle = file ? await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600) : undefined;
const client = await mqtt.connectAsync(url, { username, password, clientId: `bench-floor-${process.pid}`, clean: true, reconnectPeriod: 0 });
client.on('message', (_topic, payload) => {
  const id = (JSON.parse(payload.toString()) as { id?: string }).id;
  if (id === undefined) return;
  const line = `${JSON.stringify({ id })}\n`;
  if (!handle) return void process.stdout.write(line);
  void handle.write(line).then(() => process.stdout.write(line));
});
await client.subscribeAsync(topic, { qos: 1 });
process.on('SIGTERM', () => void client.endAsync().finally(() => process.exit(0)));
process.stdout.write('{"ready":true}\n');
