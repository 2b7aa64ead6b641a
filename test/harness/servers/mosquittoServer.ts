// A real Mosquitto (Debian's `mosquitto`) per test: its own config, password file, ACL and persistence folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ServerProcess } from './serverProcess.js';

export interface MqttUser {
  username: string;
  password: string;
  /** Topic filters this user may read (subscribe to) and write (publish to). */
  read?: string[];
  write?: string[];
}

export interface MosquittoOptions {
  users: MqttUser[];
  /** Keep sessions and queued messages across a restart (`persistence true`). Default true. */
  persistence?: boolean;
  allowAnonymous?: boolean;
  /** `max_inflight_messages`: unacknowledged QoS 1/2 messages per MQTT 3.1.1 client (Mosquitto's default 20; 0 = no limit). */
  maxInflightMessages?: number;
}

export interface MosquittoServer {
  url: string;
  port: number;
  dir: string;
  log(): string;
  /** Stops and starts again on the same port; `persistence` may change (false loses every session). */
  restart(options?: { persistence?: boolean; downMs?: number }): Promise<void>;
  stopServer(): Promise<void>;
  startServer(options?: { persistence?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

const MOSQUITTO = process.env.SERVICEBELL_MOSQUITTO_BIN ?? '/usr/sbin/mosquitto';

export async function startMosquitto(options: MosquittoOptions): Promise<MosquittoServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-mosquitto-'));
  const port = await freePort();
  const passwordFile = path.join(dir, 'passwd');
  writeFileSync(passwordFile, '');
  for (const user of options.users) execFileSync('mosquitto_passwd', ['-b', passwordFile, user.username, user.password], { stdio: 'ignore' });
  writeFileSync(path.join(dir, 'acl'), aclText(options.users));
  let persistence = options.persistence ?? true;
  const writeConfig = (): string => {
    const file = path.join(dir, 'mosquitto.conf');
    writeFileSync(
      file,
      [
        `listener ${port} 127.0.0.1`,
        `allow_anonymous ${options.allowAnonymous ? 'true' : 'false'}`,
        `password_file ${passwordFile}`,
        `acl_file ${path.join(dir, 'acl')}`,
        `persistence ${persistence}`,
        `persistence_location ${dir}/`,
        'autosave_interval 1',
        'max_queued_messages 100000',
        ...(options.maxInflightMessages !== undefined ? [`max_inflight_messages ${options.maxInflightMessages}`] : []),
        'message_size_limit 0',
        'log_dest stderr',
        'log_type error',
        'log_type warning',
        'log_type notice',
        'log_type information',
        // Started as root, Mosquitto would drop to the `mosquitto` user, who cannot read this temporary folder.
        ...(process.getuid?.() === 0 ? ['user root'] : []),
        '',
      ].join('\n'),
    );
    return file;
  };
  let proc: ServerProcess | undefined;
  const startServer = async (next?: { persistence?: boolean }): Promise<void> => {
    if (next?.persistence !== undefined) persistence = next.persistence;
    if (!persistence) rmSync(path.join(dir, 'mosquitto.db'), { force: true });
    proc = new ServerProcess({ name: 'mosquitto', command: MOSQUITTO, args: ['-c', writeConfig()], port });
    await proc.start();
  };
  const stopServer = async (): Promise<void> => {
    await proc?.stop();
  };
  await startServer();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    log: () => proc?.log ?? '',
    stopServer,
    startServer,
    async restart(next = {}) {
      await stopServer();
      if (next.downMs) await new Promise((r) => setTimeout(r, next.downMs));
      await startServer(next);
    },
    async stop() {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function aclText(users: MqttUser[]): string {
  const lines: string[] = [];
  for (const user of users) {
    lines.push(`user ${user.username}`);
    for (const t of user.read ?? []) lines.push(`topic read ${t}`);
    for (const t of user.write ?? []) lines.push(`topic write ${t}`);
    lines.push('');
  }
  return lines.join('\n');
}
