import type { HttpFetch } from '../../connection/httpRequest.js';
import type { Logger } from '../../log/logger.js';
import { registerSecret } from '../../log/redact.js';
import { authResultSchema, type AuthResult } from './bridgeFrames.js';
import { BRIDGE_CODE, httpRpc, isRpcError } from './privmxRpc.js';

/** A problem only the user can fix (key, secret, scopes): reported as `auth_failed`, retried slowly. */
export class PrivmxAuthProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrivmxAuthProblem';
  }
}

export interface PrivmxAuthOptions {
  apiUrl: string;
  apiKeyId: string | undefined;
  getSecret(): Promise<string | undefined>;
  /** Scopes to ask for, `session:` and `solution:` included. */
  scopes: string[];
  logger: Logger;
  now?: () => number;
  fetchImpl?: HttpFetch;
  timeoutMs?: number;
}

/** A named token session per machine, so reconnects replace our session instead of evicting others (max 16 per key). */
export function sessionScope(hostName: string): string {
  return `session:servicebell-${hostName.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 80) || 'host'}`;
}

/** api_key_credentials login, refresh_token rotation (single use), fallback to a fresh login when a refresh is refused. */
export class PrivmxAuth {
  private current: AuthResult | undefined;
  private inflight: Promise<AuthResult> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: PrivmxAuthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A token that is valid for at least `marginMs` more: the current one, a refreshed one, or a new login. */
  async validToken(marginMs = 5_000): Promise<AuthResult> {
    const cur = this.current;
    if (cur && cur.accessTokenExpiry - this.now() > marginMs) return cur;
    return this.renew();
  }

  /** Refresh now (single-flight): refresh_token grant, or a fresh login if there is none or it is refused. */
  renew(): Promise<AuthResult> {
    this.inflight ??= this.doRenew().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** Forget the pair (the Bridge said UNAUTHORIZED for it), so the next call renews. */
  invalidateAccess(): void {
    if (this.current) this.current = { ...this.current, accessTokenExpiry: 0 };
  }

  /** When to renew: at 80% of the access token's remaining life (at least 200 ms from now, so a clock jump cannot spin). */
  renewDelayMs(): number {
    const cur = this.current;
    if (!cur) return 0;
    return Math.max(200, Math.floor((cur.accessTokenExpiry - this.now()) * 0.8));
  }

  private async doRenew(): Promise<AuthResult> {
    const cur = this.current;
    if (cur && cur.refreshTokenExpiry > this.now()) {
      try {
        return this.accept(await this.call({ grantType: 'refresh_token', refreshToken: cur.refreshToken }));
      } catch (err) {
        if (!isRpcError(err, BRIDGE_CODE.INVALID_TOKEN)) throw err;
        this.options.logger.info('privmx: refresh token refused; logging in again');
      }
    }
    return this.accept(await this.login());
  }

  private async login(): Promise<AuthResult> {
    const { apiKeyId } = this.options;
    const secret = await this.options.getSecret();
    if (!apiKeyId) throw new PrivmxAuthProblem('privmx.apiKeyId is not set');
    if (!secret) throw new PrivmxAuthProblem('the PrivMX API key secret is not set (keychain privmx.apiKeySecret)');
    registerSecret(secret);
    try {
      return await this.call({ grantType: 'api_key_credentials', apiKeyId, apiKeySecret: secret, scope: this.options.scopes });
    } catch (err) {
      if (isRpcError(err, BRIDGE_CODE.API_KEY_DOES_NOT_EXIST)) throw new PrivmxAuthProblem('the API key does not exist or is disabled');
      if (isRpcError(err, BRIDGE_CODE.INVALID_CREDENTIALS)) throw new PrivmxAuthProblem('wrong API key secret');
      if (isRpcError(err, BRIDGE_CODE.INSUFFICIENT_SCOPE)) {
        throw new PrivmxAuthProblem(`the API key lacks a needed scope (${typeof err.data === 'string' ? err.data : 'unknown'})`);
      }
      throw err;
    }
  }

  private async call(params: Record<string, unknown>): Promise<AuthResult> {
    const result = await httpRpc(this.options.apiUrl, 'manager/auth', params, authResultSchema, {
      ...(this.options.fetchImpl ? { fetchImpl: this.options.fetchImpl } : {}),
      timeoutMs: this.options.timeoutMs ?? 15_000,
    });
    // Tokens are never logged; not registering them keeps the redaction set from growing with every refresh.
    return result;
  }

  private accept(result: AuthResult): AuthResult {
    // Without a solution: scope a subscription succeeds and silently receives nothing: say so instead.
    if (!result.scope.some((s) => s.startsWith('solution:'))) {
      throw new PrivmxAuthProblem('the token has no solution: scope, so no events would ever arrive; add solution:* to the API key');
    }
    this.current = result;
    return result;
  }
}
