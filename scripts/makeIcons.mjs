#!/usr/bin/env node
// Draws every icon Servicebell ships (tray states × panels × unread, macOS templates, the app icon and a multi-size
// .ico) with a tiny supersampling rasterizer and node:zlib, so the artwork is reproducible from this file alone.
// Usage: node scripts/makeIcons.mjs [--preview sheet.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = 'assets';
const STATES = ['connected', 'degraded', 'offline', 'dnd'];
const GLYPH = { light: [0x2b, 0x2b, 0x2e, 255], dark: [0xf2, 0xf2, 0xf4, 255], any: [0xf2, 0xf2, 0xf4, 255] }; // light panel → dark glyph
// The `any` variant (Linux, where no API tells the panel's shade: GNOME's top bar is dark even in light mode, KDE's
// follows the theme): a light glyph inside a dark halo, which reads on a light and on a dark panel.
const HALO = [0x1c, 0x1c, 0x1e, 255];
const DOT = { connected: [0x2f, 0xb3, 0x4f, 255], degraded: [0xf0, 0xa0, 0x1a, 255] };
const RED = [0xe0, 0x2e, 0x24, 255];
const BLACK = [0, 0, 0, 255];

// ---- shapes in unit coordinates (x right, y down) ----
const bodyHalfWidth = (y) => (y < 0.4 ? Math.sqrt(Math.max(0, 0.22 ** 2 - (y - 0.4) ** 2)) : 0.22 + (y - 0.4) ** 2 * 1.6);
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function bell(inset = 0) {
  return (x, y) => {
    const dx = Math.abs(x - 0.5);
    const inBody = y >= 0.18 + inset && y <= 0.7 - inset * 0.5 && dx <= bodyHalfWidth(y) - inset;
    const inRim = y >= 0.66 + inset && y <= 0.76 - inset && dx <= 0.4 - inset;
    const rimCap = circle(0.1 + inset, 0.71, 0.05 - inset)(x, y) || circle(0.9 - inset, 0.71, 0.05 - inset)(x, y);
    if (inset > 0) return inBody || inRim;
    return inBody || inRim || rimCap || circle(0.5, 0.13, 0.06)(x, y) || circle(0.5, 0.83, 0.085)(x, y);
  };
}
const outlineBell = () => {
  const outer = bell();
  const inner = bell(0.085);
  return (x, y) => outer(x, y) && !inner(x, y);
};
/** A band of half-width `w` along the line from (x1,y1) to (x2,y2). */
function band(x1, y1, x2, y2, w) {
  const len = Math.hypot(x2 - x1, y2 - y1);
  return (x, y) => {
    const t = ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / (len * len);
    if (t < 0 || t > 1) return false;
    return Math.abs((x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)) / len <= w;
  };
}
const roundedSquare = (r) => (x, y) => {
  const dx = Math.max(0, Math.abs(x - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(y - 0.5) - (0.5 - r));
  return dx * dx + dy * dy <= r * r;
};

// ---- layers: { shape, color } paints; { shape, clear: true } erases ----
function glyphLayers(state, color) {
  const layers = [{ shape: state === 'offline' ? outlineBell() : bell(), color }];
  if (state === 'dnd') {
    layers.push({ shape: band(0.1, 0.1, 0.9, 0.9, 0.11), clear: true }, { shape: band(0.1, 0.1, 0.9, 0.9, 0.055), color });
  }
  return layers;
}
function dot(cx, cy, r, color) {
  return [{ shape: circle(cx, cy, r + 0.07), clear: true }, { shape: circle(cx, cy, r), color }];
}
/** The shape grown by `r` (sampled in 16 directions), for the halo of the `any` variant. */
function dilate(shape, r) {
  const offsets = Array.from({ length: 16 }, (_, k) => [Math.cos((k * Math.PI) / 8) * r, Math.sin((k * Math.PI) / 8) * r]);
  return (x, y) => shape(x, y) || offsets.some(([dx, dy]) => shape(x + dx, y + dy));
}
function trayLayers(state, panel, unread) {
  const glyph = glyphLayers(state, GLYPH[panel]);
  const halo = glyph.filter((l) => !l.clear).map((l) => ({ shape: dilate(l.shape, 0.09), color: HALO }));
  const layers = panel === 'any' ? [...halo, ...glyph] : glyph;
  if (DOT[state]) layers.push(...dot(0.8, 0.8, 0.17, DOT[state]));
  if (unread) layers.push(...dot(0.8, 0.2, 0.17, RED));
  return layers;
}
function templateLayers(state) {
  const layers = glyphLayers(state, BLACK);
  if (state === 'degraded') layers.push({ shape: circle(0.8, 0.8, 0.22), clear: true }, { shape: circle(0.8, 0.8, 0.13), color: BLACK });
  return layers;
}
function appIconLayers() {
  const scaled = (shape, s) => (x, y) => shape(0.5 + (x - 0.5) / s, 0.5 + (y - 0.5) / s);
  return [
    { shape: roundedSquare(0.2), color: [0x0a, 0x5b, 0xd3, 255] },
    { shape: scaled(bell(), 0.72), color: [255, 255, 255, 255] },
  ];
}

// ---- rasterizer and PNG/ICO encoders ----
function render(size, layers, samples = 4) {
  const px = new Float64Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++)
          for (let sx = 0; sx < samples; sx++) if (layer.shape((pxl + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
        const cover = hits / (samples * samples);
        if (cover === 0) continue;
        if (layer.clear) {
          a *= 1 - cover;
          continue;
        }
        const sa = (layer.color[3] / 255) * cover;
        const na = sa + a * (1 - sa);
        if (na > 0) {
          r = (layer.color[0] * sa + r * a * (1 - sa)) / na;
          g = (layer.color[1] * sa + g * a * (1 - sa)) / na;
          b = (layer.color[2] * sa + b * a * (1 - sa)) / na;
        }
        a = na;
      }
      px.set([r, g, b, a * 255], (py * size + pxl) * 4);
    }
  }
  return Uint8Array.from(px, (v) => Math.round(Math.min(255, Math.max(0, v))));
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

const write = (file, data) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
};
const both = (base, layers) => {
  write(`${base}.png`, png(16, 16, render(16, layers)));
  write(`${base}@2x.png`, png(32, 32, render(32, layers)));
};

