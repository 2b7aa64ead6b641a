// A real server binary run by the tests: spawned with its own config on 127.0.0.1, waited for until its port
// accepts connections, stopped (SIGTERM, then SIGKILL) afterwards. Its output is kept for failure messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

export interface ServerProcessOptions {
  name: string;
  command: string;
  args: string[];
  port: number;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

/** Starts `server` on a port of 127.0.0.1 the kernel picks; resolves with that port once it listens. */
export async function listenOnFreePort(server: net.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A free TCP port on 127.0.0.1 (the kernel picks one; it is closed again at once). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  const port = await listenOnFreePort(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts a TCP connection on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs: number, what: string, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`${what} exited before listening on ${port}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(private readonly options: ServerProcessOptions) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The server's own log (stdout + stderr), last 8 KB: for assertions and failure messages. */
  get log(): string {
    return this.output;
  }

  async start(): Promise<void> {
    const { name, command, args, port, env } = this.options;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.child = child;
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-8192);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const spawnError = new Promise<never>((_, reject) => child.once('error', (err) => reject(new Error(`cannot start ${name} (${command}): ${err.message}`))));
    try {
      await Promise.race([waitForPort(port, this.options.readyTimeoutMs ?? 10_000, name, () => child.exitCode === null), spawnError]);
    } catch (err) {
      await this.stop();
      throw new Error(`${(err as Error).message}\n--- ${name} output ---\n${this.output}`);
    }
  }

  /** SIGTERM (servers save their state on it), SIGKILL after 5 s; resolves once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
