// Socket sessions (protocol doc §2, §6, §9.1): login by first event, pending_events, expiry, logout.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io';
import type { JwtClaims } from './jwt.js';
import type { EmulatorStore, WireEvent } from './store.js';

export interface EmuSession {
  id: string;
  userId: string;
  token: string;
  socket?: Socket;
  pending: WireEvent[];
  expiryTimer?: ReturnType<typeof setTimeout>;
}

export interface Handshake {
  at: number;
  query: Record<string, string>;
  outcome: 'success' | 'error' | 'silent';
}

export const EXPIRED_TOKEN_PAYLOAD = {
  body: { code: 'system:error:expired-token', description: 'You provided an expired token' },
  description: 'You provided an expired token',
};

export class SessionTable {
  readonly sessions = new Map<string, EmuSession>();
  readonly expiredTokens = new Set<string>();
  ackCount = 0;

  constructor(private readonly store: EmulatorStore, private readonly enforceExpiry: () => boolean) {}

  /** Reuses a known session of the same user (keeping its pending events), else opens a new one. */
  attach(socket: Socket, token: string, claims: JwtClaims, wantedId: string | undefined): EmuSession {
    const user = this.store.userByName(claims.sub);
    const known = wantedId ? this.sessions.get(wantedId) : undefined;
    const session: EmuSession = known && known.userId === user.id ? known : { id: `SES-${randomUUID()}`, userId: user.id, token, pending: [] };
    this.sessions.set(session.id, session);
    session.socket?.disconnect(true);
    session.socket = socket;
    session.token = token;
    const pending = session.pending;
    session.pending = [];
    socket.emit('session:success', { body: { id: session.id, user_id: user.id, name: user.name, ...(pending.length ? { pending_events: pending } : {}) } });
    this.scheduleExpiry(session, claims);
    socket.on('disconnect', () => {
      if (session.socket === socket) session.socket = undefined;
    });
    socket.on('session:logout', (payload: { tid?: string } | undefined) => {
      socket.emit('session:logged-out', { rid: payload?.tid, body: {} });
      this.forget(session);
      socket.disconnect(true);
    });
    return session;
  }

  /** The server decides expiry (the SDK never reads `exp`): push expired-token at `exp`, then disconnect. */
  scheduleExpiry(session: EmuSession, claims: JwtClaims): void {
    if (session.expiryTimer) clearTimeout(session.expiryTimer);
    session.expiryTimer = undefined;
    if (!this.enforceExpiry() || typeof claims.exp !== 'number') return;
    const ms = Math.max(0, claims.exp * 1000 - Date.now());
    session.expiryTimer = setTimeout(() => this.expire(session), ms);
  }

  refresh(sessionId: string, token: string, claims: JwtClaims): boolean {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    session.token = token;
    this.scheduleExpiry(session, claims);
    return true;
  }

  expire(session: EmuSession): void {
    this.expiredTokens.add(session.token);
    const socket = session.socket;
    if (!socket) return;
    socket.emit('system:error:expired-token', EXPIRED_TOKEN_PAYLOAD);
    socket.disconnect(true);
  }

  /** Live push to every connected session of the audience; offline sessions queue it for pending_events. */
  deliver(event: WireEvent, audience: Set<string>): number {
    let sent = 0;
    for (const session of this.sessions.values()) {
      if (!audience.has(session.userId)) continue;
      if (session.socket?.connected) {
        session.socket.emit(event.type, event, () => {
          this.ackCount += 1;
        });
        sent += 1;
      } else {
        session.pending.push(event);
      }
    }
    return sent;
  }

  connected(): EmuSession[] {
    return [...this.sessions.values()].filter((s) => s.socket?.connected);
  }

  forget(session: EmuSession): void {
    if (session.expiryTimer) clearTimeout(session.expiryTimer);
    this.sessions.delete(session.id);
  }

  clear(): void {
    for (const s of this.sessions.values()) if (s.expiryTimer) clearTimeout(s.expiryTimer);
    this.sessions.clear();
  }
}
