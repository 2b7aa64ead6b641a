// The wording step of the pipeline: what Servicebell itself writes into an alert, put in the running language when
// the pipeline accepts it — a support request (from its `meta.support`), a PrivMX default rule's alert
// (`meta.defaultRule`), a stand-in body (`meta.standIn`) — and every title and body sanitized. What is stored is
// what is shown, and History keeps it as it was.
import type { Translator } from '../../../common/i18n/translator.js';
import type { Alert } from './alert.js';
import { localisedDefaultRule } from './defaultRuleText.js';
import { sanitizeBody, sanitizeTitle } from './sanitize.js';
import { localisedStandIn } from './standInText.js';
import { SUPPORT_REQUEST } from './supportReminders.js';
import { localisedSupportText } from './supportText.js';

/** Words `alert` in place (it is the validation's own copy: not copied once more) and returns it. */
export function wordAlert(alert: Alert, t: Translator): Alert {
  const text = alert.kind === SUPPORT_REQUEST ? localisedSupportText(alert.meta, alert.title, t) : localisedDefaultRule(alert.meta, t);
  const title = text?.title ?? alert.title;
  const body = text?.body ?? localisedStandIn(alert.meta, alert.kind, t) ?? alert.body;
  alert.title = sanitizeTitle(title);
  alert.body = sanitizeBody(body);
  return alert;
}
