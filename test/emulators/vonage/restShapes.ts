// JSON shapes of the Vonage v0.3 member object and the beta2 events page (protocol doc §3, §5).
import type { EmulatorStore, EmuConversation, EmuMember } from './store.js';

export function memberJson(store: EmulatorStore, member: EmuMember, baseUrl: string): Record<string, unknown> {
  const user = store.users.get(member.userId);
  return {
    id: member.id,
    conversation_id: member.conversationId,
    _embedded: { user: { id: user?.id, name: user?.name, display_name: user?.displayName } },
    state: member.state,
    timestamp: { joined: new Date().toISOString() },
    channel: { type: 'app' },
    initiator: { joined: { isSystem: false } },
    _links: { href: `${baseUrl}/v0.3/conversations/${member.conversationId}/members/${member.id}` },
  };
}

function typeMatches(type: string, filter: string | null): boolean {
  if (!filter) return true;
  return filter.endsWith(':*') ? type.startsWith(filter.slice(0, -1)) : type === filter;
}

/** One page of events. `cursor` is an opaque offset and always the last query parameter of each href. */
export function listEvents(conversation: EmuConversation, url: URL, baseUrl: string): Record<string, unknown> {
  const q = url.searchParams;
  const pageSize = Math.min(Math.max(Number(q.get('page_size') ?? 10) || 10, 1), 100);
  const order = q.get('order') === 'desc' ? 'desc' : 'asc';
  const eventType = q.get('event_type');
  const startId = q.has('start_id') ? Number(q.get('start_id')) : undefined;
  const endId = q.has('end_id') ? Number(q.get('end_id')) : undefined;
  const offset = Number(Buffer.from(q.get('cursor') ?? '', 'base64url').toString('utf8')) || 0;
  const selected = conversation.events.filter((e) => {
    const id = Number(e.id);
    return typeMatches(e.type, eventType) && (startId === undefined || id >= startId) && (endId === undefined || id <= endId);
  });
  if (order === 'desc') selected.reverse();
  // The real API leaves `cid` out of listed events; the SDK's gap filler adds it back.
  const events = selected.slice(offset, offset + pageSize).map(({ cid: _cid, ...rest }) => rest);
  const href = (cursorOffset?: number): string => {
    const params = new URLSearchParams({ page_size: String(pageSize), order });
    if (eventType) params.set('event_type', eventType);
    if (cursorOffset !== undefined) params.set('cursor', Buffer.from(String(cursorOffset)).toString('base64url'));
    return `${baseUrl}/beta2/conversations/${conversation.id}/events?${params.toString()}`;
  };
  const links: Record<string, { href: string }> = { self: { href: href(offset) } };
  if (offset + pageSize < selected.length) links.next = { href: href(offset + pageSize) };
  if (offset > 0) links.prev = { href: href(Math.max(0, offset - pageSize)) };
  return { page_size: pageSize, _embedded: { data: { events } }, _links: links };
}
