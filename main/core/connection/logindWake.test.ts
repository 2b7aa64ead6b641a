import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSessionBus } from '../../../test/harness/desktopSession.mjs';
import { FakeLogind } from '../../../test/harness/logindService.js';
import { waitUntil } from '../../../test/harness/wait.js';
import { silentLogger } from '../log/logger.js';
import { watchLogindWake, type LogindWake, type WakeReason } from './logindWake.js';

describe('logind wake signals over D-Bus (a private bus standing in for the system bus)', () => {
  let bus: { address: string; stop(): Promise<void> };
  let logind: FakeLogind | undefined;
  let watcher: LogindWake | undefined;
  beforeEach(async () => {
    bus = await startSessionBus();
  });
  afterEach(async () => {
    watcher?.stop();
    logind?.stop();
    await bus.stop();
  });

  it('a resume (PrepareForSleep false) and a session Unlock each wake the app; going to sleep and locking do not', async () => {
    logind = await FakeLogind.start(bus.address);
    const woke: WakeReason[] = [];
    watcher = await watchLogindWake({ busAddress: bus.address, onWake: (r) => woke.push(r), logger: silentLogger() });
    expect(watcher.following()).toEqual(['PrepareForSleep', 'Unlock']);
    expect(logind.sessionsAsked).toEqual(['auto']);
    logind.sleep(true);
    logind.lock();
    logind.sleep(false);
    await waitUntil(() => woke.length === 1, 5000, 'resume');
    logind.unlock();
    await waitUntil(() => woke.length === 2, 5000, 'unlock');
    expect(woke).toEqual(['logind-resume', 'logind-unlock']);
  });

  it('without logind on the bus it follows nothing and does not throw', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    watcher = await watchLogindWake({ busAddress: bus.address, onWake: () => {}, logger });
    expect(watcher.following()).toEqual([]);
    expect(lines.join('\n')).toContain('logind: wake signals only partly followed');
  });
});
