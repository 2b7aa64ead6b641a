// Shared wiring for the Vonage suite: both emulators, a recording sink, a temp data dir, short timings.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import type { SourceSink, SourceState } from '../../main/core/sources/source.js';
import { CursorStore } from '../../main/core/storage/cursorStore.js';
import { silentLogger, type Logger } from '../../main/core/log/logger.js';
import { vonageSettingsSchema } from '../../main/core/settings/schema.js';
import { VonageSource } from '../../main/core/sources/vonage/vonageSource.js';
import type { VonageTimingInput } from '../../main/core/sources/vonage/vonageTiming.js';
import { sleep, waitUntil } from '../harness/wait.js';
import { startVonageEmulator, type VonageEmulator, type VonageEmulatorOptions } from '../emulators/vonage/index.js';
import { startBackendEmulator, type BackendEmulator, type BackendEmulatorOptions } from '../emulators/backend/index.js';

export const STAFF_TOKEN = 'staff-token-1';
export const USERNAME = 'frontdesk@bistro.example';

export const FAST_TIMING: VonageTimingInput = {
  jwtTimeoutMs: 1_000,
  loginTimeoutMs: 1_000,
  restTimeoutMs: 1_000,
  refreshBeforeExpiryMs: 1_000,
  reconnectBaseMs: 100,
  reconnectMaxMs: 400,
  authRetryMs: 600,
  socketReconnectAttempts: 3,
  socketReconnectDelayMs: 100,
  socketReconnectDelayMaxMs: 200,
};

export class RecordingSink implements SourceSink {
  readonly alerts: AlertInput[] = [];
  readonly statuses: Array<{ state: SourceState; detail?: string }> = [];
  /** Make the next `alert()` calls reject (pipeline failure). */
  failNext = 0;

  async alert(input: AlertInput): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('pipeline unavailable');
    }
    this.alerts.push(input);
  }

  status(s: { state: SourceState; detail?: string }): void {
    this.statuses.push(s);
  }

  get state(): SourceState | undefined {
    return this.statuses.at(-1)?.state;
  }

  ids(): string[] {
    return this.alerts.map((a) => a.id);
  }
}

export { sleep, waitUntil };

export interface Rig {
  vonage: VonageEmulator;
  backend: BackendEmulator;
  dataDir: string;
  sink: RecordingSink;
  source: VonageSource;
  cursors: CursorStore;
  /** A fresh source on the same data dir (a process restart). */
  newSource(): Promise<VonageSource>;
  close(): Promise<void>;
}

export async function startRig(
  options: { vonage?: VonageEmulatorOptions; backend?: Partial<BackendEmulatorOptions>; timing?: VonageTimingInput; logger?: Logger } = {},
): Promise<Rig> {
  const vonage = await startVonageEmulator(options.vonage);
  const backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF_TOKEN], ...options.backend });
  vonage.setPublicKey(backend.publicKeyPem);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'servicebell-vonage-'));
  const sink = new RecordingSink();
  const settings = vonageSettingsSchema.parse({ enabled: true, backendUrl: backend.url, username: USERNAME, sdk: { url: vonage.url, apiUrl: vonage.url } });
  const sources: VonageSource[] = [];
  let cursors = await CursorStore.open(dataDir);
  const make = (): VonageSource => {
    const source = new VonageSource({
      settings,
      getSecret: async (name) => (name === 'vonage.backendToken' ? STAFF_TOKEN : undefined),
      sink,
      cursors,
      logger: options.logger ?? silentLogger(),
      timing: { ...FAST_TIMING, ...options.timing },
    });
    sources.push(source);
    return source;
  };
  const rig: Rig = {
    vonage,
    backend,
    dataDir,
    sink,
    source: make(),
    get cursors() {
      return cursors;
    },
    newSource: async () => {
      cursors = await CursorStore.open(dataDir);
      return make();
    },
    close: async () => {
      for (const s of sources) await s.stop();
      await vonage.stop();
      await backend.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** The sink saw exactly these event ids of the main conversation, each once, in this order. */
export function alertIds(rig: Rig): number[] {
  return rig.sink.alerts.map((a) => Number(a.id.slice(a.id.lastIndexOf(':') + 1)));
}

export async function connected(rig: Rig, timeoutMs = 5_000): Promise<void> {
  await waitUntil(() => rig.sink.state === 'connected', timeoutMs, `connected (last status: ${JSON.stringify(rig.sink.statuses.at(-1))})`);
}
