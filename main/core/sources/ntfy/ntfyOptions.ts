// What one ntfy connection needs, independent of where it comes from (today `settings.ntfy`, later one restaurant's
// section), and how its requests are addressed and authenticated.
import { registerSecret } from '../../log/redact.js';

export interface NtfySourceOptions {
  enabled: boolean;
  /** The ntfy server, e.g. https://ntfy.example.com (a path prefix is kept). */
  baseUrl?: string | undefined;
  /** One or more topic names; each gets its own stream and its own `since` cursor. */
  topics: readonly string[];
  /** With a user name the secret is that user's password (Basic auth); without one it is an access token (tk_…). */
  username?: string | undefined;
}

/** How this PC logs in, for messages that must say what was refused (never the secret itself). */
export type NtfyLogin = 'token' | 'password' | 'anonymous';

export interface NtfyAuth {
  headers: Record<string, string>;
  login: NtfyLogin;
}

/** The Authorization header for a secret: Basic with a user name, Bearer for a token, none without a secret. */
export function ntfyAuth(username: string | undefined, secret: string | undefined): NtfyAuth {
  if (secret === undefined || secret === '') return { headers: {}, login: 'anonymous' };
  registerSecret(secret);
  if (username !== undefined) {
    const basic = Buffer.from(`${username}:${secret}`).toString('base64');
    registerSecret(basic);
    return { headers: { Authorization: `Basic ${basic}` }, login: 'password' };
  }
  return { headers: { Authorization: `Bearer ${secret}` }, login: 'token' };
}

/** `<baseUrl>/<topic>/json` with the query given; a trailing slash on the base is ignored, a path prefix kept. */
export function topicStreamUrl(baseUrl: string, topic: string, query: Record<string, string>): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(topic)}/json`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

/** Why these options cannot connect at all, if they cannot. */
export function optionsProblem(options: NtfySourceOptions): string | undefined {
  if (!options.baseUrl) return 'ntfy.baseUrl is not set';
  if (!/^https?:\/\//i.test(options.baseUrl)) return 'ntfy.baseUrl must be an http:// or https:// URL';
  if (options.topics.length === 0) return 'ntfy.topics is empty';
  const bad = options.topics.find((t) => !/^[-_A-Za-z0-9]{1,64}$/.test(t));
  if (bad !== undefined) return `ntfy topic "${bad.slice(0, 80)}" is not a topic name (1–64 letters, digits, - or _)`;
  return undefined;
}
