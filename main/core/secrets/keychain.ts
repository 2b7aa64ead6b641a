import { withTimeout } from '../connection/timeout.js';
import { KEYCHAIN_SERVICE } from './secretNames.js';

/** The OS keychain as the core sees it: keytar under service `Servicebell`, one entry per account (`secretAccount`), each call bounded in time. */
export interface Keychain {
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export class KeychainTimeoutError extends Error {
  constructor(operation: string, ms: number) {
    super(`the OS keychain did not answer ${operation} within ${ms} ms (locked or hanging?)`);
  }
}

const bounded = <T>(promise: Promise<T>, ms: number, operation: string): Promise<T> =>
  withTimeout(promise, ms, () => new KeychainTimeoutError(operation, ms));

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export class KeytarUnavailableError extends Error {}

let keytarLoad: Promise<KeytarLike> | undefined;
/**
 * keytar is a native addon linked against libsecret-1.so.0 on Linux: imported statically, a machine without it
 * would fail the whole module graph (and the app with it). Loaded on first use instead, within a deadline; a
 * failure means "keychain unusable", with the loader's reason.
 */
export function loadKeytar(ms = 3000): Promise<KeytarLike> {
  keytarLoad ??= withTimeout(
    import('keytar').then((m: { default?: KeytarLike } & Partial<KeytarLike>) => (m.default ?? m) as KeytarLike),
    ms,
    () => new KeytarUnavailableError(`keytar did not load within ${ms} ms`),
  ).catch((err: unknown) => {
    throw new KeytarUnavailableError(`the OS keychain library could not be loaded (${err instanceof Error ? err.message : String(err)})`);
  });
  return keytarLoad;
}

/** The default backend: each call loads keytar first (once). */
const lazyKeytar: KeytarLike = {
  getPassword: async (service, account) => (await loadKeytar()).getPassword(service, account),
  setPassword: async (service, account, password) => (await loadKeytar()).setPassword(service, account, password),
  deletePassword: async (service, account) => (await loadKeytar()).deletePassword(service, account),
};

export function createKeychain(options: { timeoutMs?: number; backend?: KeytarLike; service?: string } = {}): Keychain {
  const backend = options.backend ?? lazyKeytar;
  const ms = options.timeoutMs ?? 3000;
  const service = options.service ?? KEYCHAIN_SERVICE;
  return {
    async get(name) {
      return (await bounded(backend.getPassword(service, name), ms, 'a read')) ?? undefined;
    },
    set: (name, value) => bounded(backend.setPassword(service, name, value), ms, 'a write'),
    delete: (name) => bounded(backend.deletePassword(service, name), ms, 'a delete'),
  };
}

/**
 * A timed write/read/delete of a throwaway entry: tells at start whether the keychain is usable, without letting a
 * locked or hanging keychain freeze start-up.
 */
export async function probeKeychain(
  keychain: Keychain,
  backend: KeytarLike = lazyKeytar,
  timeoutMs = 3000,
  service = KEYCHAIN_SERVICE,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const account = `probe-${process.pid}-${Date.now()}`;
  try {
    await bounded(backend.setPassword(service, account, 'probe'), timeoutMs, 'a probe write');
    const read = await bounded(backend.getPassword(service, account), timeoutMs, 'a probe read');
    await bounded(backend.deletePassword(service, account), timeoutMs, 'a probe delete');
    if (read !== 'probe') return { ok: false, reason: 'the OS keychain did not return what was written' };
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * A keychain probed the first time it is asked, not before: a run whose secrets all come from the environment never
 * loads keytar or talks to the Secret Service, and one that needs the keychain pays the probe once, when a source
 * first asks. Unusable (probe failed): `onUnusable` hears why once; reads find nothing, writes fail with the reason.
 */
export function probedOnFirstUse(
  keychain: Keychain,
  onUnusable: (reason: string) => void,
  probe: () => Promise<{ ok: true } | { ok: false; reason: string }> = () => probeKeychain(keychain),
): Keychain {
  let probed: Promise<{ ok: true } | { ok: false; reason: string }> | undefined;
  const usable = async (): Promise<{ ok: true } | { ok: false; reason: string }> => {
    probed ??= probe().then((result) => {
      if (!result.ok) onUnusable(result.reason);
      return result;
    });
    return probed;
  };
  return {
    get: async (account) => ((await usable()).ok ? keychain.get(account) : undefined),
    set: async (account, value) => {
      const result = await usable();
      if (!result.ok) throw new KeytarUnavailableError(result.reason);
      await keychain.set(account, value);
    },
    delete: async (account) => ((await usable()).ok ? keychain.delete(account) : false),
  };
}
