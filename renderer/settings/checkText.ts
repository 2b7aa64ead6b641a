// "Check connections" in plain words: each line of the core's check (`vonage backend /jwt`, `secret
// privmx.apiKeySecret`, …) as what it means and what to do about it in this window. The core's own line stays with it
// for IT. Pure: no DOM and no core import; a line it does not know is shown as the core words it.
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

const CONNECTIONS = 'Restaurants and connections';
const SECRETS: Record<string, { part: string; label: string; where?: string; field?: string }> = {
  'vonage.backendToken': { part: 'Vonage', label: 'Vonage backend token', where: `${CONNECTIONS} › Vonage › Backend token`, field: 'vonage-backendToken' },
  'privmx.apiKeySecret': { part: 'PrivMX Bridge', label: 'PrivMX API key secret', where: `${CONNECTIONS} › PrivMX Bridge › API key secret`, field: 'privmx-apiKeySecret' },
  'smsapi.token': { part: 'SMS', label: 'SMSAPI token', where: `${CONNECTIONS} › SMS forwarding › SMSAPI token`, field: 'smsapi-token' },
  'mqtt.password': { part: 'MQTT', label: 'MQTT password' },
  'ntfy.token': { part: 'ntfy', label: 'ntfy token or password' },
};
const LOCATIONS: Record<string, string> = {
  keychain: "in the computer's keychain",
  environment: 'by an environment variable',
  'encrypted store': 'encrypted on this computer',
  memory: 'in memory until Servicebell quits',
};

type Said = Omit<CheckWords, 'state' | 'technical'>;
type Reader = (m: RegExpExecArray, line: CheckLineIn) => Said | undefined;

function secretLine(m: RegExpExecArray, line: CheckLineIn): Said | undefined {
  const secret = SECRETS[m[1] ?? ''];
  if (!secret) return undefined;
  const { part, label, where, field } = secret;
  if (line.ok) {
    const place = LOCATIONS[line.detail.replace(/^found in /, '')];
    return { part, words: `The ${label} is stored${place ? ` ${place}` : ''}.` };
  }
  if (!line.detail.startsWith('missing')) return { part, words: `The ${label} could not be read.`, todo: 'Check again in a minute; if it stays, ask IT to look at the keychain.' };
  if (!where) return { part, words: `The ${label} is not set.`, todo: 'Ask IT to store it on this computer.' };
  return { part, words: `The ${label} is not set.`, todo: `Type it in ${where}, then Save.`, ...(field ? { field } : {}) };
}

function warningLine(m: RegExpExecArray, line: CheckLineIn): Said | undefined {
  const { local } = splitProblem(`${m[1] ?? ''}: ${line.detail}`);
  const path = local.slice(0, local.indexOf(': '));
  if (path === 'links.allowedHosts') {
    return { part: 'Links', words: 'No "Join Meeting" host is allowed, so no alert gets a Join Meeting button.', todo: `Add your meeting hosts in ${CONNECTIONS} › Links, then Save.`, field: 'links-allowedHosts' };
  }
  const rule = /^privmx\.rules\[(\d+)\]\.actions$/.exec(path);
  if (rule) {
    return { part: 'Rules', words: `Rule ${Number(rule[1]) + 1} sends an SMS, but the restaurant has no phone numbers, so none is sent.`, todo: `Add phone numbers in ${CONNECTIONS} › SMS forwarding, or untick SMS in the rule under Rules.`, field: 'sms-to' };
  }
  if (path === 'mqtt.url' || path === 'ntfy.baseUrl') {
    const [part, safe] = path === 'mqtt.url' ? ['MQTT', 'mqtts:// or wss://'] : ['ntfy', 'https://'];
    return { part, words: `The ${part} connection is not encrypted: its password and every request cross the network readable.`, todo: `Ask IT to use an address starting with ${safe}.` };
  }
  return undefined;
}

const failed = (ok: boolean, yes: string, no: string, todo: string): Omit<Said, 'part'> => (ok ? { words: yes } : { words: no, todo });
const missingFields = (detail: string): boolean => / must be set$/.test(detail);

