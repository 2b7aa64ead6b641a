import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../test/harness/settings.js';
import { runChecks, type CheckLine, type ConnectionProbe } from './connectionCheck.js';

const never = <T>(): Promise<T> => new Promise<T>(() => {});

describe('runChecks', () => {
  it('ends a probe that never settles with a FAIL line at its deadline, after printing every earlier line', async () => {
    const settings = settingsFrom({ vonage: { enabled: true } });
    const stuck: ConnectionProbe = { name: 'stuck', applies: () => true, run: () => never<CheckLine[]>() };
    const after: ConnectionProbe = { name: 'after', applies: () => true, run: async () => [{ name: 'after', ok: true, detail: 'ran' }] };
    const seen: string[] = [];
    const lines = await runChecks(settings, async () => ({ location: 'environment', value: 'x' }), [stuck, after], {
      probeDeadlineMs: 200,
      onLine: (l) => seen.push(`${l.name}: ${l.detail}`),
    });
    expect(seen).toEqual(['settings: valid', 'secret vonage.backendToken: found in environment', 'stuck: did not finish within 200 ms', 'after: ran']);
    expect(lines.map((l) => l.ok)).toEqual([true, true, false, true]);
  });

  it('a secret lookup that never answers is a FAIL line, not a hang', async () => {
    const settings = settingsFrom({ vonage: { enabled: true } });
    const lines = await runChecks(settings, () => never(), [], { secretDeadlineMs: 100 });
    expect(lines.at(-1)).toEqual({ name: 'secret vonage.backendToken', ok: false, detail: 'finding vonage.backendToken took longer than 100 ms' });
  });
});
