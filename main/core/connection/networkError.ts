// One readable reason for a failed connection: which URL, and why (refused, DNS, TLS, timeout…), from the error's
// code. fetch (undici) hides it in `cause.code`; ws puts it on the error; socket.io on `description.error`.

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
  EAI_NODATA: 'host name not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'no answer (timeout)',
  UND_ERR_CONNECT_TIMEOUT: 'no answer (timeout)',
  UND_ERR_HEADERS_TIMEOUT: 'no answer (timeout)',
  UND_ERR_SOCKET: 'connection closed',
};

const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;

/** The first `code` found on the error or what it wraps. */
export function networkErrorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const e = current as { code?: unknown; cause?: unknown; error?: unknown; description?: unknown };
    if (typeof e.code === 'string' && e.code !== '') return e.code;
    current = e.cause ?? e.error ?? e.description;
  }
  return undefined;
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/** Why a connection failed, in words, with the code: `connection refused (ECONNREFUSED)`. */
export function networkReason(err: unknown, timeoutMs?: number): string {
  if (isTimeout(err)) return timeoutMs !== undefined ? `no answer within ${formatSeconds(timeoutMs)} (timeout)` : 'no answer (timeout)';
  const code = networkErrorCode(err);
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  if (code && TLS_CODE.test(code)) return `TLS handshake failed (${code})`;
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}

/** `cannot reach https://host/path: connection refused (ECONNREFUSED)`. The URL never carries credentials. */
export function describeNetworkError(url: string | URL, err: unknown, timeoutMs?: number): string {
  return `cannot reach ${displayUrl(url)}: ${networkReason(err, timeoutMs)}`;
}

/** A URL without user info, query or fragment (tokens sometimes travel there). */
export function displayUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    const text = u.toString();
    return u.pathname === '/' && !String(url).endsWith('/') ? text.slice(0, -1) : text;
  } catch {
    return String(url);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
