// Loads nexmo-client for plain Node / Electron main: XMLHttpRequest polyfill and the delivery-receipt guard.
import { createRequire } from 'node:module';
import type { SdkClientConstructor } from './sdkTypes.js';

const require = createRequire(import.meta.url);

interface ReceiptPrototype {
  delivered: (this: unknown, ...args: unknown[]) => Promise<unknown>;
  __servicebellGuarded?: true;
}

let receiptFailureHandler: (err: unknown) => void = () => {};

/** Where swallowed receipt failures are reported (the source logs them). */
export function onReceiptFailure(handler: (err: unknown) => void): void {
  receiptFailureHandler = handler;
}

function installXhrPolyfill(): void {
  // The SDK makes every REST call with a global XMLHttpRequest; Node and Electron main have none.
  if (typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'undefined') {
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = require('xhr2') as unknown;
  }
}

/**
 * The SDK fires `delivered()` receipts for text/message/image events without awaiting them; a failed receipt
 * (read-only token, or `me === null`) is an unhandled rejection that kills Node. Mark only those promises handled;
 * a process-wide `unhandledRejection` hook would also hide the project's own bugs.
 */
function guardDeliveryReceipts(sdkRequire: NodeJS.Require): void {
  const mod = sdkRequire('./events/nxmEvent.js') as { default?: { prototype: ReceiptPrototype }; prototype?: ReceiptPrototype };
  const proto = (mod.default ?? mod).prototype;
  if (!proto || proto.__servicebellGuarded) return;
  const original = proto.delivered;
  proto.delivered = function guardedDelivered(this: unknown, ...args: unknown[]) {
    const pending = original.apply(this, args);
    pending.catch((err: unknown) => receiptFailureHandler(err));
    return pending;
  };
  proto.__servicebellGuarded = true;
}

let loaded: SdkClientConstructor | undefined;

export function loadNexmoClient(): SdkClientConstructor {
  if (loaded) return loaded;
  installXhrPolyfill();
  const entry = require.resolve('nexmo-client');
  const sdkRequire = createRequire(entry);
  loaded = sdkRequire('./sdk.js') as SdkClientConstructor;
  guardDeliveryReceipts(sdkRequire);
  return loaded;
}
