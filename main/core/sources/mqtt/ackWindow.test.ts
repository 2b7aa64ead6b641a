import { describe, expect, it } from 'vitest';
import { AckWindow } from './ackWindow.js';

/** A store the test settles by hand, and a delivery that records its acknowledgement and its next read. */
function deliveries(log: string[]) {
  const stores = new Map<number, { resolve(): void; reject(err: Error): void }>();
  const make = (n: number, opts: { readNext?: boolean } = {}) => {
    const stored = new Promise<void>((resolve, reject) => stores.set(n, { resolve, reject }));
    const delivery = { n, acknowledge: () => log.push(`ack ${n}`), ...(opts.readNext === false ? {} : { readNext: () => log.push(`read after ${n}`) }) };
    return { delivery, stored };
  };
  return { make, stores };
}
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('AckWindow', () => {
  it('acknowledges in arrival order although the stores finish out of order', async () => {
    const log: string[] = [];
    const { make, stores } = deliveries(log);
    const window = new AckWindow({ size: 10, onFailure: () => log.push('failure') });
    for (const n of [1, 2, 3, 4]) {
      const { delivery, stored } = make(n);
      window.admit(delivery, stored);
    }
    for (const n of [3, 2, 4]) stores.get(n)?.resolve();
    await tick();
    expect(log.filter((l) => l.startsWith('ack'))).toEqual([]);
    stores.get(1)?.resolve();
    await tick();
    expect(log.filter((l) => l.startsWith('ack'))).toEqual(['ack 1', 'ack 2', 'ack 3', 'ack 4']);
    expect(window.inFlight).toBe(0);
  });

  it('a failed store: no acknowledgement for it nor any later one, no more reads, failure reported once', async () => {
    const log: string[] = [];
    const { make, stores } = deliveries(log);
    const failures: number[] = [];
    const window = new AckWindow<{ n: number; acknowledge(): void }>({ size: 10, onFailure: (_err, d) => failures.push(d.n) });
    for (const n of [1, 2, 3, 4]) {
      const { delivery, stored } = make(n);
      window.admit(delivery, stored);
    }
    stores.get(1)?.resolve();
    await tick();
    stores.get(2)?.reject(new Error('disk full'));
    stores.get(3)?.reject(new Error('disk full'));
    stores.get(4)?.resolve();
    await tick();
    expect(log.filter((l) => l.startsWith('ack'))).toEqual(['ack 1']);
    expect(failures).toEqual([2]);
    const readsBefore = log.filter((l) => l.startsWith('read')).length;
    const { delivery, stored } = make(5);
    window.admit(delivery, stored);
    stores.get(5)?.resolve();
    await tick();
    expect(log.filter((l) => l.startsWith('read')).length).toBe(readsBefore);
    expect(log).not.toContain('ack 5');
  });

  it('when full, the next read waits until the oldest is acknowledged (back-pressure)', async () => {
    const log: string[] = [];
    const { make, stores } = deliveries(log);
    const window = new AckWindow({ size: 3, onFailure: () => {} });
    for (const n of [1, 2, 3]) {
      const { delivery, stored } = make(n);
      window.admit(delivery, stored);
    }
    expect(log).toEqual(['read after 1', 'read after 2']);
    expect(window.inFlight).toBe(3);
    stores.get(2)?.resolve();
    await tick();
    expect(log).toEqual(['read after 1', 'read after 2']);
    stores.get(1)?.resolve();
    await tick();
    expect(log).toEqual(['read after 1', 'read after 2', 'ack 1', 'ack 2', 'read after 3']);
  });

  it('a delivery whose acknowledgement reads on (QoS 2) holds the reading until it is acknowledged', async () => {
    const log: string[] = [];
    const { make, stores } = deliveries(log);
    const window = new AckWindow({ size: 10, onFailure: () => {} });
    const first = make(1);
    window.admit(first.delivery, first.stored);
    const qos2 = make(2, { readNext: false });
    window.admit(qos2.delivery, qos2.stored);
    stores.get(2)?.resolve();
    await tick();
    expect(log).toEqual(['read after 1']);
    stores.get(1)?.resolve();
    await tick();
    expect(log).toEqual(['read after 1', 'ack 1', 'ack 2']);
  });

  it('idle resolves once every store has settled, failed ones included', async () => {
    const { make, stores } = deliveries([]);
    const window = new AckWindow({ size: 10, onFailure: () => {} });
    for (const n of [1, 2]) {
      const { delivery, stored } = make(n);
      window.admit(delivery, stored);
    }
    let idle = false;
    void window.idle().then(() => (idle = true));
    stores.get(2)?.reject(new Error('x'));
    await tick();
    expect(idle).toBe(false);
    stores.get(1)?.resolve();
    await tick();
    expect(idle).toBe(true);
  });
});
