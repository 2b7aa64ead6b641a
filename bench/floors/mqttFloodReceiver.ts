// The MQTT flood floor: a bare MQTT.js client (QoS 1 subscription, PUBACK on receipt as MQTT.js does by default:
// nothing waits for the disk before the acknowledgement) that appends each message to a journal opened
// O_APPEND|O_DSYNC, one write per batch (what arrives while a write is on its way goes in the next), then prints a
// line per message. Nothing else: no rules, dedupe, history, notifications or acknowledgement window.
// argv: url, username, password, topic, journal file.
import { constants, promises as fs } from 'node:fs';
import mqtt from 'mqtt';

const [url = '', username = '', password = '', topic = '', journal = ''] = process.argv.slice(2);
const handle = await fs.open(journal, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600);
let batch: string[] = [];
let writing = false;

async function writeBatches(): Promise<void> {
  writing = true;
  while (batch.length > 0) {
    const ids = batch;
    batch = [];
    await handle.write(ids.map((id) => `${JSON.stringify({ id, at: Date.now() })}\n`).join(''));
    process.stdout.write(ids.map((id) => `${JSON.stringify({ id })}\n`).join(''));
  }
  writing = false;
}

const client = await mqtt.connectAsync(url, { username, password, clientId: `bench-flood-floor-${process.pid}`, clean: true, reconnectPeriod: 0 });
client.on('message', (_topic, payload) => {
  const id = (JSON.parse(payload.toString()) as { id?: string }).id;
  if (id === undefined) return;
  batch.push(id);
  if (!writing) void writeBatches();
});
await client.subscribeAsync(topic, { qos: 1 });
process.on('SIGTERM', () => void client.endAsync().finally(() => process.exit(0)));
process.stdout.write('{"ready":true}\n');
