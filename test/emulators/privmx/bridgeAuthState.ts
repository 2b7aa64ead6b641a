import { randomBytes } from 'node:crypto';
import { BridgeError } from './bridgeErrors.js';

export interface ApiKey {
  id: string;
  secret: string;
  scopes: string[];
  enabled: boolean;
}

interface TokenSession {
  id: string;
  apiKeyId: string;
  scopes: string[];
  seq: number;
  expiry: number;
  name?: string;
  created: number;
}

interface TokenRecord {
  type: 'access' | 'refresh';
  sessionId: string;
  seq: number;
  expires: number;
}

export interface AuthResult {
  accessToken: string;
  accessTokenExpiry: number;
  tokenType: 'Bearer';
  refreshToken: string;
  refreshTokenExpiry: number;
  scope: string[];
}

export interface ValidToken {
  apiKeyId: string;
  scopes: string[];
}

const MAX_SESSIONS_PER_OWNER = 16;
const SPECIAL_SCOPE = /^(session:|ipAddr:|expiresIn:)|^connection$/;

/** API keys, token sessions and opaque tokens, as the Bridge's AuthService keeps them. */
export class BridgeAuthState {
  readonly keys = new Map<string, ApiKey>();
  private sessions = new Map<string, TokenSession>();
  private tokens = new Map<string, TokenRecord>();
  accessTtlMs = 15 * 60_000;
  refreshTtlMs = 7 * 24 * 3_600_000;

  constructor(private readonly now: () => number = Date.now) {}

  addKey(key: Partial<ApiKey> & { scopes?: string[] } = {}): ApiKey {
    const full: ApiKey = {
      id: key.id ?? randomBytes(16).toString('hex'),
      secret: key.secret ?? randomBytes(16).toString('hex'),
      scopes: key.scopes ?? ['context', 'apiKey', 'solution', 'solution:*', 'inbox', 'store', 'thread', 'stream', 'kvdb'],
      enabled: key.enabled ?? true,
    };
    this.keys.set(full.id, full);
    return full;
  }

  loginWithCredentials(apiKeyId: string, secret: string, requested: string[] | undefined): AuthResult {
    const key = this.keys.get(apiKeyId);
    if (!key || !key.enabled) throw new BridgeError('API_KEY_DOES_NOT_EXIST');
    if (key.secret !== secret) throw new BridgeError('INVALID_CREDENTIALS');
    for (const scope of requested ?? []) {
      if (!SPECIAL_SCOPE.test(scope) && !key.scopes.includes(scope)) throw new BridgeError('INSUFFICIENT_SCOPE', `Cannot use ${scope}`);
    }
    const name = requested?.find((s) => s.startsWith('session:'))?.slice('session:'.length);
    const effective = (requested ?? key.scopes).filter((s) => !SPECIAL_SCOPE.test(s));
    if (name !== undefined) {
      for (const [id, s] of this.sessions) if (s.apiKeyId === apiKeyId && s.name === name) this.sessions.delete(id);
    }
    this.evictOldest(apiKeyId);
    const session: TokenSession = {
      id: randomBytes(8).toString('hex'),
      apiKeyId,
      scopes: effective,
      seq: 0,
      expiry: this.now() + this.refreshTtlMs,
      created: this.now(),
      ...(name !== undefined ? { name } : {}),
    };
    this.sessions.set(session.id, session);
    return this.issue(session);
  }

  refresh(refreshToken: string): AuthResult {
    const record = this.tokens.get(refreshToken);
    const session = record && this.sessions.get(record.sessionId);
    if (!record || !session || record.type !== 'refresh' || record.seq !== session.seq || record.expires <= this.now()) {
      throw new BridgeError('INVALID_TOKEN');
    }
    session.seq += 1;
    session.expiry = this.now() + this.refreshTtlMs;
    return this.issue(session);
  }

  /** The session behind a still-valid access token, or undefined. */
  validate(accessToken: string | undefined): ValidToken | undefined {
    if (accessToken === undefined) return undefined;
    const record = this.tokens.get(accessToken);
    const session = record && this.sessions.get(record.sessionId);
    if (!record || !session || record.type !== 'access' || record.seq !== session.seq || record.expires <= this.now()) return undefined;
    return { apiKeyId: session.apiKeyId, scopes: session.scopes };
  }

  /** Control: make every issued access token (or refresh token too) expire now. */
  expireTokens(which: 'access' | 'all' = 'access'): void {
    for (const record of this.tokens.values()) {
      if (which === 'all' || record.type === 'access') record.expires = this.now() - 1;
    }
  }

  /** Control: drop all sessions (as if evicted), which invalidates every token. */
  revokeSessions(): void {
    this.sessions.clear();
  }

  sessionCount(apiKeyId?: string): number {
    return [...this.sessions.values()].filter((s) => apiKeyId === undefined || s.apiKeyId === apiKeyId).length;
  }

  private evictOldest(apiKeyId: string): void {
    const own = [...this.sessions.values()].filter((s) => s.apiKeyId === apiKeyId).sort((a, b) => a.created - b.created);
    while (own.length >= MAX_SESSIONS_PER_OWNER) {
      const oldest = own.shift();
      if (oldest) this.sessions.delete(oldest.id);
    }
  }

  private issue(session: TokenSession): AuthResult {
    const now = this.now();
    const accessToken = randomBytes(48).toString('base64url');
    const refreshToken = randomBytes(48).toString('base64url');
    const accessTokenExpiry = now + this.accessTtlMs;
    const refreshTokenExpiry = Math.min(session.expiry, now + this.refreshTtlMs);
    this.tokens.set(accessToken, { type: 'access', sessionId: session.id, seq: session.seq, expires: accessTokenExpiry });
    this.tokens.set(refreshToken, { type: 'refresh', sessionId: session.id, seq: session.seq, expires: refreshTokenExpiry });
    return { accessToken, accessTokenExpiry, tokenType: 'Bearer', refreshToken, refreshTokenExpiry, scope: [...session.scopes] };
  }
}

/** `solution:` values of a scope list (`*` for `solution:*`). */
export function solutionsOf(scopes: readonly string[]): string[] {
  return scopes.filter((s) => s.startsWith('solution:')).map((s) => s.slice('solution:'.length));
}
