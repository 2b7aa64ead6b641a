// A private desktop session: a fresh HOME/XDG tree, a private D-Bus session bus and an unlocked
// gnome-keyring on it. Never touches the caller's bus or keychain. Plain JS so it runs before any build.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

function readFirstLine(stream, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`${what} printed nothing within ${timeoutMs} ms`)), timeoutMs);
    stream.on('data', (chunk) => {
      buf += chunk.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(buf.slice(0, nl).trim());
      }
    });
    stream.on('end', () => {
      clearTimeout(timer);
      reject(new Error(`${what} exited before printing its address`));
    });
  });
}

/** Starts a private session bus; returns its address and a stop function. */
export async function startSessionBus(env = process.env) {
  // stderr ignored: as root in a container it warns about the fd limit on every start, which is harmless.
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env,
  });
  daemon.on('error', (err) => {
    throw new Error(`cannot start dbus-daemon (install the 'dbus' package): ${err.message}`);
  });
  const address = await readFirstLine(daemon.stdout, 5000, 'dbus-daemon');
  return {
    address,
    async stop() {
      // A daemon killed by a signal (Ctrl-C to the whole process group) has exitCode null too: it has exited.
      if (daemon.exitCode === null && daemon.signalCode === null) {
        daemon.kill('SIGTERM');
        await once(daemon, 'exit');
      }
    },
  };
}

/**
 * Starts gnome-keyring-daemon's Secret Service on `busAddress`, unlocked with a throwaway password
 * (so a `login` collection exists and keytar works for real).
 */
export async function startKeyring(env, { unlocked = true } = {}) {
  const args = ['--foreground', '--components=secrets'];
  if (unlocked) args.push('--unlock');
  const keyring = spawn('gnome-keyring-daemon', args, { stdio: ['pipe', 'pipe', 'ignore'], env });
  keyring.on('error', (err) => {
    throw new Error(`cannot start gnome-keyring-daemon (install 'gnome-keyring'): ${err.message}`);
  });
  if (unlocked) keyring.stdin.end('servicebell-test-session');
  else keyring.stdin.end();
  // It signals readiness by printing its environment and/or closing stdout once the Secret Service is on the bus.
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('gnome-keyring-daemon did not become ready within 10 s')), 10_000);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    keyring.stdout.on('data', ready);
    keyring.stdout.on('end', ready);
    keyring.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gnome-keyring-daemon exited with ${code} during start-up`));
    });
  });
  keyring.stdout.resume();
  if (keyring.exitCode !== null) throw new Error(`gnome-keyring-daemon exited with ${keyring.exitCode}`);
  return {
    async stop() {
      if (keyring.exitCode === null && keyring.signalCode === null) {
        keyring.kill('SIGTERM');
        await once(keyring, 'exit');
      }
    },
  };
}

/**
 * The whole private session for a test run. `{ desktop: false }` is the portable session (macOS, Windows, or Linux
 * without the desktop packages): a fresh home only, no bus and no keyring, so nothing can reach the caller's own.
 */
export async function startDesktopSession({ desktop = true } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'servicebell-test-'));
  const home = path.join(root, 'home');
  const runtime = path.join(root, 'runtime');
  for (const dir of [home, runtime]) mkdirSync(dir, { recursive: true });
  chmodSync(runtime, 0o700);
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: runtime,
    // Windows takes the home and the app data folders from these (os.homedir(), Electron's appData).
    USERPROFILE: home,
    APPDATA: path.join(home, 'AppData', 'Roaming'),
    LOCALAPPDATA: path.join(home, 'AppData', 'Local'),
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch {
        // keep tearing down the rest
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  if (!desktop) return { env, root, stop: stopAll };
  try {
    const bus = await startSessionBus(env);
    stops.push(() => bus.stop());
    env.DBUS_SESSION_BUS_ADDRESS = bus.address;
    const keyring = await startKeyring(env);
    stops.push(() => keyring.stop());
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { env, root, stop: stopAll };
}
