import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string[];
  message: string;
  from?: string;
  token: string;
  body: Record<string, unknown>;
  at: number;
}

/** How the next requests fail: an HTTP error status, or SMSAPI's classic 200 `{error, message}` body. */
export type SmsapiFault =
  | { kind: 'http'; status: number; body?: string }
  | { kind: 'message'; error: number; message: string }
  | { kind: 'hang' };

export interface SmsapiEmulatorOptions {
  port?: number;
  /** Accepted bearer tokens; anything else gets `{error:101,"Authorization failed"}`. Default: any token. */
  tokens?: string[];
}

/**
 * `POST /sms.do` as the `smsapi` client sends it (JSON body, Bearer token), and `GET /profile` (SMSAPI's documented
 * "account balance" call: the account for a good Bearer token, 401 otherwise), answering like SMSAPI.
 * Point the client at it with `new SMSAPI(token, emulator.url)`.
 */
export class SmsapiEmulator {
  readonly messages: ReceivedSms[] = [];
  /** Every request, including failed ones. */
  requests = 0;
  private faults: SmsapiFault[] = [];
  private nextId = 1;
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: http.Server, readonly url: string, private readonly tokens?: string[]) {}

  static async start(options: SmsapiEmulatorOptions = {}): Promise<SmsapiEmulator> {
    const holder: { emu?: SmsapiEmulator } = {};
    const server = http.createServer((req, res) => void holder.emu?.onRequest(req, res));
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    holder.emu = new SmsapiEmulator(server, `http://127.0.0.1:${port}`, options.tokens);
    return holder.emu;
  }

  /** Queue failures for the next `times` requests. */
  failNext(fault: SmsapiFault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push(fault);
  }

  async waitForCount(count: number, timeoutMs = 5_000): Promise<ReceivedSms[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} SMS, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return this.messages;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.requests += 1;
    const route = `${req.method ?? ''} ${req.url?.split('?')[0] ?? ''}`;
    if (route !== 'POST /sms.do' && route !== 'GET /profile') return void res.writeHead(404).end('Not found');
    const json = (status: number, body: unknown): void => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const fault = this.faults.shift();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'http') return void res.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end(fault.body ?? 'error');
    if (fault?.kind === 'message') return json(200, { error: fault.error, message: fault.message });
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (route === 'GET /profile') return this.profile(token, json);
    if (this.tokens && !this.tokens.includes(token)) return json(200, { error: 101, message: 'Authorization failed' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return json(200, { error: 11, message: 'Message too long or there is no message or parameter nounicode is set' });
    }
    const to = typeof body.to === 'string' ? body.to.split(',').filter(Boolean) : [];
    const message = typeof body.message === 'string' ? body.message : '';
    if (to.length === 0) return json(200, { error: 13, message: 'No correct phone numbers' });
    if (!message) return json(200, { error: 11, message: 'Message too long or there is no message or parameter nounicode is set' });
    this.messages.push({ to, message, token, body, at: Date.now(), ...(typeof body.from === 'string' ? { from: body.from } : {}) });
    const sent = Math.floor(Date.now() / 1000);
    json(200, {
      count: to.length,
      list: to.map((n) => ({
        id: String(this.nextId++).padStart(24, '0'), points: 0.16, number: n.replace(/^\+/, ''), date_sent: sent,
        submitted_number: n, status: 'QUEUE', idx: null,
      })),
      length: message.length,
      parts: Math.max(1, Math.ceil(message.length / 160)),
    });
    for (const w of this.waiters.splice(0)) w();
  }

  /** The REST API's account answer; a missing or unknown token is 401 with SMSAPI's REST error body. */
  private profile(token: string, json: (status: number, body: unknown) => void): void {
    if (!token || (this.tokens && !this.tokens.includes(token))) return json(401, { message: 'Authorization failed', error: 'authorization_failed', errors: null });
    json(200, {
      name: 'Emulator Restaurant', email: 'emulator@example.invalid', username: 'emulator-user', phone_number: '48500000000',
      payment_type: 'prepaid', user_type: 'native', points: 100.0,
    });
  }
}

export function startSmsapiEmulator(options?: SmsapiEmulatorOptions): Promise<SmsapiEmulator> {
  return SmsapiEmulator.start(options);
}
