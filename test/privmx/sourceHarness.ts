import { Writable } from 'node:stream';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { createLogger, type Logger } from '../../main/core/log/logger.js';
import { privmxSettingsSchema, type PrivmxSettings } from '../../main/core/settings/schema.js';
import type { PrivmxRuleInput } from '../../main/core/sources/privmx/ruleSchema.js';
import { PrivmxSource, type PrivmxTiming } from '../../main/core/sources/privmx/privmxSource.js';
import type { CursorPort } from '../../main/core/sources/privmx/threadCursors.js';
import type { SourceSink, SourceState } from '../../main/core/sources/source.js';
import type { ApiKey, PrivmxBridgeEmulator } from '../emulators/privmx/index.js';

/** A sink that records alerts and statuses, and resolves `alert` at once (as history would). */
export class RecordingSink implements SourceSink {
  readonly alerts: AlertInput[] = [];
  readonly statuses: Array<{ state: SourceState; detail?: string }> = [];

  async alert(input: AlertInput): Promise<void> {
    this.alerts.push(input);
  }
  status(s: { state: SourceState; detail?: string }): void {
    this.statuses.push(s);
  }
  get ids(): string[] {
    return this.alerts.map((a) => a.id);
  }
  get lastState(): SourceState | undefined {
    return this.statuses[this.statuses.length - 1]?.state;
  }
  connectedCount(): number {
    return this.statuses.filter((s) => s.state === 'connected').length;
  }
}

export class MemoryCursors implements CursorPort {
  readonly map = new Map<string, string>();
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }
}

/** A logger whose lines can be inspected (redaction included). */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

export const FAST_TIMING: Partial<PrivmxTiming> = {
  connectTimeoutMs: 2_000,
  requestTimeoutMs: 2_000,
  deadAfterMs: 600,
  backoff: { baseMs: 40, maxMs: 250 },
  authRetryMs: 300,
  refreshRetryMs: 100,
  cursorFlushMs: 20,
  stopTimeoutMs: 500,
};

export interface Scenario {
  emu: PrivmxBridgeEmulator;
  key: ApiKey;
  contextId: string;
  threadId: string;
}

export function seed(emu: PrivmxBridgeEmulator, scopes?: string[]): Scenario {
  const key = emu.addApiKey(scopes ? { scopes } : {});
  const ctx = emu.addContext({ name: 'Restaurant' });
  const thread = emu.addThread(ctx.id);
  return { emu, key, contextId: ctx.id, threadId: thread.id };
}

export function privmxSettings(s: Scenario, extra: { rules?: PrivmxRuleInput[]; channels?: PrivmxSettings['channels'] } = {}): PrivmxSettings {
  return privmxSettingsSchema.parse({ enabled: true, bridgeUrl: s.emu.url, apiKeyId: s.key.id, ...extra });
}

export function makeSource(s: Scenario, options: { settings?: PrivmxSettings; sink?: RecordingSink; cursors?: MemoryCursors; logger?: Logger; timing?: Partial<PrivmxTiming>; secret?: string } = {}) {
  const sink = options.sink ?? new RecordingSink();
  const cursors = options.cursors ?? new MemoryCursors();
  const source = new PrivmxSource({
    settings: options.settings ?? privmxSettings(s),
    getSecret: async (name) => (name === 'privmx.apiKeySecret' ? (options.secret ?? s.key.secret) : undefined),
    sink,
    cursors,
    logger: options.logger ?? createLogger({ level: 'silent' }),
    hostName: 'test-host',
    timing: { ...FAST_TIMING, ...options.timing },
  });
  return { source, sink, cursors };
}

/** Every alert id exactly once: nothing lost, nothing doubled. */
export function expectExactly(sink: RecordingSink, ids: string[]): void {
  const got = [...sink.ids].sort();
  const want = [...ids].sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`alerts differ:\n got  ${JSON.stringify(got)}\n want ${JSON.stringify(want)}`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
