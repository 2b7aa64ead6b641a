// The flood floor: a plain process that receives the events over a bare connection (`ws` on the Bridge, or
// nexmo-client), keeps each as a history record in memory and appends it to a journal opened O_APPEND|O_DSYNC (one
// write per batch: what arrives while a write is on its way goes in the next one), then prints an `alert` line per
// event as the headless bin does. Nothing else: no rules, dedupe, notifications, cursors or back-pressure.
// argv: privmx|vonage, journal file, then bridgeUrl, apiKeyId, apiKeySecret (privmx) or backendUrl, vonageUrl,
// staffToken, conversationId (vonage).
import { constants, promises as fs } from 'node:fs';
import { trimSdkEvents } from '../../main/core/sources/vonage/sdkEventRetention.js';
import { connectBridge, connectVonage, loadLibraries, statusLine } from './bareConnections.js';

interface HistoryRecord {
  id: string;
  source: string;
  title: string;
  body: string;
  at: number;
  read: boolean;
}

const [source = 'privmx', journal = '', ...rest] = process.argv.slice(2);
setInterval(() => {}, 1 << 30);
await loadLibraries(source === 'vonage' ? 'both' : 'privmx');
const handle = await fs.open(journal, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600);
const history: HistoryRecord[] = [];
let batch: HistoryRecord[] = [];
let writing = false;

async function writeBatches(): Promise<void> {
  writing = true;
  while (batch.length > 0) {
    const records = batch;
    batch = [];
    await handle.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    process.stdout.write(records.map((r) => `${JSON.stringify({ type: 'alert', id: r.id })}\n`).join(''));
  }
  writing = false;
}

function receive(id: string): void {
  const record: HistoryRecord = { id, source, title: source === 'vonage' ? 'Support request' : 'Order', body: `msg ${id}`, at: Date.now(), read: false };
  history.push(record);
  batch.push(record);
  if (!writing) void writeBatches();
}

if (source === 'vonage') {
  const [backendUrl = '', vonageUrl = '', staffToken = '', conversationId = ''] = rest;
  const conversation = await connectVonage({ backendUrl, vonageUrl, staffToken, conversationId });
  conversation.on('support_request', (_sender, event) => {
    receive(String((event as { id?: unknown }).id));
    // As the source does: the SDK would otherwise keep every event of the session (not part of the work measured).
    trimSdkEvents(conversation.events);
  });
} else {
  const [bridgeUrl = '', apiKeyId = '', apiKeySecret = ''] = rest;
  await connectBridge(bridgeUrl, apiKeyId, apiKeySecret, (frame) => {
    if (frame.type === 'threadNewMessage' && frame.data?.id) receive(frame.data.id);
  });
}
process.stdout.write(statusLine(source, 'connected'));
