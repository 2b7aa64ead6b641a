// The pipeline bench's floor: the same alerts through only what no pipeline can skip, with no project code. Each is
// looked up in a Set of seen keys (a duplicate stops there), turned into its JSON history line, and every batch in
// flight is made durable by one write on a descriptor opened O_APPEND|O_DSYNC (group commit), awaited as a source
// awaits its sink. No validation, no wording, no link check, no burst rule, no snapshot.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

export interface BareInput {
  id: string;
  source: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  receivedAt: number;
}

/** Feeds `total` alerts made by `make` through the floor in batches of `inFlight`; resolves with how many were new. */
export async function bareDurableIngest(dir: string, total: number, inFlight: number, make: (i: number) => BareInput): Promise<number> {
  const handle = await fs.open(path.join(dir, 'floor.journal'), constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600);
  try {
    const seen = new Set<string>();
    let lines = '';
    let accepted = 0;
    for (let i = 0; i < total; i++) {
      const alert = make(i);
      const key = `default\u0000${alert.source}\u0000${alert.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        accepted++;
        lines += `${JSON.stringify({ op: 'add', entry: { alert: { ...alert, restaurant: 'default', meta: {} }, shown: false, read: false, joinUrl: alert.link, reason: 'coalesced', pending: true } })}\n`;
      }
      if ((i + 1) % inFlight === 0 || i === total - 1) {
        await handle.write(lines);
        lines = '';
      }
    }
    return accepted;
  } finally {
    await handle.close();
  }
}
