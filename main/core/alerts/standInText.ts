// The body Servicebell writes for an event that carries no text of its own ("New order event"): sources write it in
// English and mark it (`meta.standIn`), and the pipeline words it in the running language when it accepts the alert.
import type { Translator } from '../../../common/i18n/translator.js';

export const STAND_IN_META = 'standIn';

/** The English stand-in body and the marker a source puts in the alert's meta. */
export function standInBody(type: string): string {
  return `New ${type} event`;
}

/** The stand-in body in the running language, or undefined when the alert carries its own text. */
export function localisedStandIn(meta: Record<string, unknown>, type: string, t: Translator): string | undefined {
  return meta[STAND_IN_META] === true ? t.t('alert.standInBody', { type }) : undefined;
}
