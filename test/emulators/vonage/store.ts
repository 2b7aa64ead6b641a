// The emulator's durable state: it outlives stop()/restart(), so event ids keep increasing across restarts.
import { randomUUID } from 'node:crypto';

export interface EmuUser {
  id: string;
  name: string;
  displayName: string;
}

export interface EmuMember {
  id: string;
  conversationId: string;
  userId: string;
  state: 'JOINED' | 'INVITED' | 'LEFT';
}

/** A stored conversation event, in wire shape (what the socket pushes and REST lists). */
export type WireEvent = Record<string, unknown> & { id: number | string; type: string };

export interface EmuConversation {
  id: string;
  name: string;
  displayName: string;
  created: string;
  nextEventId: number;
  events: WireEvent[];
}

export class EmulatorStore {
  readonly users = new Map<string, EmuUser>();
  readonly conversations = new Map<string, EmuConversation>();
  readonly members = new Map<string, EmuMember>();
  constructor(readonly applicationId: string) {}

  userByName(name: string): EmuUser {
    for (const u of this.users.values()) if (u.name === name) return u;
    const user = { id: `USR-${randomUUID()}`, name, displayName: name };
    this.users.set(user.id, user);
    return user;
  }

  createConversation(name: string, id = `CON-${randomUUID()}`): EmuConversation {
    const conversation = { id, name, displayName: name, created: new Date().toISOString(), nextEventId: 1, events: [] };
    this.conversations.set(id, conversation);
    return conversation;
  }

  memberOf(conversationId: string, userId: string): EmuMember | undefined {
    for (const m of this.members.values()) {
      if (m.conversationId === conversationId && m.userId === userId) return m;
    }
    return undefined;
  }

  join(conversationId: string, userId: string, state: EmuMember['state'] = 'JOINED'): EmuMember {
    const existing = this.memberOf(conversationId, userId);
    if (existing) {
      existing.state = state;
      return existing;
    }
    const member = { id: `MEM-${randomUUID()}`, conversationId, userId, state };
    this.members.set(member.id, member);
    return member;
  }

  /** Users who should receive a conversation's events (JOINED or INVITED, per protocol doc §9.1). */
  audience(conversationId: string): Set<string> {
    const ids = new Set<string>();
    for (const m of this.members.values()) {
      if (m.conversationId === conversationId && m.state !== 'LEFT') ids.add(m.userId);
    }
    return ids;
  }

  /** Stores an event with the next integer id and the envelope the SDK expects. */
  append(conversationId: string, type: string, body: unknown, fromMemberId?: string): WireEvent {
    const conversation = this.requireConversation(conversationId);
    const from = fromMemberId ?? this.systemMember(conversationId).id;
    const member = this.members.get(from);
    const user = member ? this.users.get(member.userId) : undefined;
    const event: WireEvent = {
      id: conversation.nextEventId++,
      type,
      cid: conversationId,
      from,
      body,
      timestamp: new Date().toISOString(),
      application_id: this.applicationId,
      _embedded: {
        from_member: { id: from },
        ...(user ? { from_user: { id: user.id, name: user.name, display_name: user.displayName } } : {}),
      },
    };
    conversation.events.push(event);
    return event;
  }

  /** Stores a raw payload under the next id (for malformed-event tests); its other keys are left as given. */
  appendRaw(conversationId: string, type: string, payload: Record<string, unknown>): WireEvent {
    const conversation = this.requireConversation(conversationId);
    const event: WireEvent = { ...payload, id: conversation.nextEventId++, type, cid: conversationId };
    conversation.events.push(event);
    return event;
  }

  requireConversation(id: string): EmuConversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw new Error(`no conversation ${id}`);
    return conversation;
  }

  /** The backend's own member, the sender of support requests (the seed adds the customer; any member works). */
  private systemMember(conversationId: string): EmuMember {
    const user = this.userByName('restaurant-backend');
    return this.join(conversationId, user.id);
  }
}
