// The REST half of the emulator (protocol doc §9.2): routes, auth, ACL, scripted faults.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { aclAllows, type JwtClaims } from './jwt.js';
import type { FaultBook, FaultKind, RestRoute } from './faults.js';
import type { EmulatorStore, EmuMember, WireEvent } from './store.js';
import { listEvents, memberJson } from './restShapes.js';

export interface RestContext {
  store: EmulatorStore;
  faults: FaultBook;
  baseUrl(): string;
  authenticate(token: string): { ok: true; claims: JwtClaims } | { ok: false; code: string; description: string };
  /** Stores nothing: pushes an already-stored event to its audience. */
  deliver(event: WireEvent): void;
  /** `PUT /v0.2/sessions/{id}` (updateToken while connected): false when the session is unknown. */
  refreshSession(sessionId: string, token: string, claims: JwtClaims): boolean;
  onStall(res: ServerResponse): void;
  log: Array<{ method: string; path: string; route: RestRoute | 'unknown'; status: number }>;
}

type Match = { route: RestRoute; params: string[] };

const ROUTES: Array<[string, RegExp, RestRoute]> = [
  ['GET', /^\/v0\.3\/conversations\/([^/]+)$/, 'getConversation'],
  ['GET', /^\/beta\/conversations\/([^/]+)$/, 'getConversationV1'],
  ['GET', /^\/v0\.3\/conversations\/([^/]+)\/members\/me$/, 'getMyMember'],
  ['GET', /^\/v0\.3\/conversations\/([^/]+)\/members\/([^/]+)$/, 'getMember'],
  ['POST', /^\/beta\/conversations\/([^/]+)\/events$/, 'postEvent'],
  ['GET', /^\/beta2\/conversations\/([^/]+)\/events$/, 'getEvents'],
  ['PUT', /^\/v0\.2\/sessions\/([^/]+)$/, 'updateSession'],
  ['POST', /^\/v0\.3\/conversations\/([^/]+)\/members$/, 'joinConversation'],
  ['GET', /^\/beta2\/users\/([^/]+)\/conversations$/, 'userConversations'],
];

