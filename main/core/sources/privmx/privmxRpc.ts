import { httpRequest, type HttpFetch, type HttpReply } from '../../connection/httpRequest.js';
import type { z } from 'zod';
import { describeNetworkError } from '../../connection/networkError.js';
import type { Logger } from '../../log/logger.js';
import { rpcResponseSchema } from './bridgeFrames.js';

/** Bridge error codes the client acts on (protocol doc §0). */
export const BRIDGE_CODE = {
  INVALID_TOKEN: 21,
  ACCESS_DENIED: 48,
  API_KEY_DOES_NOT_EXIST: 24875,
  INVALID_CREDENTIALS: 24876,
  INSUFFICIENT_SCOPE: 24878,
  UNAUTHORIZED: 24879,
} as const;

/** A JSON-RPC error answered by the Bridge; `data` is never a secret (it names scopes or params). */
export class PrivmxRpcError extends Error {
  constructor(readonly method: string, readonly code: number, message: string, readonly data: unknown) {
    super(`${method}: ${message} (${code}${typeof data === 'string' ? `: ${data}` : ''})`);
    this.name = 'PrivmxRpcError';
  }
}

export function isRpcError(err: unknown, ...codes: number[]): err is PrivmxRpcError {
  return err instanceof PrivmxRpcError && (codes.length === 0 || codes.includes(err.code));
}

let nextHttpId = 1;

/** One JSON-RPC call over `POST {bridgeUrl}/api`. Management calls (thread/*) only accept the Authorization header. */
export async function httpRpc<S extends z.ZodType>(
  apiUrl: string,
  method: string,
  params: Record<string, unknown>,
  resultSchema: S,
  options: { bearer?: string; timeoutMs?: number; fetchImpl?: HttpFetch } = {},
): Promise<z.output<S>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
  const timeoutMs = options.timeoutMs ?? 15_000;
  let res: HttpReply;
  try {
    res = await (options.fetchImpl ?? httpRequest)(apiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: nextHttpId++, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new Error(describeNetworkError(apiUrl, err, timeoutMs));
  }
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status}`);
  return parseResult(method, await res.json(), resultSchema);
}

/** Turns a response frame into its result, or throws the Bridge's error. */
export function parseResult<S extends z.ZodType>(method: string, frame: unknown, resultSchema: S): z.output<S> {
  const response = rpcResponseSchema.safeParse(frame);
  if (!response.success) throw new Error(`${method}: malformed response`);
  const { error, result } = response.data;
  if (error) throw new PrivmxRpcError(method, error.code, error.message, error.data ?? null);
  const parsed = resultSchema.safeParse(result);
  if (!parsed.success) throw new Error(`${method}: unexpected result (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** Counts frames we could not use and logs them sparsely (1st, 10th, 100th … of each kind), so garbage cannot flood logs. */
export class GarbageLog {
  private counts = new Map<string, number>();
  constructor(private readonly logger: Logger) {}

  note(kind: string, size: number): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (Number.isInteger(Math.log10(n))) this.logger.warn({ kind, count: n, size }, 'privmx: ignored an unusable frame');
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }
}
