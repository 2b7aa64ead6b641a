import WebSocket from 'ws';

export interface RawFrame {
  [key: string]: unknown;
}

/** A bare `ws` client: the protocol checks in tests and the benchmark's baseline. No reconnects, no validation. */
export class RawBridgeClient {
  readonly notifications: RawFrame[] = [];
  private nextId = 1;
  private pending = new Map<number, (frame: RawFrame) => void>();
  onNotification: (frame: RawFrame, receivedAt: number) => void = () => {};

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const at = performance.now();
      const frame = JSON.parse(data.toString()) as RawFrame;
      const resolve = typeof frame.id === 'number' ? this.pending.get(frame.id) : undefined;
      if (resolve) {
        this.pending.delete(frame.id as number);
        resolve(frame);
      } else {
        this.notifications.push(frame);
        this.onNotification(frame, at);
      }
    });
  }

  static async connect(bridgeUrl: string, path = '/api'): Promise<RawBridgeClient> {
    const ws = new WebSocket(bridgeUrl.replace(/^http/, 'ws') + path);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawBridgeClient(ws);
  }

  /** Resolves with the whole response frame (result or error). */
  call(method: string, params: unknown): Promise<RawFrame> {
    const id = this.nextId++;
    const answer = new Promise<RawFrame>((resolve) => this.pending.set(id, resolve));
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return answer;
  }

  close(): void {
    this.ws.terminate();
  }
}

/** One JSON-RPC call over HTTP `POST {bridgeUrl}/api`; resolves with the response body. */
export async function httpCall(bridgeUrl: string, method: string, params: unknown, headers: Record<string, string> = {}, id: number | string = 1): Promise<RawFrame> {
  const res = await fetch(`${bridgeUrl}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
  });
  return (await res.json()) as RawFrame;
}
