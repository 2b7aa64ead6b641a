import { BridgeError } from './bridgeErrors.js';
import { solutionsOf, type BridgeAuthState } from './bridgeAuthState.js';
import { pageById, publicInbox, type BridgeContent } from './bridgeContent.js';
import { LIST_SPEC, validateParams, type ParamSpec } from './paramValidator.js';

export const CHANNELS = ['thread', 'store', 'stream', 'inbox', 'kvdb'] as const;
export type BridgeChannel = (typeof CHANNELS)[number];

/** Per-WebSocket state the manager methods read and write. */
export interface SocketSession {
  boundToken?: string;
  channels: Map<BridgeChannel, Set<string>>;
}

export interface CallContext {
  transport: 'http' | 'ws';
  authorization?: string;
  bodyToken?: string;
  socket?: SocketSession;
}

interface Caller { scopes: string[] }
type Access = 'none' | 'manager' | 'management';
interface MethodDef { access: Access; spec: ParamSpec; run(p: Record<string, unknown>, caller: Caller | undefined, ctx: CallContext): unknown }

const CHANNELS_SPEC: ParamSpec = { channels: { kind: 'stringArray', maxItems: 16, enumValues: CHANNELS } };

/** The Bridge's management methods, checked in its order: lookup → authorization → params → logic. */
export class BridgeMethods {
  private readonly defs: Record<string, MethodDef>;

  constructor(private readonly auth: BridgeAuthState, private readonly content: BridgeContent) {
    this.defs = {
      'manager/auth': { access: 'none', spec: {
        grantType: { kind: 'string' }, apiKeyId: { kind: 'string', min: 1, max: 128, optional: true },
        apiKeySecret: { kind: 'string', min: 1, max: 128, optional: true }, refreshToken: { kind: 'string', min: 1, max: 2048, optional: true },
        scope: { kind: 'stringArray', maxItems: 128, optional: true },
      }, run: (p) => this.authenticate(p) },
      'manager/bindAccessToken': { access: 'none', spec: { accessToken: { kind: 'string', min: 1, max: 2048 } }, run: (p, _c, ctx) => {
        const socket = wsOnly(ctx);
        if (!this.auth.validate(p.accessToken as string)) throw new BridgeError('INVALID_TOKEN');
        socket.boundToken = p.accessToken as string;
        return 'OK';
      } },
      'manager/subscribeToChannel': { access: 'manager', spec: CHANNELS_SPEC, run: (p, c, ctx) => this.subscription(p, c, ctx, 'add') },
      'manager/unsubscribeFromChannel': { access: 'manager', spec: CHANNELS_SPEC, run: (p, c, ctx) => this.subscription(p, c, ctx, 'delete') },
      'context/listContexts': { access: 'manager', spec: {
        skip: { kind: 'int', min: 0 }, limit: { kind: 'int', min: 1, max: 100 }, sortOrder: { kind: 'enum', values: ['asc', 'desc'] },
        lastId: { kind: 'string', optional: true }, query: { kind: 'any', optional: true },
      }, run: (p, c) => {
        const visible = [...this.content.contexts.values()].filter((x) => canSee(c, x.solution));
        if (p.sortOrder === 'desc') visible.reverse();
        return { list: visible.slice(p.skip as number, (p.skip as number) + (p.limit as number)), count: visible.length };
      } },
      'thread/listThreads': { access: 'management', spec: LIST_SPEC('contextId'), run: (p, c) => {
        const ctx = this.content.contexts.get(p.contextId as string);
        if (!ctx) throw new BridgeError('CONTEXT_DOES_NOT_EXIST');
        requireSolution(c, ctx.solution);
        const inboxThreads = new Set([...this.content.inboxes.values()].map((i) => i.threadId));
        const threads = [...this.content.threads.values()].filter((t) => t.contextId === ctx.id && !inboxThreads.has(t.id));
        return pageById(threads, p.from as string | null, p.limit as number, p.sortOrder as 'asc' | 'desc');
      } },
      'thread/getThread': { access: 'management', spec: { threadId: { kind: 'string', min: 1, max: 128 } }, run: (p, c) => {
        requireScope(c, 'thread');
        return { thread: this.thread(p.threadId as string, c) };
      } },
      'thread/listThreadMessages': { access: 'management', spec: LIST_SPEC('threadId'), run: (p, c) => {
        requireScope(c, 'thread');
        this.thread(p.threadId as string, c);
        const list = this.content.messages.get(p.threadId as string) ?? [];
        return pageById(list, p.from as string | null, p.limit as number, p.sortOrder as 'asc' | 'desc');
      } },
      'thread/getThreadMessage': { access: 'management', spec: { threadMessageId: { kind: 'string', min: 1, max: 128 } }, run: (p, c) => {
        requireScope(c, 'thread');
        for (const list of this.content.messages.values()) {
          const m = list.find((x) => x.id === p.threadMessageId);
          if (m) return { threadMessage: (this.thread(m.threadId, c), m) };
        }
        throw new BridgeError('THREAD_MESSAGE_DOES_NOT_EXIST');
      } },
      'inbox/listInboxes': { access: 'management', spec: LIST_SPEC('contextId'), run: (p, c) => {
        requireScope(c, 'inbox');
        const ctx = this.content.contexts.get(p.contextId as string);
        if (!ctx) throw new BridgeError('CONTEXT_DOES_NOT_EXIST');
        requireSolution(c, ctx.solution);
        const inboxes = [...this.content.inboxes.values()].filter((i) => i.contextId === ctx.id).map(publicInbox);
        return pageById(inboxes, p.from as string | null, p.limit as number, p.sortOrder as 'asc' | 'desc');
      } },
      'inbox/getInbox': { access: 'management', spec: { inboxId: { kind: 'string', min: 1, max: 128 } }, run: (p, c) => {
        requireScope(c, 'inbox');
        const inbox = this.content.inboxes.get(p.inboxId as string);
        if (!inbox) throw new BridgeError('INBOX_DOES_NOT_EXIST');
        requireSolution(c, this.content.contexts.get(inbox.contextId)?.solution);
        return { inbox: publicInbox(inbox) };
      } },
      'store/listStoreFiles': { access: 'management', spec: LIST_SPEC('storeId'), run: (p, c) => {
        requireScope(c, 'store');
        const store = this.content.stores.get(p.storeId as string);
        if (!store) throw new BridgeError('STORE_DOES_NOT_EXIST');
        requireSolution(c, this.content.contexts.get(store.contextId)?.solution);
        return pageById(this.content.files.get(store.id) ?? [], p.from as string | null, p.limit as number, p.sortOrder as 'asc' | 'desc');
      } },
    };
  }

