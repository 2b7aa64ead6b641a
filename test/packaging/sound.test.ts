import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSoundPath } from '../../main/core/notify/bundledSound.js';
import { REPO } from './packStage.js';

const COMMITTED = path.join(REPO, 'assets/sounds/servicebell-bell.wav');

describe('the bundled bell', () => {
  it('is what scripts/makeSound.mjs makes, byte for byte (deterministic)', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-sound-')), 'bell.wav');
    execFileSync(process.execPath, [path.join(REPO, 'scripts/makeSound.mjs'), out], { cwd: REPO });
    expect(readFileSync(out).equals(readFileSync(COMMITTED))).toBe(true);
  });

  it('is a short 16-bit mono PCM WAV of a few tens of KB', () => {
    const wav = readFileSync(COMMITTED);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect({ format: wav.readUInt16LE(20), channels: wav.readUInt16LE(22), bits: wav.readUInt16LE(34) }).toEqual({ format: 1, channels: 1, bits: 16 });
    const seconds = wav.readUInt32LE(40) / wav.readUInt32LE(28);
    expect(seconds).toBeGreaterThan(0.3);
    expect(seconds).toBeLessThanOrEqual(1);
    expect(wav.length).toBeLessThan(64 * 1024);
  });

  it('is found from the sources, from dist/, and beside app.asar in a package', () => {
    expect(bundledSoundPath()).toBe(COMMITTED);
    expect(existsSync(bundledSoundPath())).toBe(true);
    expect(bundledSoundPath('/opt/Servicebell/resources/app.asar/dist/main/core/notify')).toBe(
      '/opt/Servicebell/resources/app.asar.unpacked/dist/assets/sounds/servicebell-bell.wav',
    );
    expect(bundledSoundPath('/home/me/servicebell/dist/main/core/notify')).toBe('/home/me/servicebell/dist/assets/sounds/servicebell-bell.wav');
  });
});
