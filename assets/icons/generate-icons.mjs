// Draws the MeshLens icon (a lens over a small mesh of nodes) and writes it as PNG at 1024, 512,
// 256, 128, 64, 32 and 16 px, with no dependencies: pixels are computed from distance functions with
// 4×4 supersampling, then encoded with node:zlib. Run: node assets/icons/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [1024, 512, 256, 128, 64, 32, 16];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
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
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Geometry in a unit square (0..1).
const NODES = [
  [0.3, 0.34], [0.46, 0.27], [0.6, 0.4], [0.36, 0.52], [0.52, 0.56],
];
const EDGES = [[0, 1], [1, 2], [0, 3], [3, 4], [2, 4], [1, 3], [1, 4]];
const LENS = { x: 0.45, y: 0.42, r: 0.25, w: 0.05 };

function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function roundedSquare(px, py, inset, radius) {
  const qx = Math.abs(px - 0.5) - (0.5 - inset - radius);
  const qy = Math.abs(py - 0.5) - (0.5 - inset - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Colour of one sample point, RGBA 0..1, premultiplied-free. */
function sample(px, py) {
  if (roundedSquare(px, py, 0.06, 0.17) > 0) return [0, 0, 0, 0];
  const t = (px + py) / 2; // diagonal gradient: deep teal to indigo
  let c = [0.05 + 0.12 * t, 0.36 - 0.14 * t, 0.45 + 0.12 * t];
  const inLens = Math.hypot(px - LENS.x, py - LENS.y) < LENS.r - LENS.w / 2;
  if (inLens) c = c.map((v) => v * 0.75 + 0.25 * 0.95);
  for (const [a, b] of EDGES) {
    const [ax, ay] = NODES[a], [bx, by] = NODES[b];
    if (segDist(px, py, ax, ay, bx, by) < 0.012) c = inLens ? [0.98, 0.83, 0.4] : [0.7, 0.85, 0.88];
  }
  for (const [nx, ny] of NODES) if (Math.hypot(px - nx, py - ny) < 0.035) c = [1, 0.78, 0.25];
  const ring = Math.abs(Math.hypot(px - LENS.x, py - LENS.y) - LENS.r);
  if (ring < LENS.w / 2) c = [0.97, 0.97, 0.95];
  const hx = LENS.x + LENS.r * 0.72, hy = LENS.y + LENS.r * 0.72;
  if (segDist(px, py, hx + 0.02, hy + 0.02, 0.8, 0.8) < 0.045) c = [0.97, 0.97, 0.95];
  return [...c, 1];
}

export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const [cr, cg, cb, ca] = sample((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (y * size + x) * 4;
      rgba[i] = a ? Math.round((r / a) * 255) : 0;
      rgba[i + 1] = a ? Math.round((g / a) * 255) : 0;
      rgba[i + 2] = a ? Math.round((b / a) * 255) : 0;
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return rgba;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const size of SIZES) {
    const file = join(here, `${size}x${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}
