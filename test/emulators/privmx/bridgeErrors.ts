/** Error codes and messages exactly as the Bridge's AppException table (protocol doc §0). */
export const BRIDGE_ERRORS = {
  PARSE_ERROR: { code: -32700, message: 'Parse error' },
  METHOD_NOT_FOUND: { code: -32601, message: 'Method not found' },
  INVALID_PARAMS: { code: -32602, message: 'Invalid params' },
  INTERNAL_ERROR: { code: -32603, message: 'Internal error' },
  INVALID_TOKEN: { code: 21, message: 'Invalid token' },
  ACCESS_DENIED: { code: 48, message: 'Access denied' },
  API_KEY_DOES_NOT_EXIST: { code: 24875, message: 'Api key does not exist' },
  INVALID_CREDENTIALS: { code: 24876, message: 'Invalid credentials' },
  INSUFFICIENT_SCOPE: { code: 24878, message: 'Insufficient scope' },
  UNAUTHORIZED: { code: 24879, message: 'Unauthorized' },
  METHOD_CALLABLE_WITH_WEBSOCKET_ONLY: { code: 24886, message: 'Method is callable with websocket only' },
  THREAD_DOES_NOT_EXIST: { code: 24577, message: 'Thread does not exist' },
  THREAD_MESSAGE_DOES_NOT_EXIST: { code: 24589, message: 'Thread message does not exist' },
  CONTEXT_DOES_NOT_EXIST: { code: 24854, message: 'Context does not exist' },
  STORE_DOES_NOT_EXIST: { code: 24855, message: 'Store does not exist' },
  INBOX_DOES_NOT_EXIST: { code: 24862, message: 'Inbox does not exist' },
} as const;

export type BridgeErrorName = keyof typeof BRIDGE_ERRORS;

export interface BridgeErrorObject {
  code: number;
  message: string;
  data: unknown;
}

/** Thrown by method handlers; the server turns it into a JSON-RPC error object. */
export class BridgeError extends Error {
  readonly code: number;
  readonly data: unknown;
  constructor(name: BridgeErrorName, data: unknown = null) {
    super(BRIDGE_ERRORS[name].message);
    this.code = BRIDGE_ERRORS[name].code;
    this.data = data;
  }

  toObject(): BridgeErrorObject {
    return { code: this.code, message: this.message, data: this.data };
  }
}

/** Non-application errors: the Bridge answers -32603 with no `data` key. */
export function toErrorObject(err: unknown): { code: number; message: string; data?: unknown } {
  if (err instanceof BridgeError) return err.toObject();
  if (isErrorObject(err)) return err;
  return { code: BRIDGE_ERRORS.INTERNAL_ERROR.code, message: BRIDGE_ERRORS.INTERNAL_ERROR.message };
}

function isErrorObject(value: unknown): value is BridgeErrorObject {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && 'data' in value;
}
