import type { IPublishPacket, MqttClient } from 'mqtt';

/** One message MQTT.js handed over whose acknowledgement Servicebell sends itself, once the alert is durable. */
export interface HeldDelivery {
  packet: IPublishPacket;
  /** Sends this message's acknowledgement: the PUBACK (QoS 1), the PUBCOMP (QoS 2), nothing (QoS 0). */
  acknowledge(): void;
  /**
   * Lets MQTT.js read the next packet before this one is acknowledged. Absent for QoS 2: its PUBCOMP and the next
   * read are one callback in MQTT.js, so a QoS 2 message holds the reading until it is acknowledged.
   */
  readNext?: () => void;
}

/**
 * Passed to `handleMessage`'s callback, MQTT.js 5.16 sends no PUBACK for a QoS 1 message and reads the next packet
 * (handlers/publish.js: `if (err) return done(err)`; client.js's `work` loop ignores the error). There is no public
 * way to acknowledge later, so the PUBACK goes out through the client's private `_sendPacket`, the same path MQTT.js's
 * own PUBACK takes. test/mqtt/heldAcknowledgements.test.ts checks both on a raw socket and fails if MQTT.js changes.
 */
const HELD = new Error('acknowledgement held until the alert is durable');

interface PacketSender {
  _sendPacket(packet: { cmd: 'puback'; messageId: number }, cb?: () => void): void;
}

/** Takes `client.handleMessage` over: each message goes to `onDelivery` with its acknowledgement still to send. */
export function holdAcknowledgements(client: MqttClient, onDelivery: (delivery: HeldDelivery) => void): void {
  const sender = client as unknown as Partial<PacketSender>;
  if (typeof sender._sendPacket !== 'function') throw new Error('MQTT.js has no _sendPacket: held acknowledgements need updating for this version');
  const sendPacket = sender._sendPacket.bind(client);
  client.handleMessage = (packet, done) => {
    const { messageId } = packet;
    if (packet.qos === 1 && messageId !== undefined) {
      onDelivery({ packet, acknowledge: () => client.connected && sendPacket({ cmd: 'puback', messageId }), readNext: () => done(HELD) });
    } else if (packet.qos === 2) {
      // Delivered on PUBREL; the callback deletes it from the incoming store and sends the PUBCOMP.
      onDelivery({ packet, acknowledge: () => done() });
    } else {
      onDelivery({ packet, acknowledge: () => {}, readNext: () => done() });
    }
  };
}
