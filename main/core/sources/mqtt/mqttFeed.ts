import type { IPublishPacket } from 'mqtt';
import type { Logger } from '../../log/logger.js';
import type { SourceSink } from '../source.js';
import { pushAlert } from '../push/pushAlert.js';
import { parsePushPayload } from '../push/pushPayload.js';
import { UnusableLog } from '../push/unusableLog.js';

/**
 * MQTT messages → alerts. A retained message is what the broker kept from before, never new: skipped.
 * Duplicates (QoS 1 is at-least-once, backends retry) share the payload's `id`, which the pipeline dedupes,
 * also across restarts (it is seeded from history).
 */
export class MqttFeed {
  private readonly unusable: UnusableLog;
  private retainedSkipped = 0;

  constructor(private readonly deps: { sink: SourceSink; logger: Logger; now: () => number; meta?: Record<string, unknown> }) {
    this.unusable = new UnusableLog(deps.logger, 'mqtt');
  }

  async handle(packet: IPublishPacket): Promise<void> {
    const where = { topic: packet.topic.slice(0, 256), bytes: packet.payload.length };
    if (packet.retain) {
      this.retainedSkipped += 1;
      if (Number.isInteger(Math.log10(this.retainedSkipped))) this.deps.logger.info({ ...where, count: this.retainedSkipped }, 'mqtt: a retained message is not shown as new');
      return;
    }
    const result = parsePushPayload(packet.payload);
    if (!result.ok) return this.unusable.note(result.reason, where);
    await this.deps.sink.alert(pushAlert('mqtt', result.payload, this.deps.now(), { ...this.deps.meta, topic: where.topic }));
  }

  get unusableCount(): number {
    return this.unusable.total();
  }
}
