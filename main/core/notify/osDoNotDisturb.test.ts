import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/harness/manualClock.js';
import { silentLogger } from '../log/logger.js';
import { createOsDoNotDisturb } from './osDoNotDisturb.js';

const settle = () => new Promise((r) => setImmediate(r));

describe('system do-not-disturb (macOS Focus, Windows Focus Assist)', () => {
  it('macOS: follows getDoNotDisturb, refreshed in the background', async () => {
    let dnd = true;
    const clock = new ManualClock();
    const os = createOsDoNotDisturb({ platform: 'darwin', logger: silentLogger(), clock, load: () => ({ getDoNotDisturb: async () => dnd }) });
    await settle();
    expect(os.active()).toBe(true);
    dnd = false;
    clock.advance(15_000);
    await settle();
    expect(os.active()).toBe(false);
    os.stop();
  });

  it.each([
    ['OFF', 'NO', false],
    ['ALARMS_ONLY', 'YES', true],
    ['PRIORITY_ONLY', 'NO', true],
    ['PRIORITY_ONLY', 'YES', false],
    ['NOT_SUPPORTED', 'NO', false],
  ])('Windows: Focus Assist %s with priority %s → %s', async (status, priority, expected) => {
    const asked: unknown[] = [];
    const os = createOsDoNotDisturb({
      platform: 'win32',
      appUserModelId: 'com.servicebell.app',
      logger: silentLogger(),
      clock: new ManualClock(),
      load: () => ({ getFocusAssist: () => ({ name: status }), isPriority: (id: unknown) => (asked.push(id), { name: priority }) }),
    });
    await settle();
    expect(os.active()).toBe(expected);
    if (status === 'PRIORITY_ONLY') expect(asked).toEqual(['com.servicebell.app']);
    os.stop();
  });

  it('treats a missing or broken native module as "not on", without throwing', async () => {
    const os = createOsDoNotDisturb({ platform: 'darwin', logger: silentLogger(), clock: new ManualClock(), load: () => { throw new Error('addon not loaded'); } });
    await settle();
    expect(os.active()).toBe(false);
    const odd = createOsDoNotDisturb({ platform: 'win32', logger: silentLogger(), clock: new ManualClock(), load: () => ({ getFocusAssist: 'nope' }) });
    await settle();
    expect(odd.active()).toBe(false);
  });

  it('is always off on Linux, where the D-Bus notifier asks the desktop itself', () => {
    expect(createOsDoNotDisturb({ platform: 'linux', logger: silentLogger(), load: () => { throw new Error('not loaded on Linux'); } }).active()).toBe(false);
  });
});