  has(method: string): boolean {
    return Object.hasOwn(this.defs, method);
  }

  call(method: string, params: unknown, ctx: CallContext): unknown {
    const def = this.defs[method];
    if (!def) throw new BridgeError('METHOD_NOT_FOUND');
    const caller = this.authorize(def.access, ctx);
    const p = validateParams(params, def.spec);
    return def.run(p, caller, ctx);
  }

  private authorize(access: Access, ctx: CallContext): Caller | undefined {
    if (access === 'none') return undefined;
    const header = ctx.authorization ?? '';
    const [scheme, value] = header.split(/\s+/, 2);
    let caller: Caller | undefined;
    if (scheme?.toLowerCase() === 'bearer' && value) caller = this.auth.validate(value);
    else if (scheme?.toLowerCase() === 'basic' && value) caller = this.basic(value);
    else if (access === 'manager') caller = this.auth.validate(ctx.bodyToken ?? ctx.socket?.boundToken);
    if (!caller) throw new BridgeError('UNAUTHORIZED');
    return caller;
  }

  private basic(encoded: string): Caller | undefined {
    const [id, secret] = Buffer.from(encoded, 'base64').toString('utf8').split(':', 2);
    const key = id ? this.auth.keys.get(id) : undefined;
    return key && key.enabled && key.secret === secret ? { scopes: key.scopes } : undefined;
  }

  private authenticate(p: Record<string, unknown>): unknown {
    if (p.grantType === 'api_key_credentials' && typeof p.apiKeyId === 'string' && typeof p.apiKeySecret === 'string' && p.refreshToken === undefined) {
      return this.auth.loginWithCredentials(p.apiKeyId, p.apiKeySecret, p.scope as string[] | undefined);
    }
    if (p.grantType === 'refresh_token' && typeof p.refreshToken === 'string' && p.apiKeyId === undefined && p.scope === undefined) {
      return this.auth.refresh(p.refreshToken);
    }
    throw new BridgeError('INVALID_PARAMS', "Value doesn't match any spec");
  }

  private subscription(p: Record<string, unknown>, caller: Caller | undefined, ctx: CallContext, op: 'add' | 'delete'): string {
    const socket = wsOnly(ctx);
    const channels = p.channels as BridgeChannel[];
    for (const ch of channels) if (!caller?.scopes.includes(ch)) throw new BridgeError('INSUFFICIENT_SCOPE', ch);
    const solutions = solutionsOf(caller?.scopes ?? []);
    for (const ch of channels) {
      const set = socket.channels.get(ch) ?? new Set<string>();
      for (const s of solutions) set[op](s);
      socket.channels.set(ch, set);
    }
    return 'OK';
  }

  private thread(threadId: string, caller: Caller | undefined) {
    const thread = this.content.threads.get(threadId);
    if (!thread) throw new BridgeError('THREAD_DOES_NOT_EXIST');
    requireSolution(caller, this.content.contexts.get(thread.contextId)?.solution);
    return thread;
  }
}

function wsOnly(ctx: CallContext): SocketSession {
  if (ctx.transport !== 'ws' || !ctx.socket) throw new BridgeError('METHOD_CALLABLE_WITH_WEBSOCKET_ONLY');
  return ctx.socket;
}

function canSee(caller: Caller | undefined, solution: string | undefined): boolean {
  const sols = solutionsOf(caller?.scopes ?? []);
  return sols.includes('*') || (solution !== undefined && sols.includes(solution));
}

function requireSolution(caller: Caller | undefined, solution: string | undefined): void {
  if (!canSee(caller, solution)) throw new BridgeError('ACCESS_DENIED');
}

function requireScope(caller: Caller | undefined, scope: string): void {
  if (!caller?.scopes.includes(scope)) throw new BridgeError('INSUFFICIENT_SCOPE', scope);
}
