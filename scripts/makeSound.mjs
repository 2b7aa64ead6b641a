#!/usr/bin/env node
// Synthesises the bell Servicebell rings for a support request (assets/sounds/servicebell-bell.wav): a struck desk
// bell as three decaying inharmonic partials, 16-bit mono PCM at 22,050 Hz, 0.8 s. Pure arithmetic, no randomness,
// so the file is reproducible from this script alone (test/packaging/sound.test.ts checks the committed bytes).
// Usage: node scripts/makeSound.mjs [output.wav]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RATE = 22_050;
const SECONDS = 0.8;
const FUNDAMENTAL = 1318.5; // E6, where a desk bell sits
/** [ratio to the fundamental, amplitude, decay per second]: a bell's partials are not whole multiples. */
const PARTIALS = [
  [1, 1, 4.5],
  [2.76, 0.45, 7],
  [5.4, 0.2, 11],
];
const ATTACK_S = 0.004;
const PEAK = 0.7;

export function bellSamples() {
  const count = Math.round(RATE * SECONDS);
  const raw = new Float64Array(count);
  let max = 0;
  for (let i = 0; i < count; i++) {
    const t = i / RATE;
    const attack = Math.min(1, t / ATTACK_S);
    // The last 50 ms fade to silence, so the file never ends on a click.
    const tail = Math.min(1, (SECONDS - t) / 0.05);
    let v = 0;
    for (const [ratio, amplitude, decay] of PARTIALS) v += amplitude * Math.exp(-decay * t) * Math.sin(2 * Math.PI * FUNDAMENTAL * ratio * t);
    raw[i] = v * attack * tail;
    max = Math.max(max, Math.abs(raw[i]));
  }
  const pcm = new Int16Array(count);
  for (let i = 0; i < count; i++) pcm[i] = Math.round((raw[i] / max) * PEAK * 32767);
  return pcm;
}

/** A canonical 44-byte RIFF/WAVE header followed by the samples, little-endian. */
export function wavFile(pcm, rate = RATE) {
  const data = pcm.length * 2;
  const out = Buffer.alloc(44 + data);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + data, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28); // bytes per second
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(data, 40);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i], 44 + i * 2);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('makeSound.mjs')) {
  const target = process.argv[2] ?? 'assets/sounds/servicebell-bell.wav';
  mkdirSync(path.dirname(target), { recursive: true });
  const file = wavFile(bellSamples());
  writeFileSync(target, file);
  process.stdout.write(`${target}: ${file.length} bytes, ${SECONDS} s\n`);
}
