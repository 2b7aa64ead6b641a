// "Pause until morning": the next time the clock on the wall reads 06:00, so a pause at 00:30 ends in 5.5 hours and
// one at 23:00 in 7, whatever the date or a daylight-saving change in between.

/** The local hour a pause "until morning" ends at. */
export const MORNING_HOUR = 6;

/** The next local MORNING_HOUR:00 strictly after `now` (built with local Date setters, so DST changes are right). */
export function nextMorning(now: number): number {
  const d = new Date(now);
  d.setHours(MORNING_HOUR, 0, 0, 0);
  if (d.getTime() > now) return d.getTime();
  d.setDate(d.getDate() + 1);
  d.setHours(MORNING_HOUR, 0, 0, 0);
  return d.getTime();
}
