import { randomUUID } from 'node:crypto';

export interface Context { id: string; created: number; modified: number; solution: string; name: string; description: string; scope: 'private' | 'public'; shares: string[]; policy: Record<string, unknown> }
export interface Thread { id: string; contextId: string; createDate: number; creator: string; lastModificationDate: number; lastModifier: string; keyId: string; users: string[]; managers: string[]; version: number; lastMsgDate: number; messages: number; publicMeta: unknown }
export interface ThreadMessage { id: string; contextId: string; threadId: string; createDate: number; author: string; keyId: string; publicMeta: unknown }
export interface Store { id: string; contextId: string; createDate: number; creator: string; lastModificationDate: number; lastModifier: string; keyId: string; users: string[]; managers: string[]; version: number; lastFileDate: number; files: number; publicMeta: unknown }
export interface StoreFile { id: string; version: number; contextId: string; storeId: string; created: number; creator: string; lastModificationDate: number; lastModifier: string; size: number; keyId: string; publicMeta: unknown }
export interface Inbox { id: string; contextId: string; createDate: number; creator: string; lastModificationDate: number; lastModifier: string; users: string[]; managers: string[]; keyId: string; version: number; publicMeta: unknown }
export interface StreamRoom { id: string; contextId: string; createDate: number; creator: string; lastModificationDate: number; lastModifier: string; users: string[]; managers: string[]; keyId: string; version: number; publicMeta: unknown; closed: boolean }

/** The containers and items a management client can see; ids are increasing 24-hex ObjectId look-alikes. */
export class BridgeContent {
  readonly contexts = new Map<string, Context>();
  readonly threads = new Map<string, Thread>();
  readonly messages = new Map<string, ThreadMessage[]>();
  readonly stores = new Map<string, Store>();
  readonly files = new Map<string, StoreFile[]>();
  readonly inboxes = new Map<string, Inbox & { threadId: string; storeId: string }>();
  readonly streamRooms = new Map<string, StreamRoom>();
  private counter = 0;

  constructor(private readonly now: () => number = Date.now) {}

  objectId(): string {
    this.counter += 1;
    return Math.floor(this.now() / 1000).toString(16).padStart(8, '0') + this.counter.toString(16).padStart(16, '0');
  }

  addContext(input: { id?: string; solution?: string; name?: string } = {}): Context {
    const now = this.now();
    const ctx: Context = {
      id: input.id ?? randomUUID(), created: now, modified: now, solution: input.solution ?? randomUUID(),
      name: input.name ?? 'context', description: '', scope: 'private', shares: [], policy: {},
    };
    this.contexts.set(ctx.id, ctx);
    return ctx;
  }

  addThread(contextId: string, input: { id?: string; creator?: string; publicMeta?: unknown } = {}): Thread {
    const now = this.now();
    const t: Thread = {
      id: input.id ?? this.objectId(), contextId, createDate: now, creator: input.creator ?? 'admin', lastModificationDate: now,
      lastModifier: input.creator ?? 'admin', keyId: 'key-1', users: [], managers: [], version: 1, lastMsgDate: 0, messages: 0,
      publicMeta: input.publicMeta ?? null,
    };
    this.threads.set(t.id, t);
    this.messages.set(t.id, []);
    return t;
  }

  addMessage(threadId: string, input: { author?: string; keyId?: string; publicMeta?: unknown } = {}): ThreadMessage {
    const thread = this.threads.get(threadId);
    if (!thread) throw new Error(`no thread ${threadId}`);
    const msg: ThreadMessage = {
      id: this.objectId(), contextId: thread.contextId, threadId, createDate: this.now(),
      author: input.author ?? 'alice', keyId: input.keyId ?? 'key-1', publicMeta: input.publicMeta ?? null,
    };
    this.messages.get(threadId)?.push(msg);
    thread.messages += 1;
    thread.lastMsgDate = msg.createDate;
    return msg;
  }

