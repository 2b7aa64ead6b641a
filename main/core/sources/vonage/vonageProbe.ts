import type { CheckLine, ConnectionProbe } from '../../check/connectionCheck.js';
import { safeErrorMessage } from '../../log/redact.js';
import { fetchClientJwt } from './jwtClient.js';
import { aclExcess, decodeJwtClaims } from './jwtInspect.js';
import { SdkSession } from './sdkSession.js';
import { realTimers } from './timers.js';
import { resolveTiming } from './vonageTiming.js';

const noop = (): void => {};

/** `servicebell check` for Vonage: the backend's /jwt once, then one SDK session that joins the conversation. */
export const vonageProbe: ConnectionProbe = {
  name: 'vonage',
  applies: (settings) => settings.vonage.enabled,
  async run(settings, getSecret): Promise<CheckLine[]> {
    const { backendUrl, username, sdk } = settings.vonage;
    if (!backendUrl || !username) return [{ name: 'vonage backend /jwt', ok: false, detail: 'vonage.backendUrl and vonage.username must be set' }];
    const staffToken = await getSecret('vonage.backendToken');
    if (!staffToken) return [{ name: 'vonage backend /jwt', ok: false, detail: 'no staff token (vonage.backendToken)' }];
    const timing = resolveTiming();
    let reply;
    try {
      reply = await fetchClientJwt({ backendUrl, staffToken, username, timeoutMs: timing.jwtTimeoutMs });
    } catch (err) {
      return [{ name: 'vonage backend /jwt', ok: false, detail: safeErrorMessage(err) }];
    }
    const claims = decodeJwtClaims(reply.token);
    const excess = claims ? aclExcess(claims, reply.conversation) : [];
    const lines: CheckLine[] = [
      {
        name: 'vonage backend /jwt',
        ok: true,
        detail: `token for conversation ${reply.conversation}${excess.length ? `; warning: its ACL grants more than read access (${excess.join(', ')})` : ''}`,
      },
    ];
    try {
      const session = await SdkSession.open(
        {
          url: sdk.url,
          apiUrl: sdk.apiUrl,
          token: reply.token,
          conversationId: reply.conversation,
          loginTimeoutMs: timing.loginTimeoutMs,
          restTimeoutMs: timing.restTimeoutMs,
          socket: { reconnectionAttempts: 1, reconnectionDelay: 500, reconnectionDelayMax: 500 },
          timers: realTimers,
          failOnConnectError: true,
        },
        { onEvent: noop, onReconnected: noop, onDisconnect: noop, onReconnectFailed: noop, onTokenRejected: noop, onDropped: noop },
      );
      session.close();
      lines.push({ name: 'vonage session', ok: true, detail: `signed in and joined ${reply.conversation}` });
    } catch (err) {
      lines.push({ name: 'vonage session', ok: false, detail: safeErrorMessage(err) });
    }
    return lines;
  },
};
