import { z } from 'zod';
import type { CheckLine, ConnectionProbe } from '../check/connectionCheck.js';
import { requiredSecrets } from '../check/connectionCheck.js';
import { describeNetworkError } from '../connection/networkError.js';

/** The client library's own default base URL (smsapi 2.x). */
const DEFAULT_SMSAPI_URL = 'https://api.smsapi.pl';
const TIMEOUT_MS = 10_000;

/** SMSAPI's `GET /profile` answer (snake_case on the wire); only what the check line shows. */
const profileSchema = z.object({ username: z.string().optional(), name: z.string().optional(), points: z.number().optional() });

/**
 * `servicebell check` for SMSAPI without sending: `GET /profile` with the bearer token, as SMSAPI documents it
 * ("Account balance"). Only a 200 with an account counts as ok: 401/403 is a refused token, anything else a wrong URL.
 */
export const smsapiProbe: ConnectionProbe = {
  name: 'smsapi',
  applies: (settings) => requiredSecrets(settings).includes('smsapi.token'),
  async run(settings, getSecret): Promise<CheckLine[]> {
    const base = (settings.sms.apiUrl ?? DEFAULT_SMSAPI_URL).replace(/\/+$/, '');
    const url = `${base}/profile`;
    const token = await getSecret('smsapi.token');
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (err) {
      return [{ name: 'smsapi', ok: false, detail: describeNetworkError(url, err, TIMEOUT_MS) }];
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return [{ name: 'smsapi', ok: false, detail: `${base} refused the token (HTTP ${response.status})` }];
    }
    if (!response.ok) {
      await response.body?.cancel();
      return [{ name: 'smsapi', ok: false, detail: `${url} answered HTTP ${response.status}; is sms.apiUrl right?` }];
    }
    let profile: z.infer<typeof profileSchema> | undefined;
    try {
      const parsed = profileSchema.safeParse(await response.json());
      profile = parsed.success ? parsed.data : undefined;
    } catch {
      profile = undefined;
    }
    if (!profile || (profile.username === undefined && profile.name === undefined)) {
      return [{ name: 'smsapi', ok: false, detail: `${url} did not answer with an SMSAPI account; is sms.apiUrl right?` }];
    }
    return [{ name: 'smsapi', ok: true, detail: `token accepted by ${base} (account ${profile.username ?? profile.name}; nothing sent)` }];
  },
};
