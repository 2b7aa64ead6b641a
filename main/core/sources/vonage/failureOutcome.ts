// What a failed connect or token refresh shows, and when to try again: a refused staff token waits long,
// missing settings wait for the user, anything else backs off.
import type { SourceState } from '../source.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { Backoff } from '../../connection/backoff.js';
import { JwtAuthError } from './jwtClient.js';
import { MissingConfigError } from './clientToken.js';

export interface FailureOutcome {
  state: SourceState;
  detail: string;
  /** Absent: no retry until the settings change. */
  retryInMs?: number;
}

export function failureOutcome(err: unknown, backoff: Backoff, authRetryMs: number): FailureOutcome {
  if (err instanceof JwtAuthError) {
    const detail = err.status === 0 ? 'no staff token: set vonage.backendToken in the keychain or SERVICEBELL_VONAGE_BACKEND_TOKEN' : err.message;
    return { state: 'auth_failed', detail, retryInMs: authRetryMs };
  }
  if (err instanceof MissingConfigError) return { state: 'offline', detail: err.message };
  const delay = backoff.next();
  return { state: 'offline', detail: `${safeErrorMessage(err)}; retrying in ${Math.round(delay / 100) / 10} s`, retryInMs: delay };
}
