/**
 * The one place that decides whether a URL may be opened for a person ("Join Meeting").
 * Only `https:` URLs without user-info whose host is on the allow-list pass.
 */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['*.vonage.com'];
const MAX_URL_LENGTH = 2048;

export type LinkDecision =
  | { allowed: true; url: string; host: string }
  | { allowed: false; reason: string };

/** `exact.host` or `*.domain` (any subdomain of domain, not the domain itself). Lower-case ASCII only. */
export function isValidHostPattern(pattern: string): boolean {
  return /^(\*\.)?([a-z0-9](-*[a-z0-9])*)(\.[a-z0-9](-*[a-z0-9])*)+$/.test(pattern);
}

export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return host.endsWith(`.${domain}`) && host.length > domain.length + 1;
  }
  return host === pattern;
}

/**
 * A link already in the form the URL parser gives back: `https://`, a lower-case host of plain DNS labels (no `xn--`,
 * the last one not a number), no user-info or port, and path, query and fragment of characters the parser leaves as
 * they are, with no dot segment. For such a link the parser's result is known without running it.
 */
const CANONICAL = /^https:\/\/((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)(\/[\w\-.~!$&()*+,;=:@%/]*)?(\?[\w\-.~!$&()*+,;=:@%/?]*)?(#[\w\-.~!$&()*+,;=:@%/?]*)?$/;
/** `.` or `..` as a path segment, also percent-encoded: the parser resolves those. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=\/|$)/i;

/**
 * `checkLinkParsed`'s decision for an allowed link in canonical form, without parsing it (a URL parse and its checks
 * were ≈ 50 µs of each support request's way to history when they come one at a time, the latency bench); undefined
 * for any other link. linkPolicy.test.ts keeps the two in agreement.
 */
export function canonicalAllowedLink(raw: string, allowedHosts: readonly string[]): LinkDecision | undefined {
  if (raw.length > MAX_URL_LENGTH) return undefined;
  const match = CANONICAL.exec(raw);
  const host = match?.[1];
  if (!match || host === undefined || host.includes('xn--')) return undefined;
  const [, , path, query = '', fragment = ''] = match;
  if (path !== undefined && DOT_SEGMENT.test(path)) return undefined;
  if (!allowedHosts.some((p) => hostMatches(host, p.toLowerCase()))) return undefined;
  return { allowed: true, url: `https://${host}${path ?? '/'}${query}${fragment}`, host };
}

export function checkLink(raw: string | undefined, allowedHosts: readonly string[]): LinkDecision {
  return (raw !== undefined && canonicalAllowedLink(raw, allowedHosts)) || checkLinkParsed(raw, allowedHosts);
}

/** The whole check, through the URL parser: every refusal and its reason comes from here. */
export function checkLinkParsed(raw: string | undefined, allowedHosts: readonly string[]): LinkDecision {
  if (raw === undefined || raw === '') return { allowed: false, reason: 'no link' };
  if (raw.length > MAX_URL_LENGTH) return { allowed: false, reason: 'link too long' };
  // Reject before parsing: the URL parser silently strips tabs/newlines and trims, hiding tricks.
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(raw)) return { allowed: false, reason: 'link contains whitespace or control characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'link is not a valid URL' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol} is not allowed (https only)` };
  if (url.username !== '' || url.password !== '' || /^https:\/\/[^/?#]*@/i.test(raw)) {
    return { allowed: false, reason: 'link contains user-info' };
  }
  const host = url.hostname;
  if (host.endsWith('.')) return { allowed: false, reason: 'host has a trailing dot' };
  if (url.port !== '') return { allowed: false, reason: 'link names a non-default port' };
  if (!allowedHosts.some((p) => hostMatches(host, p.toLowerCase()))) {
    return { allowed: false, reason: `host ${host} is not in links.allowedHosts` };
  }
  return { allowed: true, url: url.href, host };
}
