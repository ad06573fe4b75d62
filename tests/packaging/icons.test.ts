// The committed icons (`npm run icons`) are well-formed: PNG sizes and CRCs, the ICO directory and its images,
// the ICNS element table, and tray icons for every connection state. Read with parsers written here, not with
// the generator's own code, so a bug in the writer cannot hide itself.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const icons = path.resolve(__dirname, '..', '..', 'assets', 'icons');
const read = (rel: string): Buffer => readFileSync(path.join(icons, rel));
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Png = { width: number; height: number; colorType: number; rgba: Buffer | null };

/** Walks the chunks (checking each CRC), reads IHDR, and for 8-bit RGBA without filtering returns the pixels. */
function parsePng(buf: Buffer): Png {
  expect(buf.subarray(0, 8).equals(PNG_SIG)).toBe(true);
  let offset = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < buf.length) {
    const len = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + len);
    const crc = buf.readUInt32BE(offset + 8 + len);
    expect(crc32(buf.subarray(offset + 4, offset + 8 + len)) >>> 0, `${type} CRC`).toBe(crc);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    offset += 12 + len;
  }
  expect(ended).toBe(true);
  expect(offset).toBe(buf.length);
  if (!ihdr) throw new Error('no IHDR');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const colorType = ihdr[9]!;
  let rgba: Buffer | null = null;
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  if (colorType === 6 && raw.every((_, i) => i % (width * 4 + 1) !== 0 || raw[i] === 0)) {
    rgba = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y++)
      raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colorType, rgba };
}

describe('application icons', () => {
  it('has the PNG set 16…1024, RGBA, each its stated size and not empty', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = parsePng(read(`png/${size}x${size}.png`));
      expect([png.width, png.height, png.colorType]).toEqual([size, size, 6]);
      const opaque = png.rgba!.filter((_, i) => i % 4 === 3 && png.rgba![i]! > 0).length;
      expect(opaque / (size * size), `${size}px drawn`).toBeGreaterThan(0.5);
    }
  });

  it('icon.ico: a valid directory of 16…256 px images (BMP below 256, PNG at 256)', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    let end = 6 + 16 * count;
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      expect(ico[e + 1] || 256).toBe(size);
      const bytes = ico.readUInt32LE(e + 8);
      const at = ico.readUInt32LE(e + 12);
      expect(at).toBe(end); // images follow each other, no gaps or overlaps
      end = at + bytes;
      const image = ico.subarray(at, at + bytes);
      if (image.subarray(0, 8).equals(PNG_SIG)) {
        const png = parsePng(image);
        expect([png.width, png.height]).toEqual([size, size]);
      } else {
        expect(image.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
        expect([image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([
          size,
          size * 2,
          32,
        ]);
        expect(bytes).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
      sizes.push(size);
    }
    expect(end).toBe(ico.length);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('icon.icns: the element table adds up and each PNG has the size its type says', () => {
    const icns = read('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    const seen: string[] = [];
    let offset = 8;
    while (offset < icns.length) {
      const type = icns.toString('ascii', offset, offset + 4);
      const len = icns.readUInt32BE(offset + 4);
      const png = parsePng(icns.subarray(offset + 8, offset + len));
      expect(png.width, type).toBe(expected[type]);
      expect(png.height).toBe(png.width);
      seen.push(type);
      offset += len;
    }
    expect(offset).toBe(icns.length);
    expect(seen.sort()).toEqual(Object.keys(expected).sort());
  });

  it('tray icons for every connection state: color at 1x/2x, and black-only macOS templates', () => {
    for (const state of ['connected', 'connecting', 'lost', 'disconnected']) {
      for (const [suffix, size] of [
        ['', 16],
        ['@2x', 32],
      ] as const) {
        const color = parsePng(read(`tray/${state}${suffix}.png`));
        expect([color.width, color.height]).toEqual([size, size]);
        const tmpl = parsePng(read(`tray/${state}Template${suffix}.png`));
        expect([tmpl.width, tmpl.height]).toEqual([size, size]);
        const px = tmpl.rgba!;
        for (let i = 0; i < px.length; i += 4)
          if (px[i + 3]! > 0) expect([px[i], px[i + 1], px[i + 2]]).toEqual([0, 0, 0]);
      }
    }
    // The states must look different from each other.
    const a = read('tray/connected.png');
    const b = read('tray/lost.png');
    expect(a.equals(b)).toBe(false);
    expect(existsSync(path.join(icons, 'icon.png'))).toBe(true);
  });
});
