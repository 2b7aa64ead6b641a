import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupByDay, msUntilNextDay } from './historyDays.js';

const labels = { today: 'Today', yesterday: 'Yesterday', date: (at: Date) => `${at.getDate()}.${at.getMonth() + 1}.` };
const local = (y: number, m: number, d: number, hh: number, mm = 0): number => new Date(y, m - 1, d, hh, mm).getTime();

// Warsaw: summer time starts on 30 March 2025 (02:00 → 03:00) and ends on 26 October (03:00 → 02:00).
beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Warsaw');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('History day groups in local time', () => {
  it('Today, Yesterday, then the date; a group per calendar day, in the given order', () => {
    const now = local(2025, 5, 16, 0, 10);
    const items = [local(2025, 5, 16, 0, 5), local(2025, 5, 15, 23, 59), local(2025, 5, 15, 0, 0), local(2025, 5, 14, 23, 59)].map((receivedAt) => ({ receivedAt }));
    expect(groupByDay(items, now, labels).map((g) => [g.label, g.items.length])).toEqual([['Today', 1], ['Yesterday', 2], ['14.5.', 1]]);
    expect(groupByDay([], now, labels)).toEqual([]);
  });

  it('a day of 23 or 25 hours is still one day: "Yesterday" across both DST changes', () => {
    // The morning after the spring change: yesterday began only 23 hours before today did.
    const spring = groupByDay([{ receivedAt: local(2025, 3, 30, 0, 30) }, { receivedAt: local(2025, 3, 29, 23, 30) }], local(2025, 3, 31, 0, 15), labels);
    expect(spring.map((g) => g.label)).toEqual(['Yesterday', '29.3.']);
    const autumn = groupByDay([{ receivedAt: local(2025, 10, 26, 0, 30) }, { receivedAt: local(2025, 10, 26, 23, 30) }], local(2025, 10, 27, 23, 50), labels);
    expect(autumn.map((g) => g.label)).toEqual(['Yesterday']);
  });

  it('redraws at the next local midnight, also on the short and the long day', () => {
    expect(msUntilNextDay(local(2025, 5, 16, 23, 0))).toBe(3_600_000);
    expect(msUntilNextDay(local(2025, 3, 30, 0, 0))).toBe(23 * 3_600_000);
    expect(msUntilNextDay(local(2025, 10, 26, 0, 0))).toBe(25 * 3_600_000);
  });
});
