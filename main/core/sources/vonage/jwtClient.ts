// Fetches the client JWT from the restaurant backend: POST {backendUrl}/jwt (protocol doc §10, seed 000).
import { httpRequest, type HttpFetch, type HttpReply } from '../../connection/httpRequest.js';
import { z } from 'zod';
import { describeNetworkError } from '../../connection/networkError.js';

const jwtReplySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, 'token is not a JWT').max(16_384),
  conversation: z.string().min(1).max(256),
});
export type JwtReply = z.infer<typeof jwtReplySchema>;

/** 401/403: the staff token is missing, expired or revoked. Retrying quickly cannot help. */
export class JwtAuthError extends Error {
  constructor(readonly status: number) {
    super(`the backend refused the staff token (HTTP ${status}); sign in again or update vonage.backendToken`);
    this.name = 'JwtAuthError';
  }
}

/** Backend down, slow, 5xx or a malformed reply: worth retrying with backoff. */
export class JwtUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwtUnavailableError';
  }
}

export interface JwtRequest {
  backendUrl: string;
  staffToken: string;
  username: string;
  timeoutMs: number;
  fetchImpl?: HttpFetch;
}

export async function fetchClientJwt(request: JwtRequest): Promise<JwtReply> {
  const url = new URL('jwt', request.backendUrl.endsWith('/') ? request.backendUrl : `${request.backendUrl}/`);
  let response: HttpReply;
  try {
    response = await (request.fetchImpl ?? httpRequest)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.staffToken}` },
      body: JSON.stringify({ username: request.username }),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw new JwtUnavailableError(describeNetworkError(url, err, request.timeoutMs));
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw new JwtAuthError(response.status);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new JwtUnavailableError(`backend answered HTTP ${response.status}`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new JwtUnavailableError('backend reply is not JSON');
  }
  const parsed = jwtReplySchema.safeParse(json);
  if (!parsed.success) throw new JwtUnavailableError(`backend reply is malformed (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return parsed.data;
}
