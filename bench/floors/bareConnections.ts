// What the start-up, idle and flood floors share: the third-party modules a headless run must load, and the bare
// connections (a `ws` JSON-RPC session on the PrivMX Bridge, a nexmo-client session on Vonage) with nothing of
// Servicebell in between. Plain code on purpose: the floors run under a bare `node`, compiled by esbuild.
import type WebSocket from 'ws';

export type FloorMode = 'privmx' | 'both';

/**
 * The libraries `servicebell headless` loads with PrivMX (and Vonage) enabled and its secrets in the environment,
 * as a module-load hook on the bin lists them: the CLI, schemas, the log, settings, atomic writes, the message
 * catalogues, D-Bus notifications and the Bridge socket. keytar is not among them (no keychain is asked), nor
 * MQTT.js, smsapi or node-notifier (nothing configured uses them); nexmo-client comes with Vonage.
 */
const HEADLESS_LIBRARIES = ['commander', 'zod', 'pino', 'jsonc-parser', 'write-file-atomic', 'intl-messageformat', 'dbus-next', 'ws'];

export interface VonageArgs {
  backendUrl: string;
  vonageUrl: string;
  staffToken: string;
  conversationId: string;
}

type NexmoConstructor = new (options: { url: string; nexmo_api_url: string; debug: boolean }) => {
  createSession(token: string): Promise<{ getConversation(id: string): Promise<NexmoConversation> }>;
};
export interface NexmoConversation {
  events?: unknown;
  on(name: string, listener: (sender: unknown, event: unknown) => void): void;
}

export async function loadLibraries(mode: FloorMode): Promise<void> {
  await Promise.all(HEADLESS_LIBRARIES.map((name) => import(name)));
  if (mode === 'both') (await import('../../main/core/sources/vonage/sdkRuntime.js')).loadNexmoClient();
}

/** ws → manager/auth → bindAccessToken → subscribeToChannel thread: what "connected" means for PrivMX, bare. */
export async function connectBridge(bridgeUrl: string, apiKeyId: string, apiKeySecret: string, onFrame: (frame: { type?: string; data?: { id?: string } }) => void): Promise<WebSocket> {
  const { default: Ws } = await import('ws');
  const ws = new Ws(`${bridgeUrl.replace(/^http/, 'ws')}/api`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { id?: number; result?: unknown; type?: string; data?: { id?: string } };
    const answer = typeof frame.id === 'number' ? pending.get(frame.id) : undefined;
    if (answer) {
      pending.delete(frame.id as number);
      answer(frame.result);
    } else onFrame(frame);
  });
  const call = (method: string, params: unknown): Promise<unknown> => {
    const id = nextId++;
    ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return new Promise((resolve) => pending.set(id, resolve));
  };
  const auth = (await call('manager/auth', { grantType: 'api_key_credentials', apiKeyId, apiKeySecret })) as { accessToken: string };
  await call('manager/bindAccessToken', { accessToken: auth.accessToken });
  await call('manager/subscribeToChannel', { channels: ['thread'] });
  return ws;
}

/** JWT from the backend → nexmo-client session → the conversation: what "connected" means for Vonage, bare. */
export async function connectVonage(args: VonageArgs): Promise<NexmoConversation> {
  const reply = await fetch(`${args.backendUrl}/jwt`, {
    method: 'POST',
    headers: { authorization: `Bearer ${args.staffToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bare-floor' }),
  });
  const { token } = (await reply.json()) as { token: string };
  const { loadNexmoClient } = await import('../../main/core/sources/vonage/sdkRuntime.js');
  const NexmoClient = loadNexmoClient() as unknown as NexmoConstructor;
  const client = new NexmoClient({ url: args.vonageUrl, nexmo_api_url: args.vonageUrl, debug: false });
  const app = await client.createSession(token);
  return app.getConversation(args.conversationId);
}

export const statusLine = (source: string, state: string): string => `${JSON.stringify({ type: 'status', source, state })}\n`;
