// What the out-of-process benchmarks share: a private desktop bus with a recording notification server, the PrivMX
// and Vonage emulators, and a settings file + data folder for a headless run against them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBackendEmulator, type BackendEmulator } from '../test/emulators/backend/index.js';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../test/emulators/privmx/index.js';
import { startVonageEmulator, type VonageEmulator } from '../test/emulators/vonage/index.js';
import { startPrivateDesktop, type PrivateDesktop } from '../test/harness/privateBus.js';
import { startHeadlessProcess, type HeadlessProcess } from './headlessProcess.js';

export type BenchSource = 'privmx' | 'vonage';
const STAFF = 'bench-staff-token';

export interface BenchRig {
  desktop: PrivateDesktop;
  bridge: PrivmxBridgeEmulator;
  threadId: string;
  /** The context of `threadId`: more threads for floors that must not see the headless run's events. */
  contextId: string;
  privmxKey: { id: string; secret: string };
  vonage: VonageEmulator;
  staffToken: string;
  backend: BackendEmulator;
  dataDir: string;
  /** A headless run with these sources enabled (a fresh data folder unless `reuse`). */
  start(sources: readonly BenchSource[], options?: StartOptions): Promise<HeadlessProcess>;
  close(): Promise<void>;
}

export interface StartOptions {
  nodeArgs?: string[];
  historyLimit?: number;
  /** Keep the data folder of the previous run (a restart). */
  reuse?: boolean;
  /** Quiet hours around now: alerts go to history and the `alert` line without a D-Bus Notify. */
  quietHours?: boolean;
}

/** Local HH:MM `minutes` from now. */
export function localHhmm(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export async function startBenchRig(): Promise<BenchRig> {
  const desktop = await startPrivateDesktop();
  const bridge = await startPrivmxBridgeEmulator();
  const key = bridge.addApiKey();
  const ctx = bridge.addContext();
  const thread = bridge.addThread(ctx.id);
  const vonage = await startVonageEmulator();
  const backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF] });
  vonage.setPublicKey(backend.publicKeyPem);
  const folders: string[] = [];
  let dataDir = '';
  const rig: BenchRig = {
    desktop,
    bridge,
    threadId: thread.id,
    contextId: ctx.id,
    privmxKey: { id: key.id, secret: key.secret },
    vonage,
    staffToken: STAFF,
    backend,
    get dataDir() {
      return dataDir;
    },
    start: async (sources, options = {}) => {
      if (!options.reuse || dataDir === '') {
        dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-headless-'));
        folders.push(dataDir);
      }
      const config = path.join(dataDir, 'config.json');
      await writeFile(
        config,
        JSON.stringify({
          version: 1,
          privmx: {
            enabled: sources.includes('privmx'), bridgeUrl: bridge.url, apiKeyId: key.id,
            rules: [{ match: { channel: 'thread', threadId: thread.id }, title: 'Order', body: 'msg {messageId}' }],
          },
          vonage: { enabled: sources.includes('vonage'), backendUrl: backend.url, username: 'frontdesk', sdk: { url: vonage.url, apiUrl: vonage.url } },
          notifications: {
            historyLimit: options.historyLimit ?? 1000,
            ...(options.quietHours ? { quietHours: { enabled: true, start: localHhmm(-120), end: localHhmm(120) } } : {}),
          },
        }),
      );
      return startHeadlessProcess({
        config,
        dataDir,
        // SERVICEBELL_BENCH_NODE_ARGS (e.g. "--max-semi-space-size=2") tries V8 flags on every headless run.
        nodeArgs: options.nodeArgs ?? (process.env.SERVICEBELL_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
        env: {
          DBUS_SESSION_BUS_ADDRESS: desktop.busAddress,
          SERVICEBELL_PRIVMX_API_KEY_SECRET: key.secret,
          SERVICEBELL_VONAGE_BACKEND_TOKEN: STAFF,
          XDG_CURRENT_DESKTOP: '',
        },
      });
    },
    close: async () => {
      await vonage.stop();
      await backend.stop();
      await bridge.stop();
      await desktop.stop();
      for (const f of folders) await rm(f, { recursive: true, force: true });
    },
  };
  return rig;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A duration knob in seconds from the environment (routine runs may shorten what the issue asks for). */
export function seconds(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
