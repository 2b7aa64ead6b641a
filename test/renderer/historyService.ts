// A whole evening of alerts in two restaurants, for the History window's tests and screenshots: today (Friday
// 16 May 2025, the page's clock stands at 19:30 UTC), yesterday and four days before, some read, some handled.
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import type { AppUnderTest } from './harness.js';

export const NOW = Date.UTC(2025, 4, 16, 19, 30);
const at = (day: number, hh: number, mm: number): number => Date.UTC(2025, 4, day, hh, mm);
const MOKOTOW = 'bistro-mokotow';
const MEET = 'https://meet.vonage.com/room/';

type Seeded = AlertInput & { read?: boolean; handled?: 'joined' | 'dismissed' };

const support = (id: string, receivedAt: number, title: string, body: string, extra: Partial<Seeded> = {}): Seeded => ({
  id, source: 'vonage', kind: 'support_request', title, body, link: `${MEET}${id}`, receivedAt, ...extra,
});
const message = (id: string, receivedAt: number, title: string, body: string, extra: Partial<Seeded> = {}): Seeded => ({
  id, source: 'privmx', kind: 'threadNewMessage', title, body, receivedAt, ...extra,
});

/** Newest first, as a person reads them. */
export const SERVICE: readonly Seeded[] = [
  support('s1', at(16, 19, 24), 'Video call from table 12', 'Guest at table 12 started a call.'),
  support('s2', at(16, 19, 21), 'Table 2 asks for a waiter', 'Garden room, by the fountain.', { restaurant: MOKOTOW }),
  message('m1', at(16, 19, 18), 'Kitchen: order 118 ready', 'Two ramen, one gyoza. Pick-up at the pass.'),
  support('s3', at(16, 19, 15), 'Table 7 asks for a waiter', 'anna.kowalska@example.com has requested support', { link: 'https://evil.example.com/join' }),
  message('m2', at(16, 19, 12), 'Delivery at the back door', 'Vegetables, 12 crates. Sign the note and put the crates in the cold room.', { restaurant: MOKOTOW }),
  message('m3', at(16, 19, 5), 'Kitchen: order 117 ready', 'Pad thai, no peanuts (allergy, table 5).'),
  { id: 'f1', restaurant: MOKOTOW, source: 'privmx', kind: 'storeFileCreated', title: 'New file: menu-weekend.pdf', body: 'Uploaded by the manager.', receivedAt: at(16, 19, 2) },
  message('m4', at(16, 18, 55), 'Bar: out of lime', 'Switch the mojito special to the spritz.', { read: true }),
  support('s4', at(16, 18, 47), 'Table 4 needs the bill', 'Card payment.', { handled: 'joined' }),
  message('m5', at(16, 18, 40), 'Kitchen: order 64 ready', 'Pierogi ×3.', { restaurant: MOKOTOW, read: true }),
  { id: 'test-1', source: 'servicebell', kind: 'test', title: 'Servicebell test notification', body: 'If you can read this, notifications work.', receivedAt: at(16, 18, 31), read: true },
  message('m6', at(16, 18, 20), 'Kitchen: order 116 ready', 'Soup of the day ×2.', { read: true }),
  support('s5', at(15, 22, 48), 'Table 9 asks for a waiter', 'Dessert menu, please.', { handled: 'dismissed' }),
  message('m7', at(15, 21, 30), 'Closing: fridge 2 at 7 °C', 'Check the door seal.', { restaurant: MOKOTOW, read: true }),
  message('m8', at(15, 20, 15), 'Kitchen: order 98 ready', 'Burger, fries.', { read: true }),
  message('m9', at(12, 12, 0), 'Weekly stock count', 'Due Monday.', { read: true }),
];

export const RESTAURANTS = [
  { id: 'default', name: 'Bistro Centrum' },
  { id: MOKOTOW, name: 'Bistro Mokotów' },
];

/** Two restaurants, bursts out of the way (every alert shown on its own), then SERVICE oldest first. */
export async function seedService(app: AppUnderTest): Promise<void> {
  const parsed = parseSettings({ restaurants: RESTAURANTS, notifications: { burst: { count: 100, windowSeconds: 1 } } });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await app.core.applySettings(parsed.settings);
  for (const { read, handled, ...alert } of [...SERVICE].reverse()) {
    await app.core.pipeline.ingest(alert, read ? { read } : {});
    const key = { restaurant: alert.restaurant ?? 'default', source: alert.source, id: alert.id };
    if (handled) await app.core.history.markHandled([key], handled);
  }
}