for (const state of STATES) {
  for (const panel of ['light', 'dark', 'any']) {
    both(path.join(OUT, 'tray', `tray-${state}-${panel}`), trayLayers(state, panel, false));
    both(path.join(OUT, 'tray', `tray-${state}-unread-${panel}`), trayLayers(state, panel, true));
  }
  both(path.join(OUT, 'tray', `tray-${state}Template`), templateLayers(state));
}
write(path.join(OUT, 'icon.png'), png(512, 512, render(512, appIconLayers(), 2)));
write(path.join(OUT, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: png(size, size, render(size, appIconLayers())) }))));

// A contact sheet at 96 px for looking at the artwork (not shipped).
const previewAt = process.argv.indexOf('--preview');
if (previewAt > 0) {
  const cell = 96;
  const variants = STATES.flatMap((s) => [trayLayers(s, 'light', false), trayLayers(s, 'light', true), trayLayers(s, 'dark', true), trayLayers(s, 'any', true), trayLayers(s, 'any', true), templateLayers(s)]);
  const cols = 6;
  const rows = Math.ceil(variants.length / cols);
  const sheet = new Uint8Array(cols * cell * rows * cell * 4);
  variants.forEach((layers, i) => {
    const bg = i % 6 === 2 || i % 6 === 4 ? [40, 40, 44, 255] : [235, 235, 235, 255];
    const fg = render(cell, layers, 2);
    const img = fg.map((v, k) => (k % 4 === 3 ? 255 : Math.round(v * (fg[k - (k % 4) + 3] / 255) + bg[k % 4] * (1 - fg[k - (k % 4) + 3] / 255))));
    const ox = (i % cols) * cell;
    const oy = Math.floor(i / cols) * cell;
    for (let y = 0; y < cell; y++) sheet.set(img.subarray(y * cell * 4, (y + 1) * cell * 4), ((oy + y) * cols * cell + ox) * 4);
  });
  write(process.argv[previewAt + 1], png(cols * cell, rows * cell, sheet));
}
