/**
 * Redaction applied to every log line and every error message that might leave the process.
 * Known secret values are registered at runtime (after they are resolved) and replaced wherever they appear;
 * patterns catch what we did not register: bearer tokens, JWTs, phone numbers.
 */
const knownSecrets = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  // Very short values would redact ordinary words; secrets shorter than this are not worth the risk.
  if (value && value.length >= 4) knownSecrets.add(value);
}

export function forgetSecrets(): void {
  knownSecrets.clear();
}

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
// ntfy access tokens (`tk_` + 29 characters), wherever one shows up unregistered.
const NTFY_TOKEN = /\btk_[A-Za-z0-9]{20,}/g;
// Only international (E.164-style, leading +) numbers: bare digit runs are dates, ids and ports far more often.
const PHONE = /\+\d[\d\s-]{6,}\d/g;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '***';
  return `${phone.startsWith('+') ? '+' : ''}${digits.slice(0, 2)}***${digits.slice(-2)}`;
}

// What each pattern above cannot match without: most text (the id, title and body of nearly every alert) has none,
// and one test costs less than four replaces (which were most of building an `alert` line, measured).
const ANY_PATTERN = /eyJ|bearer|tk_|\+\d/i;

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  if (!ANY_PATTERN.test(out)) return out;
  return out
    .replace(JWT, '[jwt]')
    .replace(BEARER, '$1 [redacted]')
    .replace(NTFY_TOKEN, 'tk_[redacted]')
    .replace(PHONE, (m) => maskPhone(m));
}

/** Deep-redacts strings inside a plain value (log bindings, JSON output). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message) };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = /secret|token|password|authorization/i.test(k) && typeof v === 'string' ? '[redacted]' : redactValue(v, depth + 1);
  }
  return out;
}

/** An error message safe to show or log. */
export function safeErrorMessage(err: unknown): string {
  if (err instanceof Error) return redact(err.message);
  return redact(String(err));
}
