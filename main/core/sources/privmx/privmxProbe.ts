import os from 'node:os';
import { z } from 'zod';
import type { CheckLine, ConnectionProbe } from '../../check/connectionCheck.js';
import { silentLogger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { PrivmxAuth, sessionScope } from './privmxAuth.js';
import { PrivmxSocket } from './privmxSocket.js';

/**
 * `servicebell check` for PrivMX: `manager/auth` with the API key, then one WebSocket bind. It uses its own
 * token session name, so a check never evicts the running app's session.
 */
export const privmxProbe: ConnectionProbe = {
  name: 'privmx',
  applies: (settings) => settings.privmx.enabled,
  async run(settings, getSecret): Promise<CheckLine[]> {
    const { bridgeUrl, apiKeyId, channels, solution } = settings.privmx;
    if (!bridgeUrl || !apiKeyId) return [{ name: 'privmx auth', ok: false, detail: 'privmx.bridgeUrl and privmx.apiKeyId must be set' }];
    const apiUrl = `${bridgeUrl.replace(/\/+$/, '')}/api`;
    const logger = silentLogger();
    const auth = new PrivmxAuth({
      apiUrl,
      apiKeyId,
      getSecret: () => getSecret('privmx.apiKeySecret'),
      scopes: [sessionScope(`${os.hostname()}-check`), ...channels, `solution:${solution}`],
      logger,
      timeoutMs: 10_000,
    });
    let accessToken: string;
    try {
      accessToken = (await auth.validToken()).accessToken;
    } catch (err) {
      return [{ name: 'privmx auth', ok: false, detail: safeErrorMessage(err) }];
    }
    const lines: CheckLine[] = [{ name: 'privmx auth', ok: true, detail: `API key ${apiKeyId} accepted` }];
    let socket: PrivmxSocket | undefined;
    try {
      socket = await PrivmxSocket.open({ url: apiUrl.replace(/^http/, 'ws'), logger, onNotification: () => {}, onClose: () => {}, connectTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
      await socket.request('manager/bindAccessToken', { accessToken }, z.literal('OK'));
      lines.push({ name: 'privmx bind', ok: true, detail: 'WebSocket bound' });
    } catch (err) {
      lines.push({ name: 'privmx bind', ok: false, detail: safeErrorMessage(err) });
    } finally {
      socket?.close();
    }
    return lines;
  },
};
