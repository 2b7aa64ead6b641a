// A real nats-server (Debian's `nats-server`) with JetStream and its MQTT listener: the clusterable engine a chain
// would run. MQTT sessions and QoS 1 messages live in JetStream, stored in this test's own folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ServerProcess } from './serverProcess.js';

export interface NatsServer {
  /** The MQTT listener: `mqtt://127.0.0.1:<port>`. */
  mqttUrl: string;
  natsPort: number;
  log(): string;
  restart(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const NATS = process.env.SERVICEBELL_NATS_BIN ?? '/usr/sbin/nats-server';

export async function startNatsServer(options: { users: Array<{ username: string; password: string }> }): Promise<NatsServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-nats-'));
  const natsPort = await freePort();
  const mqttPort = await freePort();
  const users = options.users.map((u) => `    { user: ${JSON.stringify(u.username)}, password: ${JSON.stringify(u.password)} }`).join('\n');
  const config = path.join(dir, 'nats.conf');
  writeFileSync(
    config,
    [
      `listen: 127.0.0.1:${natsPort}`,
      'server_name: servicebell_test',
      `jetstream { store_dir: ${JSON.stringify(path.join(dir, 'jetstream'))} }`,
      `mqtt { listen: 127.0.0.1:${mqttPort} }`,
      'authorization {',
      '  users: [',
      users,
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
  let proc = new ServerProcess({ name: 'nats-server', command: NATS, args: ['-c', config], port: mqttPort });
  await proc.start();
  return {
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    natsPort,
    log: () => proc.log,
    async restart(next = {}) {
      await proc.stop();
      if (next.downMs) await new Promise((r) => setTimeout(r, next.downMs));
      proc = new ServerProcess({ name: 'nats-server', command: NATS, args: ['-c', config], port: mqttPort });
      await proc.start();
    },
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
