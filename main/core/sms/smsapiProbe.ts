import type { CheckLine, ConnectionProbe } from '../check/connectionCheck.js';
import { requiredSecrets } from '../check/connectionCheck.js';
import { safeErrorMessage } from '../log/redact.js';

/** The client library's own default base URL (smsapi 2.x). */
const DEFAULT_SMSAPI_URL = 'https://api.smsapi.pl';

/**
 * `servicebell check` for SMSAPI: reachability without sending. Any HTTP answer from the gateway counts as reachable;
 * 401/403 to the bearer token means the token is refused.
 */
export const smsapiProbe: ConnectionProbe = {
  name: 'smsapi',
  applies: (settings) => requiredSecrets(settings).includes('smsapi.token'),
  async run(settings, getSecret): Promise<CheckLine[]> {
    const base = (settings.sms.apiUrl ?? DEFAULT_SMSAPI_URL).replace(/\/+$/, '');
    const token = await getSecret('smsapi.token');
    try {
      const response = await fetch(`${base}/profile`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(10_000),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (response.status === 401 || response.status === 403) return [{ name: 'smsapi', ok: false, detail: `gateway refused the token (HTTP ${response.status})` }];
      return [{ name: 'smsapi', ok: true, detail: `gateway reachable at ${base} (nothing sent)` }];
    } catch (err) {
      return [{ name: 'smsapi', ok: false, detail: `gateway unreachable at ${base}: ${safeErrorMessage(err)}` }];
    }
  },
};
