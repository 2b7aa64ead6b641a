// Gets the client JWT with the staff secret and judges it: expiry for refresh timing, ACL for least privilege.
import type { VonageSettings } from '../../settings/schema.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import { registerSecret } from '../../log/redact.js';
import { fetchClientJwt, JwtAuthError } from './jwtClient.js';
import { aclExcess, decodeJwtClaims } from './jwtInspect.js';

export class MissingConfigError extends Error {}

export interface ClientToken {
  token: string;
  conversationId: string;
  /** Milliseconds since the epoch, when the token says. */
  expiresAt?: number;
  /** Set when the ACL grants more than read access to the one conversation. */
  aclWarning?: string;
}

export async function obtainClientToken(settings: VonageSettings, getSecret: SecretGetter, timeoutMs: number): Promise<ClientToken> {
  const { backendUrl, username } = settings;
  if (backendUrl === undefined || username === undefined) throw new MissingConfigError('vonage.backendUrl and vonage.username must be set');
  const staffToken = await getSecret('vonage.backendToken');
  // Status 0: no staff token at all, reported like a refusal (a person must act) but with its own wording.
  if (staffToken === undefined || staffToken === '') throw new JwtAuthError(0);
  registerSecret(staffToken);
  const reply = await fetchClientJwt({ backendUrl, staffToken, username, timeoutMs });
  registerSecret(reply.token);
  const claims = decodeJwtClaims(reply.token);
  const excess = claims ? aclExcess(claims, reply.conversation) : ['the token could not be decoded'];
  return {
    token: reply.token,
    conversationId: reply.conversation,
    expiresAt: typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined,
    aclWarning: excess.length > 0 ? `token grants more than read access: ${excess.join('; ')}` : undefined,
  };
}
