// Registers the contract's handlers on ipcMain: every request is zod-validated and must come from our own page.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, type Channel, type Handlers, type Response } from '../../preload/contract.js';
import { formatIssues } from '../core/settings/settingsFile.js';

export class IpcRejection extends Error {}

/** The page origin our windows load from (see appProtocol.ts). */
export function isTrustedSenderUrl(url: string | undefined, trustedOrigin: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // `origin` is "null" for non-special schemes, so compare protocol and host explicitly.
    return `${parsed.protocol}//${parsed.host}` === trustedOrigin;
  } catch {
    return false;
  }
}

/** Validates a request against the contract and runs its handler; rejects anything malformed. */
export async function dispatch<C extends Channel>(handlers: Handlers, channel: C, payload: unknown): Promise<Response<C>> {
  const entry = contract[channel];
  if (!entry) throw new IpcRejection(`unknown channel ${String(channel)}`);
  const parsed = entry.request.safeParse(payload);
  if (!parsed.success) throw new IpcRejection(`${channel}: invalid request: ${formatIssues(parsed.error.issues).join('; ')}`);
  const handler = handlers[channel] as (request: unknown) => Promise<Response<C>>;
  return handler(parsed.data);
}

export interface IpcRegistration {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: Handlers;
  trustedOrigin: string;
  onRejected?(channel: string, reason: string): void;
}

/** Returns a function that removes every handler it registered. */
export function registerIpcHandlers({ ipcMain, handlers, trustedOrigin, onRejected }: IpcRegistration): () => void {
  const channels = Object.keys(contract) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, payload: unknown) => {
      // senderFrame is null when the frame navigated away or was destroyed: treat it as foreign.
      if (!isTrustedSenderUrl(event.senderFrame?.url, trustedOrigin)) {
        onRejected?.(channel, 'foreign sender');
        throw new IpcRejection(`${channel}: refused a request from a foreign sender`);
      }
      try {
        return await dispatch(handlers, channel, payload);
      } catch (err) {
        if (err instanceof IpcRejection) onRejected?.(channel, err.message);
        throw err;
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
