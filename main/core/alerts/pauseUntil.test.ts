// Warsaw has both DST changes on the last Sundays of March and October; set before any Date is made in this process.
process.env.TZ = 'Europe/Warsaw';

import { describe, expect, it } from 'vitest';
import { MORNING_HOUR, nextMorning } from './pauseUntil.js';

const HOUR = 3600_000;
/** Epoch ms of a Warsaw wall-clock time. */
const local = (y: number, m: number, d: number, h: number, min = 0): number => new Date(y, m - 1, d, h, min).getTime();
const wall = (ms: number): string => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' });

describe('nextMorning (Europe/Warsaw)', () => {
  it('runs in Warsaw time (the zone took effect)', () => {
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset()).toBe(-60);
    expect(new Date(Date.UTC(2026, 6, 15, 12)).getTimezoneOffset()).toBe(-120);
    expect(MORNING_HOUR).toBe(6);
  });

  it('after midnight it is the same morning: 00:30 → 06:00 (5.5 h), 05:00 → 06:00 (1 h)', () => {
    expect(nextMorning(local(2026, 5, 12, 0, 30)) - local(2026, 5, 12, 0, 30)).toBe(5.5 * HOUR);
    expect(wall(nextMorning(local(2026, 5, 12, 0, 30)))).toBe('2026-05-12 06:00:00');
    expect(nextMorning(local(2026, 5, 12, 5)) - local(2026, 5, 12, 5)).toBe(1 * HOUR);
    expect(nextMorning(local(2026, 5, 12, 5, 59) + 59_999)).toBe(local(2026, 5, 12, 6));
  });

  it('at 06:00 or later it is the next day: 06:00 → 24 h, 23:00 → 7 h', () => {
    expect(wall(nextMorning(local(2026, 5, 12, 6)))).toBe('2026-05-13 06:00:00');
    expect(nextMorning(local(2026, 5, 12, 6)) - local(2026, 5, 12, 6)).toBe(24 * HOUR);
    expect(nextMorning(local(2026, 5, 12, 23)) - local(2026, 5, 12, 23)).toBe(7 * HOUR);
  });

  it('crosses a month end and a year end', () => {
    expect(wall(nextMorning(local(2026, 4, 30, 22)))).toBe('2026-05-01 06:00:00');
    expect(wall(nextMorning(local(2026, 2, 28, 12)))).toBe('2026-03-01 06:00:00');
    expect(wall(nextMorning(local(2026, 12, 31, 23, 30)))).toBe('2027-01-01 06:00:00');
    expect(nextMorning(local(2026, 12, 31, 23, 30)) - local(2026, 12, 31, 23, 30)).toBe(6.5 * HOUR);
  });

  it('spring forward (Sunday 29 March 2026, 02:00 → 03:00): paused at midnight, 06:00 local comes after 5 h', () => {
    const midnight = local(2026, 3, 29, 0);
    expect(new Date(midnight).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(nextMorning(midnight)).toISOString()).toBe('2026-03-29T04:00:00.000Z');
    expect(wall(nextMorning(midnight))).toBe('2026-03-29 06:00:00');
    expect(nextMorning(midnight) - midnight).toBe(5 * HOUR);
    // Paused the evening before: 23:00 CET → 06:00 CEST is 6 h of real time, not 7.
    expect(nextMorning(local(2026, 3, 28, 23)) - local(2026, 3, 28, 23)).toBe(6 * HOUR);
  });

  it('fall back (Sunday 25 October 2026, 03:00 → 02:00): paused at midnight, 06:00 local comes after 7 h', () => {
    const midnight = local(2026, 10, 25, 0);
    expect(new Date(midnight).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(nextMorning(midnight)).toISOString()).toBe('2026-10-25T05:00:00.000Z');
    expect(wall(nextMorning(midnight))).toBe('2026-10-25 06:00:00');
    expect(nextMorning(midnight) - midnight).toBe(7 * HOUR);
    // Paused the evening before: 23:00 CEST → 06:00 CET is 8 h of real time.
    expect(nextMorning(local(2026, 10, 24, 23)) - local(2026, 10, 24, 23)).toBe(8 * HOUR);
  });
});
