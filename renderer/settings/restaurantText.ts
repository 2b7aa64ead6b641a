// Every text about restaurants the settings window shows that is not in settings.html, read from the catalogue in the
// window's language at the moment it is shown (getters), so a language switch needs only a redraw.
import { t } from '../i18n.js';

export const RESTAURANT_TEXT = {
  newName: (n: number) => t('restaurant.newName', { n }),
  select: (name: string) => t('restaurant.select', { name }),
  moveUp: (name: string) => t('restaurant.moveUp', { name }),
  moveDown: (name: string) => t('restaurant.moveDown', { name }),
  get up() { return t('restaurant.up'); },
  get down() { return t('restaurant.down'); },
  get muted() { return t('restaurant.muted'); },
  problems: (count: number) => t('restaurant.problems', { count }),
  added: (name: string) => t('restaurant.added', { name }),
  moved: (name: string, place: number) => t('restaurant.moved', { name, place }),
  removeAsk: (name: string) => t('restaurant.removeAsk', { name }),
  get removeExplain() { return t('restaurant.removeExplain'); },
  removeConfirm: (name: string) => t('restaurant.removeConfirm', { name }),
  get removeCancel() { return t('restaurant.removeCancel'); },
  removed: (name: string) => t('restaurant.removed', { name }),
  get onlyOne() { return t('restaurant.onlyOne'); },
  get idFixed() { return t('restaurant.idFixed'); },
  get idNew() { return t('restaurant.idNew'); },
  heading: (name: string) => name || t('restaurant.noName'),
  /** How the problem list names a restaurant's problem. */
  problemIn: (name: string, problem: string) => t('restaurant.problemIn', { name, problem }),
};