function match(method: string, path: string): Match | undefined {
  for (const [m, re, route] of ROUTES) {
    const found = m === method ? re.exec(path) : null;
    if (found) return { route, params: found.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, detail: string): void {
  send(res, status, { title: detail, type: `https://developer.nexmo.com/api/conversation#${code}`, code, detail, instance: 'emulator' });
}

function applyFault(res: ServerResponse, kind: FaultKind, ctx: RestContext): number {
  if (kind === 'stall') {
    ctx.onStall(res);
    return 0;
  }
  if (kind === 'malformed') {
    send(res, 200, { unexpected: true });
    return 200;
  }
  if (kind === 'non-json') {
    res.writeHead(500, { 'content-type': 'text/html' }).end('<html>upstream error</html>');
    return 500;
  }
  const code = kind === 401 ? 'system:error:invalid-token' : kind === 403 ? 'system:error:permission' : kind === 404 ? 'conversation:error:not-found' : 'system:error:internal';
  sendError(res, kind, code, `emulated failure ${kind}`);
  return kind;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function handleRest(req: IncomingMessage, res: ServerResponse, ctx: RestContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';
  const found = match(method, url.pathname);
  const record = (status: number): void => {
    ctx.log.push({ method, path: url.pathname + url.search, route: found?.route ?? 'unknown', status });
  };
  if (!found) {
    record(404);
    return sendError(res, 404, 'http:error:not-found', 'No such route');
  }
  const fault = ctx.faults.take(found.route);
  if (fault !== undefined) return record(applyFault(res, fault, ctx));
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const auth = token ? ctx.authenticate(token) : { ok: false as const, code: 'system:error:invalid-token', description: 'Missing token' };
  if (!auth.ok) {
    record(401);
    return sendError(res, 401, auth.code, auth.description);
  }
  if (!aclAllows(auth.claims.acl, method, url.pathname)) {
    record(403);
    return sendError(res, 403, 'system:error:permission', 'Token ACL does not allow this call');
  }
  const user = ctx.store.userByName(auth.claims.sub);
  const [status, body] = await route(found, req, url, user.id, ctx, { token: token ?? '', claims: auth.claims });
  record(status);
  send(res, status, body);
}

async function route(m: Match, req: IncomingMessage, url: URL, userId: string, ctx: RestContext, auth: { token: string; claims: JwtClaims }): Promise<[number, unknown]> {
  const { store } = ctx;
  const [first = '', second = ''] = m.params;
  const notFound: [number, unknown] = [404, { title: 'Not found.', type: 'https://developer.nexmo.com/api/conversation#conversation:error:not-found', code: 'conversation:error:not-found', detail: 'Conversation does not exist, or you do not have access.', instance: 'emulator' }];
  if (m.route === 'updateSession') return ctx.refreshSession(first, auth.token, auth.claims) ? [200, {}] : [404, { code: 'session:error:not-found', detail: 'No such session' }];
  if (m.route === 'userConversations') {
    const conversations = [...store.members.values()].filter((mem) => mem.userId === userId).map((mem) => {
      const c = store.requireConversation(mem.conversationId);
      return { id: c.id, name: c.name, display_name: c.displayName, member_id: mem.id, state: mem.state, timestamp: { created: c.created }, sequence_number: c.nextEventId - 1 };
    });
    return [200, { page_size: conversations.length, _embedded: { data: { conversations } }, _links: { self: { href: `${ctx.baseUrl()}${url.pathname}` } } }];
  }
  const conversation = store.conversations.get(first);
  if (!conversation) return notFound;
  switch (m.route) {
    case 'getConversation':
      return [200, { id: conversation.id, name: conversation.name, display_name: conversation.displayName, state: 'ACTIVE', sequence_number: conversation.nextEventId - 1, timestamp: { created: conversation.created }, properties: { ttl: 0, custom_data: {} }, _links: { self: { href: `${ctx.baseUrl()}${url.pathname}` } } }];
    case 'getConversationV1': {
      const members = [...store.members.values()].filter((mem) => mem.conversationId === conversation.id).map((mem) => ({ member_id: mem.id, user_id: mem.userId, name: store.users.get(mem.userId)?.name, state: mem.state }));
      return [200, { uuid: conversation.id, name: conversation.name, display_name: conversation.displayName, members }];
    }
    case 'getMyMember': {
      const me = store.memberOf(conversation.id, userId);
      return me ? [200, memberJson(store, me, ctx.baseUrl())] : notFound;
    }
    case 'getMember': {
      const member = store.members.get(second);
      return member && member.conversationId === conversation.id ? [200, memberJson(store, member, ctx.baseUrl())] : notFound;
    }
    case 'getEvents':
      return [200, listEvents(conversation, url, ctx.baseUrl())];
    case 'postEvent': {
      const body = await readJson(req);
      const from = typeof body.from === 'string' ? body.from : store.memberOf(conversation.id, userId)?.id;
      const event = store.append(conversation.id, typeof body.type === 'string' ? body.type : 'custom:unknown', body.body ?? {}, from);
      ctx.deliver(event);
      return [200, { id: event.id, timestamp: event.timestamp, href: `${ctx.baseUrl()}/beta/conversations/${conversation.id}/events/${event.id}` }];
    }
    case 'joinConversation': {
      const body = await readJson(req);
      const member: EmuMember = store.join(conversation.id, userId, body.state === 'invited' ? 'INVITED' : 'JOINED');
      const user = store.users.get(userId);
      const event = store.append(conversation.id, member.state === 'INVITED' ? 'member:invited' : 'member:joined', { user: { id: user?.id, name: user?.name, display_name: user?.displayName }, channel: { type: 'app' } }, member.id);
      ctx.deliver(event);
      return [201, memberJson(store, member, ctx.baseUrl())];
    }
    default:
      return notFound;
  }
}
