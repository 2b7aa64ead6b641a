// RS256 JWTs with node:crypto only: the backend emulator signs, the Vonage emulator verifies.
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface AclPaths {
  paths: Record<string, { methods?: string[] } | Record<string, never>>;
}

export interface JwtClaims {
  sub: string;
  exp?: number;
  iat?: number;
  nbf?: number;
  jti?: string;
  application_id?: string;
  acl?: AclPaths;
  [key: string]: unknown;
}

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export function signJwt(claims: JwtClaims, privateKey: KeyObject): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

export type JwtCheck =
  | { ok: true; claims: JwtClaims }
  | { ok: false; code: 'system:error:invalid-token' | 'system:error:expired-token'; description: string };

/** Structure, alg, signature (when a key is known), nbf and exp, as the protocol doc §8 describes. */
export function checkJwt(token: string, publicKey: KeyObject | string | undefined, nowSeconds: number): JwtCheck {
  const invalid = (description: string): JwtCheck => ({ ok: false, code: 'system:error:invalid-token', description });
  const parts = token.split('.');
  if (parts.length !== 3) return invalid('Token is not a JWT');
  const [head = '', body = '', sig = ''] = parts;
  let header: { alg?: unknown };
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JwtClaims;
  } catch {
    return invalid('Token is not valid JSON');
  }
  if (header.alg !== 'RS256') return invalid('Token algorithm must be RS256');
  if (publicKey !== undefined) {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    if (!verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(sig, 'base64url'))) {
      return invalid('Token signature is invalid');
    }
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') return invalid('Token has no sub');
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) return invalid('Token is not valid yet');
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) {
    return { ok: false, code: 'system:error:expired-token', description: 'You provided an expired token' };
  }
  return { ok: true, claims };
}

/** Vonage ACL paths: `/*` matches one segment, `/**` the rest. Returns whether `method path` is allowed. */
export function aclAllows(acl: AclPaths | undefined, method: string, path: string): boolean {
  if (acl === undefined) return true;
  for (const [pattern, rule] of Object.entries(acl.paths)) {
    const re = new RegExp(
      `^${pattern
        .split('/')
        .map((seg) => (seg === '**' ? '.*' : seg === '*' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')
        .replace(/\/\.\*$/, '(?:/.*)?')}$`,
    );
    if (!re.test(path)) continue;
    const methods = 'methods' in rule ? rule.methods : undefined;
    if (methods === undefined || methods.includes(method)) return true;
  }
  return false;
}
