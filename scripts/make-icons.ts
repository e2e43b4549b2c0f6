/**
 * Renders the favicon set from assets/icons/favicon.svg: PNGs for the web app manifest and
 * home screens, and favicon.ico (one 32 px PNG in an ICO wrapper) for browsers and tools that
 * ask for /favicon.ico. Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the
 * outputs are committed (a few KB), so start-up needs no image work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const svg = fs.readFileSync(path.join(dir, 'favicon.svg'));
const png = (size: number) => sharp(svg, { density: 384 }).resize(size, size).png({ compressionLevel: 9, palette: true }).toBuffer();

for (const [name, size] of [['icon-192.png', 192], ['icon-512.png', 512], ['apple-touch-icon.png', 180]] as const) {
  fs.writeFileSync(path.join(dir, name), await png(size));
}

const small = await png(32);
const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(small.length, 14); // image size
header.writeUInt32LE(22, 18); // image offset
fs.writeFileSync(path.join(dir, 'favicon.ico'), Buffer.concat([header, small]));
