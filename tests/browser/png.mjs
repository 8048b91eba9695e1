// tests/browser/png.mjs — decodes the 8-bit RGB/RGBA PNG screenshots browsers produce (zlib
// from Node), so a test can look at the pixels of what the physician would see.
import { inflateSync } from "node:zlib";

export function decodePng(buffer) {
  const signature = "89504e470d0a1a0a";
  if (buffer.subarray(0, 8).toString("hex") !== signature) throw new Error("not a PNG");
  let width = 0, height = 0, colorType = 0;
  const data = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString("ascii", at + 4, at + 8);
    const body = buffer.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit, non-interlaced PNG");
      colorType = body[9];
    } else if (type === "IDAT") {
      data.push(body);
    }
    at += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (!channels) throw new Error("unsupported PNG colour type " + colorType);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = value & 255;
    }
  }
  return { width, height, channels, pixels };
}

// Reads a binary PGM (P5) as written by dcmj2pnm / dcml2pnm.
export function decodePgm(buffer) {
  const header = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buffer[at]))) at++;
    if (buffer[at] === 0x23) { while (buffer[at] !== 0x0a) at++; continue; }
    let token = "";
    while (!/\s/.test(String.fromCharCode(buffer[at]))) token += String.fromCharCode(buffer[at++]);
    header.push(token);
  }
  if (header[0] !== "P5" || header[3] !== "255") throw new Error("not an 8-bit binary PGM");
  at++;   // the single whitespace after maxval
  return { width: Number(header[1]), height: Number(header[2]), channels: 1, pixels: buffer.subarray(at) };
}
