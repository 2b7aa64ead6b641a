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

export function checkLink(raw: string | undefined, allowedHosts: readonly string[]): LinkDecision {
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
