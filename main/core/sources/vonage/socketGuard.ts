// A socket.io parser that wraps the stock one and drops inbound packets that would crash or wedge nexmo-client:
// the SDK writes `payload.type = name` in a nextTick (a non-object payload is an uncaught exception, i.e. a
// dead process), and an event with `body: null` throws inside its ordering queue, which then stalls for good; so does
// an event whose id is far ahead of the conversation (see eventIdGuard).
import { createRequire } from 'node:module';
import { LiveIdRuns } from './eventIdGuard.js';

interface Packet {
  type: number;
  data?: unknown;
}

interface StockDecoder {
  add(chunk: unknown): void;
  destroy(): void;
  on(event: 'decoded', listener: (packet: Packet) => void): void;
}

interface StockParser {
  protocol: number;
  Encoder: new () => unknown;
  Decoder: new () => StockDecoder;
}

const EVENT = 2;
const BINARY_EVENT = 5;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Returns why a decoded packet must not reach the SDK, or undefined; repairs `body: null` in place. */
export function inspectPacket(packet: Packet): string | undefined {
  if (packet.type !== EVENT && packet.type !== BINARY_EVENT) return undefined;
  const data = packet.data;
  if (!Array.isArray(data) || typeof data[0] !== 'string') return 'event without a name';
  const payload: unknown = data[1];
  if (!isPlainObject(payload)) return `${data[0]}: payload is not an object`;
  if (data[0].startsWith('session:') && !isPlainObject(payload.body)) return `${data[0]}: body is not an object`;
  // Dropping would make the SDK gap-fill the same event from REST and stall there; an empty body passes harmlessly.
  if ('body' in payload && payload.body === null) payload.body = {};
  return undefined;
}

function loadStockParser(): StockParser {
  // The exact parser instance socket.io-client (as resolved by nexmo-client) uses.
  const sdkRequire = createRequire(createRequire(import.meta.url).resolve('nexmo-client'));
  const clientRequire = createRequire(sdkRequire.resolve('socket.io-client'));
  return clientRequire('socket.io-parser') as StockParser;
}

/** What the guard needs to judge a live event's id: the last id known for a conversation (cursor or REST). */
export interface IdCheck {
  lastKnownId(conversationId: string): number | undefined;
  onImplausible(reason: string): void;
}

/** Why a conversation event's id must not reach the SDK's ordering queue, or undefined (`runs`: this connection's). */
export function inspectEventId(packet: Packet, check: IdCheck, runs: LiveIdRuns = new LiveIdRuns()): string | undefined {
  if (packet.type !== EVENT && packet.type !== BINARY_EVENT) return undefined;
  const data = packet.data as [string, Record<string, unknown>];
  const name = data[0];
  const payload = data[1];
  if (name.startsWith('session:') || name.startsWith('system:') || typeof payload.cid !== 'string') return undefined;
  const problem = runs.judge(payload.cid, payload.id, check.lastKnownId(payload.cid));
  return problem === undefined ? undefined : `${name.slice(0, 64)}: ${problem}`;
}

export function createGuardedParser(onDropped: (reason: string) => void, ids?: IdCheck): object {
  const stock = loadStockParser();
  class GuardedDecoder {
    private readonly inner = new stock.Decoder();
    private readonly runs = new LiveIdRuns();
    private readonly listeners = new Set<(packet: Packet) => void>();
    constructor() {
      this.inner.on('decoded', (packet) => {
        const problem = inspectPacket(packet);
        if (problem !== undefined) return onDropped(problem);
        const implausible = ids ? inspectEventId(packet, ids, this.runs) : undefined;
        if (implausible !== undefined) return ids?.onImplausible(implausible);
        for (const listener of [...this.listeners]) listener(packet);
      });
    }
    add(chunk: unknown): void {
      this.inner.add(chunk);
    }
    destroy(): void {
      this.inner.destroy();
    }
    on(event: string, listener: (packet: Packet) => void): this {
      if (event === 'decoded') this.listeners.add(listener);
      return this;
    }
    off(event?: string, listener?: (packet: Packet) => void): this {
      if (listener) this.listeners.delete(listener);
      else if (event === undefined || event === 'decoded') this.listeners.clear();
      return this;
    }
  }
  // A toStringTag keeps the SDK's deep merge from cloning this object through JSON (which would drop the classes).
  return { protocol: stock.protocol, Encoder: stock.Encoder, Decoder: GuardedDecoder, [Symbol.toStringTag]: 'GuardedSocketIoParser' };
}
