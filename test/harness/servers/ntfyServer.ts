// A real ntfy server (Debian trixie's `ntfy` 2.11, fetched by scripts/fetch-ntfy.sh into .cache/ntfy) per test:
// deny-all by default, users with per-topic access, tokens, and an on-disk message cache that survives restarts.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, ServerProcess } from './serverProcess.js';

const run = promisify(execFile);

export interface NtfyUser {
  username: string;
  password: string;
  /** topic → permission (`read-write`, `read-only`, `write-only`, `deny`). */
  access: Record<string, 'read-write' | 'read-only' | 'write-only' | 'deny'>;
}

export interface NtfyOptions {
  users: NtfyUser[];
  /** `keepalive-interval` (ntfy's default is 45s). */
  keepalive?: string;
  /** `visitor-request-limit-burst` / `-replenish` (defaults 60 / 5s). */
  requestBurst?: number;
  requestReplenish?: string;
}

export interface NtfyServer {
  baseUrl: string;
  port: number;
  /** One access token per user, created with `ntfy token add`. */
  tokens: Record<string, string>;
  log(): string;
  /** Publishes as `username` (Basic auth) with ntfy's JSON publishing; resolves to the message id. */
  publish(username: string, message: { topic: string; message?: string; title?: string; click?: string; actions?: unknown[] }): Promise<string>;
  restart(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export function ntfyBinary(): string {
  const fromEnv = process.env.SERVICEBELL_NTFY_BIN;
  if (fromEnv) return fromEnv;
  const repo = fileURLToPath(new URL('../../../', import.meta.url));
  const cached = path.join(repo, '.cache', 'ntfy', 'usr', 'bin', 'ntfy');
  if (existsSync(cached)) return cached;
  throw new Error(`no ntfy server binary: run \`bash scripts/install-system-deps.sh\` (it unpacks ntfy into ${cached}) or set SERVICEBELL_NTFY_BIN`);
}

export async function startNtfy(options: NtfyOptions): Promise<NtfyServer> {
  const bin = ntfyBinary();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-ntfy-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = path.join(dir, 'server.yml');
  writeFileSync(
    config,
    [
      `base-url: "${baseUrl}"`,
      `listen-http: "127.0.0.1:${port}"`,
      `cache-file: "${path.join(dir, 'cache.db')}"`,
      `auth-file: "${path.join(dir, 'user.db')}"`,
      'auth-default-access: "deny-all"',
      `keepalive-interval: "${options.keepalive ?? '45s'}"`,
      `visitor-request-limit-burst: ${options.requestBurst ?? 10_000}`,
      `visitor-request-limit-replenish: "${options.requestReplenish ?? '1ms'}"`,
      'visitor-message-daily-limit: 0',
      'log-level: info',
      '',
    ].join('\n'),
  );
  const env = { NTFY_CONFIG_FILE: config };
  const spawnServer = (): ServerProcess => new ServerProcess({ name: 'ntfy', command: bin, args: ['serve', '--config', config], port, env });
  let proc = spawnServer();
  await proc.start(); // creates the auth database the user/token commands need
  const tokens: Record<string, string> = {};
  const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => run(bin, args, { env: { ...process.env, ...env, ...extraEnv }, timeout: 10_000 });
  for (const user of options.users) {
    await cli(['user', '--config', config, 'add', user.username], { NTFY_PASSWORD: user.password });
    for (const [topic, permission] of Object.entries(user.access)) await cli(['access', '--config', config, user.username, topic, permission]);
    const { stdout, stderr } = await cli(['token', '--config', config, 'add', user.username]);
    const token = /tk_[A-Za-z0-9]+/.exec(stdout + stderr)?.[0];
    if (!token) throw new Error(`ntfy token add printed no token: ${stdout}${stderr}`);
    tokens[user.username] = token;
  }
  const passwords = new Map(options.users.map((u) => [u.username, u.password]));
  return {
    baseUrl,
    port,
    tokens,
    log: () => proc.log,
    async publish(username, message) {
      const basic = Buffer.from(`${username}:${passwords.get(username) ?? ''}`).toString('base64');
      const res = await fetch(baseUrl, { method: 'POST', headers: { Authorization: `Basic ${basic}` }, body: JSON.stringify(message), signal: AbortSignal.timeout(5_000) });
      const text = await res.text();
      if (!res.ok) throw new Error(`ntfy publish ${res.status}: ${text}`);
      return (JSON.parse(text) as { id: string }).id;
    },
    async restart(next = {}) {
      await proc.stop();
      if (next.downMs) await new Promise((r) => setTimeout(r, next.downMs));
      proc = spawnServer();
      await proc.start();
    },
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
