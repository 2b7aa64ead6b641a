// Just enough of MQTT's wire format (3.1.1 §2) for tests that watch or play a broker on a raw socket: split a byte
// stream into packets, read a packet id, write the few packets a fake broker sends.

export const PACKET = { connect: 1, connack: 2, publish: 3, puback: 4, pubrec: 5, pubrel: 6, pubcomp: 7, subscribe: 8, suback: 9, pingreq: 12, pingresp: 13, disconnect: 14 } as const;

export interface Frame {
  type: number;
  flags: number;
  body: Buffer;
}

/** Feeds chunks as they come; returns each complete packet once. */
export function frameSplitter(): (chunk: Buffer) => Frame[] {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      let length = 0;
      let multiplier = 1;
      let i = 1;
      for (; i < pending.length && i <= 4; i += 1) {
        const byte = pending[i] ?? 0;
        length += (byte & 0x7f) * multiplier;
        multiplier *= 128;
        if ((byte & 0x80) === 0) break;
      }
      if (i >= pending.length || pending.length < i + 1 + length) return frames;
      const first = pending[0] ?? 0;
      frames.push({ type: first >> 4, flags: first & 0x0f, body: pending.subarray(i + 1, i + 1 + length) });
      pending = pending.subarray(i + 1 + length);
    }
  };
}

/** The packet id of a PUBLISH with QoS > 0 (after its topic), or of an ack / SUBSCRIBE (its first two bytes). */
export function packetId(frame: Frame): number {
  if (frame.type !== PACKET.publish) return frame.body.readUInt16BE(0);
  return frame.body.readUInt16BE(2 + frame.body.readUInt16BE(0));
}

export const publishQos = (frame: Frame): number => (frame.flags >> 1) & 0x03;

function remainingLength(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    bytes.push(byte);
  } while (n > 0);
  return Buffer.from(bytes);
}

export function packet(type: number, flags: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(type << 4) | flags]), remainingLength(body.length), body]);
}

const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);

export const connack = (): Buffer => packet(PACKET.connack, 0, Buffer.from([0, 0]));
export const suback = (id: number, qos: number): Buffer => packet(PACKET.suback, 0, Buffer.concat([u16(id), Buffer.from([qos])]));
export const pubrel = (id: number): Buffer => packet(PACKET.pubrel, 2, u16(id));
export function publish(topic: string, payload: string, qos: 0 | 1 | 2, id = 0): Buffer {
  const name = Buffer.from(topic);
  return packet(PACKET.publish, qos << 1, Buffer.concat([u16(name.length), name, qos > 0 ? u16(id) : Buffer.alloc(0), Buffer.from(payload)]));
}
