// `npm run icons`: renders assets/icon.svg (and icon-small.svg for 16–32 px) with the system Chromium, then writes
// the PNG set (16…1024), icon.icns (macOS), icon.ico (Windows) and the tray icons, into assets/icons/.
// No native image library: Chromium rasterizes, and the PNG, ICNS and ICO containers are written here.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { provisionChromium } from '../tools/chromium.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const assets = path.join(root, 'assets');
const out = path.join(assets, 'icons');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes at or below this use the simplified glyph (icon-small.svg). */
const SMALL_MAX = 32;
/** ICO: classic uncompressed bitmaps below 256 px (every tool reads them), PNG at 256 (Vista+). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types with PNG payloads (macOS 10.7+): [type, pixel size]. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
];
/** Tray states (connection) and their dot colors on Linux/Windows; macOS gets monochrome template images. */
export const TRAY_STATES = {
  connected: '#26a69a',
  connecting: '#f0b429',
  lost: '#ef5350',
  disconnected: '#8a94a6',
};

// ---- containers ------------------------------------------------------------------------------------------------

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG (RGBA, 8 bits per channel, filter 0) from straight-alpha RGBA pixels. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO image as a 32-bit BMP: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask. */
function icoBitmap(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  const maskStride = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = (row * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
      if (rgba[s + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([header, pixels, mask]);
}

/** ICO: ICONDIR, one ICONDIRENTRY per image, then the images. `images`: [{ size, rgba, png }]. */
export function encodeIco(images) {
  const dir = Buffer.alloc(6);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  const payloads = images.map((img) => (img.size >= 256 ? img.png : icoBitmap(img.size, img.rgba)));
  const entries = [];
  let offset = 6 + 16 * images.length;
  images.forEach((img, i) => {
    const e = Buffer.alloc(16);
    e[0] = img.size >= 256 ? 0 : img.size; // 0 means 256
    e[1] = img.size >= 256 ? 0 : img.size;
    e[2] = 0; // no palette
    e[3] = 0;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(payloads[i].length, 8);
    e.writeUInt32LE(offset, 12);
    offset += payloads[i].length;
    entries.push(e);
  });
  return Buffer.concat([dir, ...entries, ...payloads]);
}

/** ICNS: 'icns' + total length, then [type, length incl. 8-byte header, PNG] per element. */
export function encodeIcns(elements) {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

// ---- rendering -------------------------------------------------------------------------------------------------

/** Renders in the page: an SVG scaled to `size`, optionally with a status dot; returns straight RGBA. */
/* global document, DOMParser, XMLSerializer, Image -- the callback below runs in the page */
async function render(page, job) {
  const bytes = await page.evaluate(async (j) => {
    const canvas = document.createElement('canvas');
    canvas.width = j.size;
    canvas.height = j.size;
    const ctx = canvas.getContext('2d');
    if (j.svg) {
      // Rasterize at the target size (not at the SVG's own size, then scaled: that blurs small icons).
      const doc = new DOMParser().parseFromString(j.svg, 'image/svg+xml');
      doc.documentElement.setAttribute('width', String(j.size));
      doc.documentElement.setAttribute('height', String(j.size));
      const text = new XMLSerializer().serializeToString(doc);
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await img.decode();
      ctx.drawImage(img, 0, 0, j.size, j.size);
    }
    if (j.dot) {
      // A gap ring (cut out of the glyph, or painted in the ring color), then the dot: solid or a ring.
      const r = j.size * 0.22;
      const c = j.size - r - j.size * 0.02;
      ctx.beginPath();
      ctx.arc(c, c, r + Math.max(1, j.size * 0.06), 0, Math.PI * 2);
      if (j.dot.ring === 'clear') ctx.globalCompositeOperation = 'destination-out';
      else ctx.fillStyle = j.dot.ring;
      ctx.fill();
      ctx.globalCompositeOperation = 'source-over';
      ctx.beginPath();
      if (j.dot.hollow) {
        const w = Math.max(1, j.size * 0.09);
        ctx.arc(c, c, r - w / 2, 0, Math.PI * 2);
        ctx.lineWidth = w;
        ctx.strokeStyle = j.dot.fill;
        ctx.stroke();
      } else {
        ctx.arc(c, c, r, 0, Math.PI * 2);
        ctx.fillStyle = j.dot.fill;
        ctx.fill();
      }
    }
    return Array.from(ctx.getImageData(0, 0, j.size, j.size).data);
  }, job);
  return Buffer.from(bytes);
}

/** The macOS menu-bar glyph: three black candles on transparent (a "Template" image; macOS tints it). */
const TEMPLATE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16">
  <g fill="#000">
    <rect x="2.6" y="4" width="0.8" height="9"/><rect x="1.5" y="6" width="3" height="5" rx="0.5"/>
    <rect x="7.6" y="2" width="0.8" height="9"/><rect x="6.5" y="3.5" width="3" height="6" rx="0.5"/>
    <rect x="12.6" y="1" width="0.8" height="7"/><rect x="11.5" y="2" width="3" height="4.5" rx="0.5"/>
  </g>
</svg>`;

async function main() {
  const big = readFileSync(path.join(assets, 'icon.svg'), 'utf8');
  const small = readFileSync(path.join(assets, 'icon-small.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: provisionChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>icons</title>');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(path.join(out, 'png'), { recursive: true });
    mkdirSync(path.join(out, 'tray'), { recursive: true });

    const rendered = new Map();
    for (const size of PNG_SIZES) {
      const rgba = await render(page, { size, svg: size <= SMALL_MAX ? small : big });
      const png = encodePng(size, size, rgba);
      rendered.set(size, { size, rgba, png });
      writeFileSync(path.join(out, 'png', `${size}x${size}.png`), png);
    }
    writeFileSync(path.join(out, 'icon.png'), rendered.get(512).png);
    writeFileSync(path.join(out, 'icon.ico'), encodeIco(ICO_SIZES.map((s) => rendered.get(s))));
    writeFileSync(
      path.join(out, 'icon.icns'),
      encodeIcns(ICNS_TYPES.map(([type, size]) => [type, rendered.get(size).png])),
    );

    for (const [state, color] of Object.entries(TRAY_STATES)) {
      for (const [suffix, size] of [
        ['', 16],
        ['@2x', 32],
      ]) {
        const color16 = await render(page, {
          size,
          svg: small,
          dot: { fill: color, ring: '#0e131b', hollow: false },
        });
        writeFileSync(path.join(out, 'tray', `${state}${suffix}.png`), encodePng(size, size, color16));
        // Template images carry shape only: connected = solid dot, connecting/lost = ring, disconnected = none.
        const mark =
          state === 'disconnected' ? null : { fill: '#000', ring: 'clear', hollow: state !== 'connected' };
        const tmpl = await render(page, { size, svg: TEMPLATE_SVG, dot: mark });
        writeFileSync(path.join(out, 'tray', `${state}Template${suffix}.png`), encodePng(size, size, tmpl));
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    `[icons] wrote ${path.relative(root, out)}: png ${PNG_SIZES.join(', ')}, icon.icns, icon.ico, tray`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
