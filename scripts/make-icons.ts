/**
 * Draws the add-in's icons (a small alignment matrix: a header row, a department column, cells
 * green for passing and red for failing) as PNGs at the sizes the manifest names, so the icons
 * are reproducible from source instead of being opaque binaries.
 *   node -r ./scripts/ts-register.js scripts/make-icons.ts
 */
import { writeFileSync, mkdirSync } from 'fs';
import { deflateSync } from 'zlib';
import { join } from 'path';

type Rgba = [number, number, number, number];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = p[0];
      raw[o + 1] = p[1];
      raw[o + 2] = p[2];
      raw[o + 3] = p[3];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CLEAR: Rgba = [0, 0, 0, 0];
const HEADER: Rgba = [33, 115, 70, 255]; // Excel green
const DEPT: Rgba = [96, 125, 139, 255];
const PASS: Rgba = [129, 199, 132, 255];
const FAIL: Rgba = [229, 57, 53, 255];

/** A 4 × 4 grid: top row objectives, left column departments, one failing cell. */
function matrixIcon(size: number): (x: number, y: number) => Rgba {
  const gap = Math.max(1, Math.round(size / 16));
  const cell = (size - gap * 5) / 4;
  return (x, y) => {
    const cx = Math.floor((x - gap) / (cell + gap));
    const cy = Math.floor((y - gap) / (cell + gap));
    const inX = x - gap - cx * (cell + gap);
    const inY = y - gap - cy * (cell + gap);
    if (cx < 0 || cy < 0 || cx > 3 || cy > 3 || inX >= cell || inY >= cell || inX < 0 || inY < 0) return CLEAR;
    if (cy === 0) return cx === 0 ? CLEAR : HEADER;
    if (cx === 0) return DEPT;
    return cx === 2 && cy === 2 ? FAIL : PASS;
  };
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80, 128]) {
    writeFileSync(join(dir, `icon-${size}.png`), encodePng(size, matrixIcon(size)));
  }
  console.log(`icons written to ${dir}`);
}
