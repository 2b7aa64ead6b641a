import { describe, expect, it } from 'vitest';
import { checkLink, hostMatches, isValidHostPattern } from './linkPolicy.js';

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
});
