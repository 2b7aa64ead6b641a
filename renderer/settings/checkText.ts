// "Check connections" in plain words: each line of the core's check (`vonage backend /jwt`, `secret
// privmx.apiKeySecret`, …) as what it means and what to do about it in this window. The core's own line stays with it
// for IT (English). In the window's language. Pure: no DOM and no core import; a line it does not know is shown as
// the core words it.
import type { MessageKey } from '../../common/i18n/catalogues/en.js';
import { t } from '../i18n.js';
import { splitProblem } from './restaurantDrafts.js';

export interface CheckLineIn {
  name: string;
  ok: boolean;
  detail: string;
  warning?: boolean;
  restaurant?: string;
}

export type CheckState = 'ok' | 'warning' | 'problem';

export interface CheckWords {
  state: CheckState;
  /** Which connection or part: "Vonage", "PrivMX Bridge", "Settings". */
  part: string;
  words: string;
  /** What to do, for a problem or a warning. */
  todo?: string;
  /** The window's field where that is done (an element id), when there is one. */
  field?: string;
  /** The core's line, for IT. */
  technical: string;
}

/** "Restaurants and connections › Vonage › Backend token": where in the window, in the names the window shows. */
const where = (...keys: Array<MessageKey | string>): string => [t('settings.tab.restaurants'), ...keys.map((k) => (k.includes('.') ? t(k as MessageKey) : k))].join(' › ');
const SECRETS: Record<string, { part: string; label: MessageKey; where?: () => string; field?: string }> = {
  'vonage.backendToken': { part: 'Vonage', label: 'window.check.secret.vonage', where: () => where('Vonage', 'settings.vonage-backendToken.label'), field: 'vonage-backendToken' },
  'privmx.apiKeySecret': { part: 'PrivMX Bridge', label: 'window.check.secret.privmx', where: () => where('PrivMX Bridge', 'settings.privmx-apiKeySecret.label'), field: 'privmx-apiKeySecret' },
  'smsapi.token': { part: 'SMS', label: 'window.check.secret.smsapi', where: () => where('settings.legend.smsForwarding', 'settings.smsapi-token.label'), field: 'smsapi-token' },
  'mqtt.password': { part: 'MQTT', label: 'window.check.secret.mqtt' },
  'ntfy.token': { part: 'ntfy', label: 'window.check.secret.ntfy' },
};
const LOCATIONS: Record<string, MessageKey> = {
  keychain: 'window.check.location.keychain',
  environment: 'window.check.location.environment',
  'encrypted store': 'window.check.location.encrypted',
  memory: 'window.check.location.memory',
};

type Said = Omit<CheckWords, 'state' | 'technical'>;
type Reader = (m: RegExpExecArray, line: CheckLineIn) => Said | undefined;

function secretLine(m: RegExpExecArray, line: CheckLineIn): Said | undefined {
  const secret = SECRETS[m[1] ?? ''];
  if (!secret) return undefined;
  const { part, field } = secret;
  const label = t(secret.label);
  if (line.ok) {
    const location = line.detail.replace(/^found in /, '');
    const place = Object.hasOwn(LOCATIONS, location) ? LOCATIONS[location] : undefined;
    return { part, words: place ? t('window.check.secretStoredIn', { secret: label, place: t(place) }) : t('window.check.secretStored', { secret: label }) };
  }
  if (!line.detail.startsWith('missing')) return { part, words: t('window.check.secretUnreadable', { secret: label }), todo: t('window.check.secretUnreadableTodo') };
  if (!secret.where) return { part, words: t('window.check.secretMissing', { secret: label }), todo: t('window.check.secretMissingAskIt') };
  return { part, words: t('window.check.secretMissing', { secret: label }), todo: t('window.check.secretMissingTypeIt', { where: secret.where() }), ...(field ? { field } : {}) };
}

function warningLine(m: RegExpExecArray, line: CheckLineIn): Said | undefined {
  const { local } = splitProblem(`${m[1] ?? ''}: ${line.detail}`);
  const path = local.slice(0, local.indexOf(': '));
  if (path === 'links.allowedHosts') {
    return { part: t('window.check.part.links'), words: t('window.check.noHosts'), todo: t('window.check.noHostsTodo', { where: where('settings.legend.links') }), field: 'links-allowedHosts' };
  }
  const rule = /^privmx\.rules\[(\d+)\]\.actions$/.exec(path);
  if (rule) {
    return { part: t('window.check.part.rules'), words: t('window.check.ruleSmsNoPhones', { n: Number(rule[1]) + 1 }), todo: t('window.check.ruleSmsNoPhonesTodo', { where: where('settings.legend.smsForwarding') }), field: 'sms-to' };
  }
  if (path === 'mqtt.url' || path === 'ntfy.baseUrl') {
    const [part, safe] = path === 'mqtt.url' ? ['MQTT', 'mqtts:// or wss://'] : ['ntfy', 'https://'];
    return { part, words: t('window.check.unencrypted', { part }), todo: t('window.check.unencryptedTodo', { safe }) };
  }
  return undefined;
}

