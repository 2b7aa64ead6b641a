/** What the pipeline needs to know of the restaurants configured now (read at each decision). */
export interface RestaurantLabels {
  /** How many restaurants are configured: notifications name the restaurant only when there is more than one. */
  count(): number;
  /** The name people know (the id when it is no longer configured). */
  name(id: string): string;
  /** "Mute this restaurant": its alerts go to history, not to the screen. */
  muted(id: string): boolean;
}

/** One restaurant, never muted: what the pipeline assumes when it is given nothing else. */
export const singleRestaurant: RestaurantLabels = { count: () => 1, name: (id) => id, muted: () => false };

/** "Bistro Mokotów · Support request" with several restaurants; the title alone with one. */
export function notificationTitle(labels: RestaurantLabels, restaurant: string, title: string): string {
  return labels.count() > 1 ? `${labels.name(restaurant)} · ${title}` : title;
}

/** "Bistro Mokotów: 5 new support requests" with several restaurants; the text alone with one. */
export function summaryLine(labels: RestaurantLabels, restaurant: string, text: string): string {
  return labels.count() > 1 ? `${labels.name(restaurant)}: ${text}` : text;
}
