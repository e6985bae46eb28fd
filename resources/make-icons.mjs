// Draws the app and tray icons as PNGs with nothing but node:zlib (no image libraries, no fonts).
// Run from the project root: `node resources/make-icons.mjs`. The PNGs it writes are committed.
//
// The mark: a ring broken by two gaps with an arrowhead at each (the "sync" circle) around a dot.
//   icon.png                         512x512 app icon (white mark on a teal rounded square)
//   tray/tray-<state>[@2x].png       16x16 / 32x32 coloured tray icons (Windows, Linux)
//   tray/tray-<state>Template[@2x].png  black + alpha template images for the macOS menu bar
// with <state> = idle | syncing | error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

// ---------- PNG encoding ----------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- Drawing: layers of shapes in [-1, 1] coordinates, 4x4 supersampled ----------
/** A layer is { inside(x, y) => boolean, color: [r, g, b, a] | 'erase' }; later layers paint over earlier ones. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = ((px + (sx + 0.5) / S) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / S) / size) * 2 - 1;
          let c = null;
          for (const l of layers) if (l.inside(x, y)) c = l.color === 'erase' ? null : typeof l.color === 'function' ? l.color(x, y) : l.color;
          if (c) {
            const al = c[3] / 255;
            r += c[0] * al; g += c[1] * al; b += c[2] * al; a += al;
          }
        }
      }
      const i = (py * size + px) * 4;
      const n = S * S;
      out[i + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
    }
  }
  return out;
}

const deg = (d) => (d * Math.PI) / 180;
/** Angle in degrees, 0 = right, counter-clockwise, 0..360. */
const angleOf = (x, y) => ((Math.atan2(-y, x) * 180) / Math.PI + 360) % 360;
const angDist = (a, b) => Math.abs(((a - b + 540) % 360) - 180);

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}
const polar = (r, aDeg) => [r * Math.cos(deg(aDeg)), -r * Math.sin(deg(aDeg))];

/**
 * The sync mark scaled by `k` (1 = fills the square): a ring with gaps centred on `gapAt` and
 * gapAt + 180, an arrowhead leading into each gap, and optionally a centre dot.
 */
function syncMark(k, { gapAt = 45, dot = true, ring = [0.6, 0.84] } = {}) {
  const [r0, r1] = [ring[0] * k, ring[1] * k];
  const mid = (r0 + r1) / 2;
  const gapHalf = 26;
  const shapes = [];
  shapes.push((x, y) => {
    const r = Math.hypot(x, y);
    if (r < r0 || r > r1) return false;
    const a = angleOf(x, y);
    return angDist(a, gapAt) > gapHalf && angDist(a, gapAt + 180) > gapHalf;
  });
  for (const g of [gapAt, gapAt + 180]) {
    // Ring runs counter-clockwise into the gap: the arrowhead sits at the gap's start and points on.
    const base = g - gapHalf;
    const w = (r1 - r0) * 0.95;
    const A = polar(mid - w, base - 1);
    const B = polar(mid + w, base - 1);
    const C = polar(mid, base + 24);
    shapes.push((x, y) => inTriangle(x, y, A, B, C));
  }
  if (dot) shapes.push((x, y) => Math.hypot(x, y) <= 0.24 * k);
  return (x, y) => shapes.some((s) => s(x, y));
}

function roundedSquare(half, radius) {
  return (x, y) => {
    const qx = Math.abs(x) - (half - radius);
    const qy = Math.abs(y) - (half - radius);
    if (qx <= 0 || qy <= 0) return Math.abs(x) <= half && Math.abs(y) <= half;
    return Math.hypot(qx, qy) <= radius;
  };
}

/** "!" as a bar and a dot, centred, within radius k. */
function exclamation(k) {
  const bar = roundedSquare(1, 0.5);
  return (x, y) => {
    const bx = x / (0.15 * k), by = (y + 0.18 * k) / (0.34 * k);
    if (Math.abs(bx) <= 1 && Math.abs(by) <= 1 && bar(bx, by)) return true;
    return Math.hypot(x, y - 0.42 * k) <= 0.15 * k;
  };
}

const disc = (r) => (x, y) => Math.hypot(x, y) <= r;
const hex = (h, a = 255) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];

const TEAL = hex('#0E7C6B');
const TEAL_DARK = hex('#0A5570');
const BLUE = hex('#2563EB');
const RED = hex('#DC2626');
const WHITE = hex('#FFFFFF');
const BLACK = hex('#000000');

// ---------- The icons ----------
const appIcon = (size) =>
  render(size, [
    {
      inside: roundedSquare(0.92, 0.2),
      // A gentle diagonal gradient from teal to a deeper blue-teal.
      color: (x, y) => {
        const t = (x + y + 2) / 4;
        return TEAL.map((c, i) => (i === 3 ? 255 : Math.round(c + (TEAL_DARK[i] - c) * t)));
      },
    },
    { inside: syncMark(0.62), color: WHITE },
  ]);

// Coloured tray icons: readable on light and dark taskbars thanks to a white halo under the mark.
const halo = (inside, px) => (x, y) => {
  for (const [dx, dy] of [[px, 0], [-px, 0], [0, px], [0, -px], [px, px], [-px, -px], [px, -px], [-px, px]]) if (inside(x + dx, y + dy)) return true;
  return inside(x, y);
};
const trayColoured = {
  idle: (size) => {
    const m = syncMark(1.08, { ring: [0.56, 0.86] });
    return render(size, [{ inside: halo(m, 1.6 / size), color: hex('#FFFFFF', 200) }, { inside: m, color: TEAL }]);
  },
  syncing: (size) => {
    const m = syncMark(1.08, { gapAt: 135, dot: false, ring: [0.56, 0.86] });
    return render(size, [{ inside: halo(m, 1.6 / size), color: hex('#FFFFFF', 200) }, { inside: m, color: BLUE }]);
  },
  error: (size) =>
    render(size, [
      { inside: disc(0.94), color: RED },
      { inside: exclamation(1), color: WHITE },
    ]),
};
// macOS template images: shape only (black + alpha); the menu bar tints them.
const trayTemplate = {
  idle: (size) => render(size, [{ inside: syncMark(1.08, { ring: [0.56, 0.86] }), color: BLACK }]),
  syncing: (size) => render(size, [{ inside: syncMark(1.08, { gapAt: 135, dot: false, ring: [0.56, 0.86] }), color: BLACK }]),
  error: (size) => render(size, [{ inside: disc(0.94), color: BLACK }, { inside: exclamation(1), color: 'erase' }]),
};

function write(rel, size, rgba) {
  const file = join(here, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(size, rgba));
  console.log(`wrote resources/${rel} (${size}x${size})`);
}

write('icon.png', 512, appIcon(512));
for (const state of ['idle', 'syncing', 'error']) {
  write(`tray/tray-${state}.png`, 16, trayColoured[state](16));
  write(`tray/tray-${state}@2x.png`, 32, trayColoured[state](32));
  write(`tray/tray-${state}Template.png`, 16, trayTemplate[state](16));
  write(`tray/tray-${state}Template@2x.png`, 32, trayTemplate[state](32));
}
