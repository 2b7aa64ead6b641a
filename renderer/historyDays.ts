// Day groups of the History list, in the computer's local time: "Today", "Yesterday", then the date.
export interface DayGroup<T> {
  /** The local calendar day, YYYY-MM-DD (a stable key for the heading). */
  day: string;
  label: string;
  items: T[];
}

export interface DayLabels {
  today: string;
  yesterday: string;
  date(at: Date): string;
}

function dayKey(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Items already newest first; each group keeps their order. Calendar arithmetic, so a DST change is still one day. */
export function groupByDay<T extends { receivedAt: number }>(items: readonly T[], now: number, labels: DayLabels): DayGroup<T>[] {
  const today = new Date(now);
  const todayKey = dayKey(today);
  const yesterdayKey = dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1));
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const at = new Date(item.receivedAt);
    const day = dayKey(at);
    let group = groups[groups.length - 1];
    if (group?.day !== day) {
      const label = day === todayKey ? labels.today : day === yesterdayKey ? labels.yesterday : labels.date(at);
      group = { day, label, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** Milliseconds from `now` to the next local midnight (when "Today" becomes "Yesterday"). */
export function msUntilNextDay(now: number): number {
  const at = new Date(now);
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime() - now;
}
