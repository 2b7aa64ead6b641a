import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** @electron/fuses finds the fuse wire by this marker, then reads a version byte, a length byte and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A real Electron 45's fuse wire as shipped ('1' on, '0' off), in FuseV1Options order: RunAsNode, CookieEncryption,
 * NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges.
 */
export const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * An `electronDist` that packs offline: an executable `electron` carrying a fuse wire (so electron-builder's
 * `electronFuses` step really runs against it), an empty `resources/`, and no `default_app.asar`.
 */
export function createStubElectronDist(root: string): string {
  const dist = path.join(root, 'electron-stub');
  mkdirSync(path.join(dist, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stub electron: not runnable" >&2\nexit 1\n# ${FUSE_SENTINEL}`, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(`${ELECTRON_DEFAULT_WIRE}\n`, 'latin1'),
  ]);
  const exe = path.join(dist, 'electron');
  writeFileSync(exe, wire);
  chmodSync(exe, 0o755);
  return dist;
}
