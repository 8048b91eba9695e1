// tests/browser/frames.mjs — the viewer's rendered frame against native DCMTK's rendering of
// the same frame with the same window (dcmj2pnm, or dcml2pnm for JPEG-LS), or against the
// independent oracle of reference_frames.py (pydicom and GDCM).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodePgm } from "./png.mjs";

// Native DCMTK's 8-bit rendering of one frame with a window (or min-max when window is null).
export function nativeFrame(tree, file, frame, transferSyntax, window) {
  const tool = transferSyntax.startsWith("1.2.840.10008.1.2.4.8") ? "dcml2pnm" : "dcmj2pnm";
  const out = join(mkdtempSync(join(tmpdir(), "ssmix-native-")), "frame.pgm");
  const windowArgs = window ? ["+Ww", String(window.center), String(window.width)] : ["+Wm"];
  execFileSync(tool, ["+F", String(frame + 1), ...windowArgs, join(tree, file), out]);
  return decodePgm(readFileSync(out));
}

// What differs between the viewer's frame (state().frame()) and the native one; empty when equal.
export function frameDifferences(viewerFrame, native, what) {
  const problems = [];
  const pixels = Buffer.from(viewerFrame.data, "base64");
  if (viewerFrame.width !== native.width || viewerFrame.height !== native.height)
    problems.push(`${what}: size ${viewerFrame.width}x${viewerFrame.height}, native ${native.width}x${native.height}`);
  if (viewerFrame.channels !== 1) problems.push(`${what}: ${viewerFrame.channels} channels`);
  let differing = 0, sum = 0, nativeSum = 0;
  for (let i = 0; i < native.pixels.length; i++) {
    differing += pixels[i] !== native.pixels[i];
    sum += pixels[i];
    nativeSum += native.pixels[i];
  }
  if (pixels.length !== native.pixels.length || differing !== 0)
    problems.push(`${what}: ${differing} pixels differ from native DCMTK (sum ${sum} vs ${nativeSum})`);
  const distinct = new Set(pixels).size;
  if (distinct <= 8) problems.push(`${what}: only ${distinct} grey levels, the frame looks blank`);
  return problems;
}

// A series' thumbnail as the viewer makes it (viewer-wasm/series_thumbnails.cpp) from a grey
// frame: fit within maxSide, each pixel the rounded mean of the source pixels it covers.
export function shrinkFrame({ width, height, pixels }, maxSide) {
  if (width <= maxSide && height <= maxSide) return { width, height, pixels };
  const scale = maxSide / Math.max(width, height);
  const w = Math.max(1, Math.floor(width * scale)), h = Math.max(1, Math.floor(height * scale));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y * height / h), y1 = Math.floor((y + 1) * height / h);
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x * width / w), x1 = Math.floor((x + 1) * width / w);
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) sum += pixels[sy * width + sx];
      const count = (y1 - y0) * (x1 - x0);
      out[y * w + x] = Math.floor((sum + Math.floor(count / 2)) / count);
    }
  }
  return { width: w, height: h, pixels: out };
}

// The oracle's renderings: requests [{file, frame, window, overlays}] (see reference_frames.py).
export function referenceFrames(requests) {
  const script = join(dirname(fileURLToPath(import.meta.url)), "reference_frames.py");
  return JSON.parse(execFileSync("/usr/bin/python3", [script, "render"], { input: JSON.stringify(requests), maxBuffer: 1 << 28 }).toString());
}

// How far the viewer's frame is from the oracle's: "" when every sample is within `tolerance`.
export function referenceDifferences(viewerFrame, reference, tolerance = 1) {
  if (reference.error) return `the oracle could not render it: ${reference.error}`;
  if (viewerFrame.width !== reference.width || viewerFrame.height !== reference.height || viewerFrame.channels !== reference.channels)
    return `shape ${viewerFrame.width}x${viewerFrame.height}x${viewerFrame.channels}, reference ${reference.width}x${reference.height}x${reference.channels}`;
  const a = Buffer.from(viewerFrame.data, "base64"), b = Buffer.from(reference.data, "base64");
  let worst = 0, over = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    worst = Math.max(worst, d);
    over += d > tolerance;
  }
  return over ? `${over} of ${b.length} samples differ by more than ${tolerance} (up to ${worst})` : "";
}
