/** `restaurants[1] ("Bistro Mokotów")`: how a message names a restaurant, by its place in the file and the name people know. */
export function restaurantPath(index: number, name: string | undefined): string {
  return name === undefined ? `restaurants[${index}]` : `restaurants[${index}] (${JSON.stringify(name)})`;
}
