// Decodes (never verifies: the app holds no key) the client JWT for its expiry and least-privilege check.
import { z } from 'zod';

const claimsSchema = z.object({
  sub: z.string().optional(),
  exp: z.number().optional(),
  iat: z.number().optional(),
  acl: z
    .object({ paths: z.record(z.string(), z.object({ methods: z.array(z.string()).optional() }).loose()) })
    .optional(),
});
export type JwtClaims = z.infer<typeof claimsSchema>;

export function decodeJwtClaims(token: string): JwtClaims | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What the token grants beyond the seed's ACL (`/*\/sessions/**` and GET on the one conversation).
 * An empty list means least privilege; a missing ACL means full access.
 */
export function aclExcess(claims: JwtClaims, conversationId: string): string[] {
  if (!claims.acl) return ['the token has no ACL, so it grants full access'];
  const problems: string[] = [];
  const conversationPath = new RegExp(`^/\\*/conversations/${conversationId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/\\*\\*)?$`);
  for (const [path, rule] of Object.entries(claims.acl.paths)) {
    if (path === '/*/sessions/**') continue;
    if (conversationPath.test(path)) {
      const writes = rule.methods === undefined ? ['all methods'] : rule.methods.filter((m) => !READ_METHODS.has(m.toUpperCase()));
      if (writes.length > 0) problems.push(`${path} allows ${writes.join(', ')}`);
      continue;
    }
    problems.push(`${path} is granted`);
  }
  return problems;
}
