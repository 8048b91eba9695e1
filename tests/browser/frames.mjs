// tests/browser/frames.mjs — the viewer's rendered frame against native DCMTK's rendering of
// the same frame with the same window (dcmj2pnm, or dcml2pnm for JPEG-LS), or against the
// independent oracle of reference_frames.py (pydicom and GDCM).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodePgm, decodePng } from "./png.mjs";

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

// What reached the screen against frame(): the page's screenshot (after WebGL and the
// compositor) inside the image's rectangle, compared with frame() scaled to that rectangle
// (nearest or bilinear, whichever is closer: the texture's filter is the viewer's choice). Pixels
// under drawn text (the corner lines, orientation letters) are left out; the scale bar (a line
// of about 80 pixels) may cover up to 0.05% of the rest, while a neighbouring CT slice shown
// instead differs in about 1.5%. Empty when the screen shows the frame.
export async function screenDifferences(page, what, tolerance = 12) {
  const view = (await page.evaluate(() => window.ssmixViewer.state())).view;
  const frame = await page.evaluate(() => window.ssmixViewer.frame());
  const runs = await page.evaluate(() => window.ssmixViewer.drawnText());
  const shot = decodePng(await page.screenshot({ type: "png" }));
  const rect = view.drawn && view.drawn.imageRect;
  if (!rect || !frame.width || rect.width < 16 || rect.height < 16) return [`${what}: no image on screen (${JSON.stringify(rect)})`];
  const pixels = Buffer.from(frame.data, "base64");
  const sample = (fx, fy, c) => pixels[(fy * frame.width + fx) * frame.channels + Math.min(c, frame.channels - 1)];
  const underText = (x, y) => runs.some((r) => x >= r.x - 2 && x <= r.x + r.width + 2 && y >= r.y - 2 && y <= r.y + r.height + 2);
  let compared = 0, differing = 0, worst = 0;
  const x0 = Math.max(0, Math.ceil(rect.x) + 1), x1 = Math.min(shot.width, Math.floor(rect.x + rect.width) - 1);
  const y0 = Math.max(0, Math.ceil(rect.y) + 1), y1 = Math.min(shot.height, Math.floor(rect.y + rect.height) - 1);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (underText(x, y)) continue;
      const u = (x + 0.5 - rect.x) / rect.width * frame.width - 0.5, v = (y + 0.5 - rect.y) / rect.height * frame.height - 0.5;
      const ua = Math.max(0, Math.min(frame.width - 1, Math.floor(u))), va = Math.max(0, Math.min(frame.height - 1, Math.floor(v)));
      const ub = Math.min(frame.width - 1, ua + 1), vb = Math.min(frame.height - 1, va + 1);
      const fu = Math.max(0, Math.min(1, u - ua)), fv = Math.max(0, Math.min(1, v - va));
      const nu = fu < 0.5 ? ua : ub, nv = fv < 0.5 ? va : vb;
      let pixelWorst = 0;
      for (let c = 0; c < 3; c++) {
        const nearest = sample(nu, nv, c);
        const bilinear = (sample(ua, va, c) * (1 - fu) + sample(ub, va, c) * fu) * (1 - fv) + (sample(ua, vb, c) * (1 - fu) + sample(ub, vb, c) * fu) * fv;
        const onScreen = shot.pixels[(y * shot.width + x) * shot.channels + c];
        pixelWorst = Math.max(pixelWorst, Math.min(Math.abs(onScreen - nearest), Math.abs(onScreen - bilinear)));
      }
      compared++;
      if (pixelWorst > tolerance) differing++;
      worst = Math.max(worst, pixelWorst);
    }
  }
  if (compared < rect.width * rect.height / 4) return [`${what}: only ${compared} pixels of the image rectangle could be compared`];
  return differing > compared / 2000 ? [`${what}: ${differing} of ${compared} screen pixels differ from frame() by more than ${tolerance} (worst ${worst})`] : [];
}
