import type { AlertKey } from './alert.js';

/**
 * `vonage/<id>` for the `default` restaurant (as before settings v2, so a toast shown before an upgrade still
 * activates), `vonage@bistro-mokotow/<id>` for any other. Restaurant ids are slugs: never `@` or `/`.
 */
export function notificationKey(alert: AlertKey): string {
  return alert.restaurant === 'default' ? `${alert.source}/${alert.id}` : `${alert.source}@${alert.restaurant}/${alert.id}`;
}

export function parseNotificationKey(key: string): AlertKey | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0 || key.startsWith('summary:')) return undefined;
  const head = key.slice(0, slash);
  const at = head.indexOf('@');
  const [source, restaurant] = at < 0 ? [head, 'default'] : [head.slice(0, at), head.slice(at + 1)];
  if (source === '' || restaurant === '') return undefined;
  return { restaurant, source, id: key.slice(slash + 1) };
}
