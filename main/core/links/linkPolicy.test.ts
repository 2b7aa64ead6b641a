import { describe, expect, it } from 'vitest';
import { canonicalAllowedLink, checkLink, checkLinkParsed, hostMatches, isValidHostPattern } from './linkPolicy.js';

const allow = ['*.vonage.com', 'meet.example.org'];

describe('link policy', () => {
  it.each([
    ['https://meetings.vonage.com/room/42', 'https://meetings.vonage.com/room/42'],
    ['https://a.b.vonage.com/x?y=1#z', 'https://a.b.vonage.com/x?y=1#z'],
    ['https://meet.example.org/abc', 'https://meet.example.org/abc'],
    ['HTTPS://MEETINGS.VONAGE.COM/room', 'https://meetings.vonage.com/room'],
  ])('allows %s', (url, normalized) => {
    expect(checkLink(url, allow)).toEqual({ allowed: true, url: normalized, host: new URL(normalized).hostname });
  });

  it.each([
    ['javascript:alert(1)', /scheme javascript:/],
    ['JaVaScRiPt:alert(1)', /scheme javascript:/],
    ['file:///etc/passwd', /scheme file:/],
    ['http://meetings.vonage.com/room', /scheme http:/],
    ['data:text/html,<script>alert(1)</script>', /scheme data:/],
    ['https://meetings.vonage.com@evil.test/', /user-info/],
    ['https://user:pw@meetings.vonage.com/', /user-info/],
    ['https://vonage.com.evil.test/', /not in links.allowedHosts/],
    ['https://evilvonage.com/', /not in links.allowedHosts/],
    ['https://vonage.com/', /not in links.allowedHosts/],
    ['https://meetings.vоnage.com/', /not in links.allowedHosts/], // Cyrillic "о": becomes xn--…
    ['https://meet.exаmple.org/', /not in links.allowedHosts/], // Cyrillic "а"
    ['https://meetings.vonage.com./', /trailing dot/],
    ['https://meetings.vonage.com:8443/', /port/],
    [' https://meetings.vonage.com/', /whitespace/],
    ['https://meetings.vonage.com/\nx', /whitespace/],
    ['https://meetings.vonage.com\t.evil.test/', /whitespace/],
    ['//meetings.vonage.com/', /not a valid URL/],
    ['not a url', /whitespace|not a valid URL/],
    ['', /no link/],
    [`https://meetings.vonage.com/${'a'.repeat(3000)}`, /too long/],
  ])('refuses %s', (url, reason) => {
    const decision = checkLink(url, allow);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(reason);
  });

  it('refuses everything with an empty allow-list', () => {
    expect(checkLink('https://meetings.vonage.com/', []).allowed).toBe(false);
  });

  it('matches patterns exactly', () => {
    expect(hostMatches('a.vonage.com', '*.vonage.com')).toBe(true);
    expect(hostMatches('vonage.com', '*.vonage.com')).toBe(false);
    expect(hostMatches('xvonage.com', '*.vonage.com')).toBe(false);
    expect(isValidHostPattern('*.vonage.com')).toBe(true);
    expect(isValidHostPattern('*')).toBe(false);
    expect(isValidHostPattern('*.com.')).toBe(false);
    expect(isValidHostPattern('evil test')).toBe(false);
  });

  describe('the canonical-form shortcut agrees with the URL parser', () => {
    // A small seeded generator, so a failure can be replayed.
    let seed = 0x5eed;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const labels = ['meetings', 'meetings', 'a', 'b-c', 'x1', '1x', '123', 'xn--80ak6aa92e', 'xn--zz', 'MEET', 'a--b', '-a', 'a-', 'vonage', 'example', 'com', 'org', '0x7f', 'ü', 'a_b', ''];
    const tails = ['vonage.com', 'vonage.com', 'example.org', 'com', '', '1', 'vonage.com.', 'VONAGE.com'];
    const pathChars = ['a', 'Z', '0', '-', '.', '_', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '@', '%', '%2e', '%2E', '%41', '/', '\\', '|', '^', '`', '{', '}', '[', ']', '"', '<', '>', ' ', '\t', 'é', '..', '?', '#'];
    const hostOf = (): string => {
      const parts = Array.from({ length: Math.floor(random() * 3) }, () => pick(labels));
      return [...parts, pick(tails)].join('.');
    };
    const safeChars = ['a', 'Z', '0', '-', '.', '_', '~', '/', '=', '%41', '..', '%2e'];
    // Half the texts from characters the parser keeps, so many links are canonical and the shortcut is tried on them.
    const textOf = (n: number): string => {
      const chars = random() < 0.5 ? safeChars : pathChars;
      return Array.from({ length: Math.floor(random() * n) }, () => pick(chars)).join('');
    };
    const urlOf = (): string => {
      const scheme = pick(['https://', 'https://', 'https://', 'HTTPS://', 'http://', 'https:', 'https:///', 'javascript:']);
      const userinfo = random() < 0.05 ? pick(['u@', 'u:p@', '@']) : '';
      const port = random() < 0.05 ? pick([':443', ':8443', ':']) : '';
      const path = random() < 0.8 ? `/${textOf(12)}` : '';
      const query = random() < 0.3 ? `?${textOf(8)}` : '';
      const fragment = random() < 0.2 ? `#${textOf(6)}` : '';
      return `${scheme}${userinfo}${hostOf()}${port}${path}${query}${fragment}`;
    };
    const hosts = ['*.vonage.com', 'example.org', '*.com'];
    const fixed = [
      'https://meetings.vonage.com', 'https://meetings.vonage.com?x', 'https://meetings.vonage.com#f', 'https://a.vonage.com/x/./y',
      'https://a.vonage.com/x/../y', 'https://a.vonage.com/.', 'https://a.vonage.com/..', 'https://a.vonage.com/%2e%2E/',
      'https://a.vonage.com/.a/..b/a.', 'https://a.vonage.com/%zz', "https://a.vonage.com/it's", "https://a.vonage.com/?it's",
      'https://a.vonage.com/a\\b', 'https://a.vonage.com/a|b', 'https://xn--80ak6aa92e.com/', 'https://a.b.c.d.vonage.com/x?y=/?#z',
      `https://${'a'.repeat(70)}.vonage.com/`, `https://a.vonage.com/${'b'.repeat(2100)}`, 'https://1.2.3.4/', 'https://a.0x7f/',
    ];

    it('gives the same decision for every link it takes, and takes the common ones', () => {
      const links = [...fixed, ...Array.from({ length: 20_000 }, urlOf)];
      let taken = 0;
      for (const link of links) {
        const quick = canonicalAllowedLink(link, hosts);
        if (quick === undefined) continue;
        taken += 1;
        expect({ link, decision: quick }).toEqual({ link, decision: checkLinkParsed(link, hosts) });
      }
      for (const link of links) expect({ link, decision: checkLink(link, hosts) }).toEqual({ link, decision: checkLinkParsed(link, hosts) });
      // Enough of the generated links are canonical and allowed for the agreement to mean something.
      expect(taken).toBeGreaterThan(500);
      expect(canonicalAllowedLink('https://meetings.vonage.com/r/42?pin=1#x', hosts)).toBeDefined();
    });
  });
});
