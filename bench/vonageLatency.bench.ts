// Vonage path latency: emulator push → Notify reaching the D-Bus server, through the real nexmo-client,
// VonageSource and pipeline, next to the floor: a bare nexmo-client listener calling the same notifier directly.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ServicebellCore } from '../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../main/core/sources/source.js';
import { silentLogger } from '../main/core/log/logger.js';
import { DbusNotifier } from '../main/core/notify/dbusNotifier.js';
import { settingsFrom } from '../test/harness/settings.js';
import { loadNexmoClient } from '../main/core/sources/vonage/sdkRuntime.js';
import type { SdkConversation } from '../main/core/sources/vonage/sdkTypes.js';
import { VonageSource } from '../main/core/sources/vonage/vonageSource.js';
import { startBackendEmulator } from '../test/emulators/backend/index.js';
import { startVonageEmulator, type VonageEmulator } from '../test/emulators/vonage/index.js';
import { startPrivateDesktop, type PrivateDesktop } from '../test/harness/privateBus.js';
import { latencyFigures, percentile } from './latencyStats.js';

export const title = 'Vonage push → D-Bus Notify latency (1,000 events per path; real nexmo-client)';

const EVENTS = 1_000;
const WARMUP = 50;
// 12 ms apart keeps every 1 s window under the burst limit (100/s), so nothing is coalesced.
const SPACING_MS = 12;
const STAFF = 'bench-staff-token';


/** When each alert reached the pipeline (by e-mail marker): splits our latency into source and pipeline+D-Bus. */
const sinkCalls = new Map<string, number>();

async function measure(desktop: PrivateDesktop, vonage: VonageEmulator, conversationId: string, tag: string, sourceSamples?: number[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + EVENTS; i++) {
    const marker = `${tag}-${i}@bench.example`;
    const shown = desktop.notifications.waitFor((n) => n.body.startsWith(marker), 5_000);
    const t0 = performance.now();
    vonage.push({ email: marker, host_url: `https://meetings.vonage.com/r/${i}` }, { conversationId });
    await shown;
    if (i >= WARMUP) samples.push(performance.now() - t0);
    const reached = sinkCalls.get(marker);
    if (i >= WARMUP && reached !== undefined) sourceSamples?.push(reached - t0);
    await new Promise((r) => setTimeout(r, SPACING_MS));
  }
  sourceSamples?.sort((a, b) => a - b);
  return samples.sort((a, b) => a - b);
}

export async function run(): Promise<Record<string, string | number>> {
  const desktop = await startPrivateDesktop();
  const vonage = await startVonageEmulator({ autoJoin: false });
  const backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF] });
  vonage.setPublicKey(backend.publicKeyPem);
  vonage.addMember(vonage.conversationId, 'frontdesk');
  const bareConversationId = vonage.createConversation('bare');
  vonage.addMember(bareConversationId, 'bare-listener');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-vonage-'));
  const logger = silentLogger();

  // The floor: the SDK's own listener straight into the same D-Bus notifier.
  const bareNotifier = new DbusNotifier({ busAddress: desktop.busAddress, logger });
  const NexmoClient = loadNexmoClient();
  const bare = new NexmoClient({ url: vonage.url, nexmo_api_url: vonage.url, debug: false });
  backend.setConversationId(bareConversationId); // its token's ACL names the conversation it reads
  const reply = await fetch(`${backend.url}/jwt`, { method: 'POST', headers: { authorization: `Bearer ${STAFF}`, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bare-listener' }) });
  const { token } = (await reply.json()) as { token: string };
  backend.setConversationId(vonage.conversationId);
  const app = await bare.createSession(token);
  const bareConversation: SdkConversation = await app.getConversation(bareConversationId);
  bareConversation.on('support_request', (_sender, event) => {
    const body = (event as { body?: { email?: string } }).body;
    void bareNotifier.show({ key: `bare:${String((event as { id?: unknown }).id)}`, title: 'Support request', body: `${body?.email ?? ''} has requested support` });
  });

  const settings = settingsFrom({
    vonage: { enabled: true, backendUrl: backend.url, username: 'frontdesk', sdk: { url: vonage.url, apiUrl: vonage.url } },
    notifications: { burst: { count: 100, windowSeconds: 1 } }, // default historyLimit (1000)
  });
  const factory: SourceFactory = {
    kind: 'vonage',
    section: () => ({}),
    secrets: [],
    enabled: () => true,
    create: (ctx) => {
      const sink = {
        alert: (input: Parameters<typeof ctx.sink.alert>[0]) => {
          sinkCalls.set(String((input.meta as { email?: unknown } | undefined)?.email), performance.now());
          return ctx.sink.alert(input);
        },
        status: ctx.sink.status,
      };
      return new VonageSource({ settings: ctx.restaurant.vonage, getSecret: ctx.getSecret, sink, cursors: ctx.cursors, logger: ctx.logger });
    },
  };
  const core = await ServicebellCore.open({
    settings,
    dataDir,
    notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }),
    opener: { open: async () => {} },
    getSecret: async () => STAFF,
    logger,
    sources: [factory],
  });
  await core.start();
  const deadline = Date.now() + 10_000;
  while (!core.statusList().some((s) => s.state === 'connected')) {
    if (Date.now() > deadline) throw new Error('VonageSource did not connect');
    await new Promise((r) => setTimeout(r, 20));
  }

  try {
    const floor = await measure(desktop, vonage, bareConversationId, 'bare');
    const sourceOnly: number[] = [];
    const ours = await measure(desktop, vonage, vonage.conversationId, 'ours', sourceOnly);
    const fmt = (v: number): string => `${v.toFixed(2)} ms`;
    return {
      'events per path': EVENTS,
      ...latencyFigures('bare nexmo-client', floor),
      ...latencyFigures('Servicebell', ours),
      'of which push → sink.alert p50/p99': `${fmt(percentile(sourceOnly, 50))} / ${fmt(percentile(sourceOnly, 99))}`,
      'p99 ratio (target ≤ 1.25)': (percentile(ours, 99) / percentile(floor, 99)).toFixed(2),
    };
  } finally {
    await core.stop();
    bare.disconnect();
    await bareNotifier.close();
    await vonage.stop();
    await backend.stop();
    await desktop.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
