// Every text about restaurants the settings window shows that is not in settings.html, in one table so it can be
// translated later.
export const RESTAURANT_TEXT = {
  newName: (n: number) => `Restaurant ${n}`,
  select: (name: string) => `Edit ${name}`,
  moveUp: (name: string) => `Move ${name} up`,
  moveDown: (name: string) => `Move ${name} down`,
  up: 'Move up',
  down: 'Move down',
  muted: 'muted',
  problems: (n: number) => (n === 1 ? '1 problem' : `${n} problems`),
  added: (name: string) => `${name} added. Fill in its connections, then save.`,
  moved: (name: string, place: number) => `${name} moved to position ${place}.`,
  removeAsk: (name: string) => `Remove ${name}?`,
  removeExplain: 'Its connections, SMS numbers, links and rules go when you save, and its secrets are deleted from the keychain. Its alerts stay in the history.',
  removeConfirm: (name: string) => `Remove ${name}`,
  removeCancel: 'Keep it',
  removed: (name: string) => `${name} removed. Save to make it final.`,
  onlyOne: 'The only restaurant cannot be removed.',
  idFixed: 'The id names its keychain entries and saved positions, so it stays when you rename the restaurant.',
  idNew: 'Made from the name; you can change it until you save.',
  heading: (name: string) => name || '(no name)',
  /** How the problem list names a restaurant's problem. */
  problemIn: (name: string, problem: string) => `${name}: ${problem}`,
} as const;
