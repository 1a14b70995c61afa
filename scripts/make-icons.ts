/**
 * Draws the Teams app icons into `manifest/`: `color.png` (192×192, white shield with a keyhole on Azure blue) and
 * `outline.png` (32×32, the same shield in white on transparent, as Teams requires). Pure Node: shapes are sampled
 * 4×4 per pixel for anti-aliasing and written as 8-bit RGBA PNGs with zlib. Run `npx tsx scripts/make-icons.ts`;
 * the PNGs are committed, so packaging never needs this script.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgb = [number, number, number];
/** A shape in icon coordinates: x and y run from -1 (left/top) to 1 (right/bottom). */
type Shape = (x: number, y: number) => boolean;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), every row with filter 0. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Fraction of the pixel (px, py) that `shape` covers, from 4×4 samples. */
function coverage(shape: Shape, size: number, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      if (shape(((px + (i + 0.5) / 4) / size) * 2 - 1, ((py + (j + 0.5) / 4) / size) * 2 - 1)) hits++;
  return hits / 16;
}

/** A heater shield: flat sides, a slightly dipped top, curving to a point at the bottom. */
function shield(scale: number): Shape {
  return (x, y) => {
    const [u, v] = [x / scale, y / scale];
    if (v < -0.78 + 0.12 * u * u || v > 0.9) return false;
    const halfWidth = v <= 0.05 ? 0.66 : 0.66 * Math.cos(((v - 0.05) / 0.85) * (Math.PI / 2));
    return Math.abs(u) <= halfWidth;
  };
}

/** A keyhole: a round head over a tapering slot. */
function keyhole(scale: number, dy = 0): Shape {
  return (x, y) => {
    const [u, v] = [x / scale, (y - dy) / scale];
    if (u * u + (v + 0.12) ** 2 <= 0.2 ** 2) return true;
    return v >= -0.05 && v <= 0.42 && Math.abs(u) <= 0.07 + 0.06 * ((v + 0.05) / 0.47);
  };
}

const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);
const union =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) || b(x, y);

function draw(size: number, background: Rgb | undefined, layers: { shape: Shape; color: Rgb }[]): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = background ? [...background, 1] : [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        const c = coverage(shape, size, px, py);
        const outA = c + a * (1 - c);
        if (outA > 0) [r, g, b] = [0, 1, 2].map((k) => (color[k] * c + [r, g, b][k] * a * (1 - c)) / outA);
        a = outA;
      }
      rgba.set([r, g, b, a * 255].map(Math.round), (py * size + px) * 4);
    }
  }
  return encodePng(size, rgba);
}

const AZURE_BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [255, 255, 255];

export function colorIcon(): Buffer {
  return draw(192, AZURE_BLUE, [
    { shape: shield(0.78), color: WHITE },
    { shape: keyhole(0.78, 0.02), color: AZURE_BLUE },
  ]);
}

/** Outline icons must be white on a transparent background: a shield outline with a solid keyhole. */
export function outlineIcon(): Buffer {
  return draw(32, undefined, [{ shape: union(minus(shield(0.92), shield(0.7)), keyhole(0.8, 0.02)), color: WHITE }]);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'manifest');
  fs.writeFileSync(path.join(dir, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  console.log(`Wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}`);
}
