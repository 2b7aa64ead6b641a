// Scripted REST failures: the control surface's "make REST calls fail" (401, 500, stall, malformed body).

export type RestRoute =
  | 'getConversation'
  | 'getConversationV1'
  | 'getMyMember'
  | 'getMember'
  | 'postEvent'
  | 'getEvents'
  | 'updateSession'
  | 'joinConversation'
  | 'userConversations';

export type FaultKind = 401 | 403 | 404 | 500 | 503 | 'stall' | 'malformed' | 'non-json';

export interface FaultSpec {
  /** Which call fails; `any` matches every REST call. */
  route: RestRoute | 'any';
  kind: FaultKind;
  /** How many calls fail before it clears itself; default: until `clearRestFaults()`. */
  times?: number;
}

export class FaultBook {
  private faults: Array<{ route: RestRoute | 'any'; kind: FaultKind; remaining: number }> = [];

  add(spec: FaultSpec): void {
    this.faults.push({ route: spec.route, kind: spec.kind, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes and returns the first matching fault, if any. */
  take(route: RestRoute): FaultKind | undefined {
    const fault = this.faults.find((f) => f.route === route || f.route === 'any');
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault.kind;
  }
}