/** Each check the core runs, by its line's name (after the `[restaurant]` prefix). */
const READERS: ReadonlyArray<[RegExp, Reader]> = [
  [/^settings$/, (_m, l) => ({ ...failed(l.ok, 'The settings are valid.', 'The saved settings have problems.', 'Fix what Save shows, then Save again.'), part: 'Settings' })],
  [/^settings (.+)$/, warningLine],
  [
    /^keychain$/,
    (_m, l) => ({
      part: 'Keychain',
      words: l.ok ? "The computer's keychain cannot be used, but no secret is missing." : "The computer's keychain cannot be used, so passwords and tokens cannot be kept safely.",
      todo: 'Ask IT to unlock the keychain (the login keyring) of this user, then check again.',
    }),
  ],
  [/^secret (.+)$/, secretLine],
  [
    /^vonage backend \/jwt$/,
    (_m, l) => {
      if (missingFields(l.detail)) return { part: 'Vonage', words: 'The Vonage backend URL or user name is missing.', todo: `Fill them in under ${CONNECTIONS} › Vonage, then Save.`, field: 'vonage-backendUrl' };
      const todo = `Check the backend URL, user name and backend token in ${CONNECTIONS} › Vonage. If they are right, ask IT whether this computer can reach the backend.`;
      return { ...failed(l.ok, 'Signed in to the Vonage backend.', 'Servicebell could not sign in to the Vonage backend.', todo), part: 'Vonage', ...(l.ok ? {} : { field: 'vonage-backendUrl' }) };
    },
  ],
  [
    /^vonage session$/,
    (_m, l) => ({ ...failed(l.ok, 'Connected to Vonage: support requests will arrive.', 'Signed in, but the live connection to Vonage failed.', 'Ask IT to check the Vonage endpoints under Advanced, and that this computer may reach Vonage.'), part: 'Vonage' }),
  ],
  [
    /^privmx auth$/,
    (_m, l) => {
      if (missingFields(l.detail)) return { part: 'PrivMX Bridge', words: 'The PrivMX Bridge URL or API key id is missing.', todo: `Fill them in under ${CONNECTIONS} › PrivMX Bridge, then Save.`, field: 'privmx-bridgeUrl' };
      const todo = `Check the Bridge URL, API key id and API key secret in ${CONNECTIONS} › PrivMX Bridge. If they are right, ask IT whether this computer can reach the Bridge.`;
      return { ...failed(l.ok, 'The PrivMX Bridge accepted the API key.', 'The PrivMX Bridge refused the API key or could not be reached.', todo), part: 'PrivMX Bridge', ...(l.ok ? {} : { field: 'privmx-bridgeUrl' }) };
    },
  ],
  [
    /^privmx bind$/,
    (_m, l) => ({ ...failed(l.ok, 'Connected to the PrivMX Bridge: events will arrive.', 'The API key works, but the live connection to the Bridge failed.', 'Ask IT whether this computer may open WebSocket connections to the Bridge.'), part: 'PrivMX Bridge' }),
  ],
  [/^mqtt$/, (_m, l) => ({ ...failed(l.ok, 'Connected to the MQTT broker.', 'Could not connect to the MQTT broker.', "Ask IT to check this restaurant's MQTT settings and its password."), part: 'MQTT' })],
  [/^ntfy$/, (_m, l) => ({ ...failed(l.ok, 'Connected to the ntfy server.', 'Could not connect to the ntfy server.', "Ask IT to check this restaurant's ntfy settings and its token."), part: 'ntfy' })],
  [
    /^smsapi$/,
    (_m, l) => ({ ...failed(l.ok, 'SMS can be sent: SMSAPI accepted the token (nothing was sent).', 'SMS cannot be sent: SMSAPI refused the token or could not be reached.', `Check the SMSAPI token in ${CONNECTIONS} › SMS forwarding (and the SMSAPI URL under Advanced).`), part: 'SMS', ...(l.ok ? {} : { field: 'smsapi-token' }) }),
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
  if (problems > 0) return { text: `${problems === 1 ? '1 check' : `${problems} checks`} failed: what to do is under each.`, ok: false };
  return { text: warnings > 0 ? `All checks passed, with ${warnings} warning(s).` : 'All checks passed.', ok: true };
}