  addStore(contextId: string, input: { id?: string; creator?: string } = {}): Store {
    const now = this.now();
    const s: Store = {
      id: input.id ?? this.objectId(), contextId, createDate: now, creator: input.creator ?? 'admin', lastModificationDate: now,
      lastModifier: input.creator ?? 'admin', keyId: 'key-1', users: [], managers: [], version: 1, lastFileDate: 0, files: 0, publicMeta: null,
    };
    this.stores.set(s.id, s);
    this.files.set(s.id, []);
    return s;
  }

  addFile(storeId: string, input: { creator?: string; size?: number; keyId?: string; publicMeta?: unknown } = {}): StoreFile {
    const store = this.stores.get(storeId);
    if (!store) throw new Error(`no store ${storeId}`);
    const now = this.now();
    const f: StoreFile = {
      id: this.objectId(), version: 1, contextId: store.contextId, storeId, created: now, creator: input.creator ?? 'alice',
      lastModificationDate: now, lastModifier: input.creator ?? 'alice', size: input.size ?? 1024, keyId: input.keyId ?? 'key-1',
      publicMeta: input.publicMeta ?? null,
    };
    this.files.get(storeId)?.push(f);
    store.files += 1;
    store.lastFileDate = now;
    return f;
  }

  /** An inbox keeps its entries in a hidden thread and its attachments in a hidden store. */
  addInbox(contextId: string, input: { id?: string; creator?: string; publicMeta?: unknown } = {}): Inbox {
    const now = this.now();
    const thread = this.addThread(contextId);
    const store = this.addStore(contextId);
    const inbox = {
      id: input.id ?? this.objectId(), contextId, createDate: now, creator: input.creator ?? 'admin', lastModificationDate: now,
      lastModifier: input.creator ?? 'admin', users: [], managers: [], keyId: 'key-1', version: 1, publicMeta: input.publicMeta ?? null,
      threadId: thread.id, storeId: store.id,
    };
    this.inboxes.set(inbox.id, inbox);
    return publicInbox(inbox);
  }

  addStreamRoom(contextId: string): StreamRoom {
    const now = this.now();
    const r: StreamRoom = {
      id: this.objectId(), contextId, createDate: now, creator: 'admin', lastModificationDate: now, lastModifier: 'admin',
      users: [], managers: [], keyId: 'key-1', version: 1, publicMeta: null, closed: false,
    };
    this.streamRooms.set(r.id, r);
    return r;
  }

  /** The solution an event belongs to, found from whatever id its payload carries. */
  solutionOf(data: Record<string, unknown>): string | undefined {
    const str = (k: string): string | undefined => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
    let contextId = str('contextId');
    const threadId = str('threadId');
    if (!contextId && threadId) contextId = this.threads.get(threadId)?.contextId;
    for (const k of ['storeId', 'inboxId', 'streamRoomId', 'id']) {
      const id = str(k);
      if (contextId || !id) continue;
      contextId = this.stores.get(id)?.contextId ?? this.inboxes.get(id)?.contextId ?? this.streamRooms.get(id)?.contextId ?? this.threads.get(id)?.contextId;
    }
    return contextId ? this.contexts.get(contextId)?.solution : undefined;
  }
}

export function publicInbox(inbox: Inbox & { threadId?: string; storeId?: string }): Inbox {
  const { threadId: _t, storeId: _s, ...rest } = inbox;
  return rest;
}

/** `from` is an exclusive id cursor: asc → ids after it, desc → ids before it. */
export function pageById<T extends { id: string }>(items: readonly T[], from: string | null, limit: number, order: 'asc' | 'desc'): { list: T[]; count: number } {
  const sorted = [...items].sort((a, b) => (order === 'asc' ? cmp(a.id, b.id) : cmp(b.id, a.id)));
  const after = from === null ? sorted : sorted.filter((i) => (order === 'asc' ? i.id > from : i.id < from));
  return { list: after.slice(0, limit), count: after.length };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