const failed = (ok: boolean, yes: MessageKey, no: MessageKey, todo: MessageKey | string): Omit<Said, 'part'> => (ok ? { words: t(yes) } : { words: t(no), todo: todo.startsWith('window.check.') ? t(todo as MessageKey) : todo });
const missingFields = (detail: string): boolean => / must be set$/.test(detail);

/** Each check the core runs, by its line's name (after the `[restaurant]` prefix). */
const READERS: ReadonlyArray<[RegExp, Reader]> = [
  [/^settings$/, (_m, l) => ({ ...failed(l.ok, 'window.check.settingsValid', 'window.check.settingsInvalid', 'window.check.settingsTodo'), part: t('window.check.part.settings') })],
  [/^settings (.+)$/, warningLine],
  [
    /^keychain$/,
    (_m, l) => ({
      part: t('window.check.part.keychain'),
      words: l.ok ? t('window.check.keychainUnusableNothingMissing') : t('window.check.keychainUnusable'),
      todo: t('window.check.keychainTodo'),
    }),
  ],
  [/^secret (.+)$/, secretLine],
  [
    /^vonage backend \/jwt$/,
    (_m, l) => {
      if (missingFields(l.detail)) return { part: 'Vonage', words: t('window.check.vonageMissing'), todo: t('window.check.fillThemIn', { where: where('Vonage') }), field: 'vonage-backendUrl' };
      const todo = t('window.check.vonageTodo', { where: where('Vonage') });
      return { ...failed(l.ok, 'window.check.vonageSignedIn', 'window.check.vonageSignInFailed', todo), part: 'Vonage', ...(l.ok ? {} : { field: 'vonage-backendUrl' }) };
    },
  ],
  [
    /^vonage session$/,
    (_m, l) => ({ ...failed(l.ok, 'window.check.vonageConnected', 'window.check.vonageSessionFailed', 'window.check.vonageSessionTodo'), part: 'Vonage' }),
  ],
  [
    /^privmx auth$/,
    (_m, l) => {
      if (missingFields(l.detail)) return { part: 'PrivMX Bridge', words: t('window.check.privmxMissing'), todo: t('window.check.fillThemIn', { where: where('PrivMX Bridge') }), field: 'privmx-bridgeUrl' };
      const todo = t('window.check.privmxTodo', { where: where('PrivMX Bridge') });
      return { ...failed(l.ok, 'window.check.privmxAccepted', 'window.check.privmxRefused', todo), part: 'PrivMX Bridge', ...(l.ok ? {} : { field: 'privmx-bridgeUrl' }) };
    },
  ],
  [
    /^privmx bind$/,
    (_m, l) => ({ ...failed(l.ok, 'window.check.privmxConnected', 'window.check.privmxBindFailed', 'window.check.privmxBindTodo'), part: 'PrivMX Bridge' }),
  ],
  [/^mqtt$/, (_m, l) => ({ ...failed(l.ok, 'window.check.mqttConnected', 'window.check.mqttFailed', 'window.check.mqttTodo'), part: 'MQTT' })],
  [/^ntfy$/, (_m, l) => ({ ...failed(l.ok, 'window.check.ntfyConnected', 'window.check.ntfyFailed', 'window.check.ntfyTodo'), part: 'ntfy' })],
  [
    /^smsapi$/,
    (_m, l) => ({ ...failed(l.ok, 'window.check.smsOk', 'window.check.smsFailed', t('window.check.smsTodo', { where: where('settings.legend.smsForwarding') })), part: 'SMS', ...(l.ok ? {} : { field: 'smsapi-token' }) }),
  ],
];

export function checkWords(line: CheckLineIn): CheckWords {
  const state: CheckState = !line.ok ? 'problem' : line.warning ? 'warning' : 'ok';
  const technical = `${line.name}: ${line.detail}`;
  const name = line.name.replace(/^\[[^\]]*\] /, '');
  for (const [pattern, read] of READERS) {
    const m = pattern.exec(name);
    const said = m ? read(m, line) : undefined;
    if (said) return { state, technical, ...said };
  }
  return { state, part: name, words: line.detail, technical };
}

/** A warning Save returned ("links.allowedHosts: empty, so …") in words, with what to do; unknown ones as they are. */
export function warningWords(warning: string): string {
  const colon = warning.indexOf(': ');
  if (colon < 0) return warning;
  const detail = warning.slice(colon + 2);
  const said = checkWords({ name: `settings ${warning.slice(0, colon)}`, ok: true, warning: true, detail });
  if (said.words === detail && said.todo === undefined) return warning;
  return said.todo ? `${said.words} ${said.todo}` : said.words;
}

/** The status line after a check. */
export function checkSummary(lines: readonly CheckLineIn[]): { text: string; ok: boolean } {
  const problems = lines.filter((l) => !l.ok).length;
  const warnings = lines.filter((l) => l.ok && l.warning).length;
  if (problems > 0) return { text: t('window.check.summaryFailed', { count: problems }), ok: false };
  return { text: warnings > 0 ? t('window.check.summaryWarnings', { count: warnings }) : t('window.check.summaryOk'), ok: true };
}
