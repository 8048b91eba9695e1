// bench/viewer/measure.mjs DISC SLICES NATIVE_SECONDS NATIVE_COUNT VIEWER_BYTES DWV_PAGE DWV_VERSION PATIENT_DISC J2K_DISC
// — the browser half of bench/viewer/run.sh (headless Chromium through tests/browser/browser.mjs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "../../tests/browser/browser.mjs";

const [disc, slices, nativeSeconds, nativeCount, viewerBytes, dwvPage, dwvVersion, patientDisc, j2kDisc] = process.argv.slice(2);

function dicomFiles(folder) {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? dicomFiles(path) : [path];
  });
}

// DWV on the same files in the same browser: parse, build the image and its view, and window it
// into RGBA (the file's own window), per slice; the bytes are handed over first, untimed.
// The DWV page, with a helper that turns the base64 handed over into bytes (untimed).
async function openDwvPage(page) {
  await page.goto(pathToFileURL(dwvPage).href, { waitUntil: "load" });
  await page.evaluate(() => {
    window.bytesOf = (base64) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    };
  });
}

async function dwvDecodeMs(page, files) {
  await openDwvPage(page);
  let total = 0;
  for (const file of files) {
    total += await page.evaluate((base64) => {
      const bytes = window.bytesOf(base64);
      const t0 = performance.now();
      const parser = new dwv.DicomParser();
      parser.parse(bytes.buffer);
      const image = dwv.createImage(parser.getDicomElements());
      const view = dwv.createView(parser.getDicomElements(), image);
      const size = image.getGeometry().getSize();
      view.generateImageData(new ImageData(size.get(0), size.get(1)));
      return performance.now() - t0;
    }, readFileSync(file).toString("base64"));
  }
  return total / files.length;
}
// DWV's JPEG 2000 path on the same files: its parser, then its decoder worker (pdf.js's
// JpxImage) on the pixel data's fragment, per slice, until the decoded pixels are back.
async function dwvJ2kDecodeMs(page, files) {
  await openDwvPage(page);
  const worker = readFileSync(join(dirname(dwvPage), "jpeg2000.worker.min.js"), "utf8");
  await page.evaluate((source) => {
    window.dwvJ2k = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  }, worker);
  let total = 0;
  for (const file of files) {
    total += await page.evaluate((base64) => new Promise((resolve, reject) => {
      const bytes = window.bytesOf(base64);
      const t0 = performance.now();
      const parser = new dwv.DicomParser();
      parser.parse(bytes.buffer);
      const elements = parser.getDicomElements();
      const fragments = elements["7FE00010"].value;
      const signed = Number(elements["00280103"].value[0]) === 1;
      window.dwvJ2k.onmessage = (event) => (event.data[0] && event.data[0].length ? resolve(performance.now() - t0) : reject(new Error("DWV decoded nothing")));
      window.dwvJ2k.onerror = (event) => reject(new Error(event.message));
      window.dwvJ2k.postMessage({ buffer: fragments[fragments.length - 1], meta: { bitsAllocated: 16, isSigned: signed } });
    }), readFileSync(file).toString("base64"));
  }
  return total / files.length;
}

// Every slice in order, each decoded and drawn before the next: slices per second, and the
// viewer's own cost per slice (reading it from the bundle, decoding it) apart from the frame.
async function pageThrough(page, frames) {
  return page.evaluate(async (count) => {
    const t0 = performance.now();
    let read = 0, decode = 0;
    for (let i = 1; i < count; i++) {
      const view = await window.ssmixViewer.setFrame(i);
      if (view.status !== "shown") throw new Error("slice " + i + ": " + view.status + " " + view.error);
      read += view.readMs;
      decode += view.decodeMs;
    }
    return { rate: (count - 1) / ((performance.now() - t0) / 1000), readMs: read / (count - 1), decodeMs: decode / (count - 1) };
  }, frames);
}

// The JPEG 2000 disc: the viewer paging it, then DWV decoding the same files.
async function j2kComparison() {
  const s = await openPage("chromium", pathToFileURL(join(j2kDisc, "INDEX.HTM")).href);
  try {
    const ready = await waitForViewer(s.page, 120000);
    if (ready.state !== "ready") throw new Error("viewer (JPEG 2000 disc): " + ready.state + " " + ready.error);
    const series = (await s.page.evaluate(() => window.ssmixViewer.state())).studies[0].series[0];
    const shown = await s.page.evaluate((id) => window.ssmixViewer.open(id), series.id);
    const ours = await pageThrough(s.page, series.frames);
    const dwvMs = await dwvJ2kDecodeMs(s.page, dicomFiles(join(j2kDisc, "DICOM")).filter((_, i) => i % 5 === 0));
    return { ...ours, dwvMs, syntax: shown.transferSyntax };
  } finally {
    await s.close();
  }
}

// Opens the first series the moment the viewer says ready, as a physician clicking at once
// would, so the harness's own round trips are not counted.
function openFirstSeriesWhenReady() {
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.ssmixState !== "ready") return;
    observer.disconnect();
    const series = window.ssmixViewer.state().studies[0].series[0];
    window.ssmixViewer.open(series.id).then(() => { window.ssmixFirstImageAt = performance.now(); });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ssmix-state"] });
}

// One cold start: a new browser opens INDEX.HTM; times in the page's own clock, from the
// navigation (the browser's own start is not counted).
async function startUp(tree) {
  const session = await openPage("chromium", pathToFileURL(join(tree, "INDEX.HTM")).href, { onNewDocument: openFirstSeriesWhenReady });
  try {
    const ready = await waitForViewer(session.page, 120000);
    if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
    await session.page.waitForFunction(() => window.ssmixFirstImageAt !== undefined, { timeout: 60000, polling: 50 });
    return await session.page.evaluate(() => ({ ...window.ssmixViewer.times(), firstImage: window.ssmixFirstImageAt }));
  } finally {
    await session.close();
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const startUps = [], patientStartUps = [];
for (let i = 0; i < 5; i++) startUps.push(await startUp(disc));
for (let i = 0; i < 5; i++) patientStartUps.push(await startUp(patientDisc));
const startStep = (step, runs = startUps) => median(runs.map((t) => t[step]));
const spread = (step, runs = startUps) => `median of ${runs.length}; ${(Math.min(...runs.map((t) => t[step])) / 1000).toFixed(2)}-` +
  `${(Math.max(...runs.map((t) => t[step])) / 1000).toFixed(2)} s`;

const j2k = await j2kComparison();   // one browser at a time: each measures alone
const session = await openPage("chromium", pathToFileURL(join(disc, "INDEX.HTM")).href);
const { page } = session;
try {
  const ready = await waitForViewer(page, 120000);
  if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
  const state = await page.evaluate(() => window.ssmixViewer.state());
  const series = state.studies[0].series[0];
  await page.evaluate((id) => window.ssmixViewer.open(id), series.id);
  const { rate: viewerRate, readMs, decodeMs } = await pageThrough(page, series.frames);
  // How many frames this browser draws per second with the image shown and nothing to do: the
  // ceiling for paging here (headless Chromium draws WebGL in software, SwiftShader).
  const idleFps = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const t0 = performance.now();
    (function tick() {
      n++;
      if (performance.now() - t0 < 2000) requestAnimationFrame(tick);
      else resolve(n / ((performance.now() - t0) / 1000));
    })();
  }));
  const memory = await page.evaluate(() => ({
    js: performance.memory ? performance.memory.usedJSHeapSize : 0,
    wasm: typeof HEAP8 !== "undefined" ? HEAP8.length : 0,
  }));
  const frame = await page.evaluate(() => window.ssmixViewer.frame());
  const dwvMs = await dwvDecodeMs(page, dicomFiles(join(disc, "DICOM")));
  const sliceBytes = frame.width * frame.height * 2;   // 16-bit CT pixels, decoded
  const nativeRate = Number(nativeCount) / Number(nativeSeconds);
  console.log(`Viewer benchmark: ${slices} CT slices of ${frame.width} x ${frame.height}, headless Chromium, file://`);
  console.log(`VIEWER.JS                              ${(Number(viewerBytes) / 1048576).toFixed(1)} MiB`);
  const ms = (a, b) => (median(startUps.map((t) => t[b] - t[a])) / 1000).toFixed(2);   // median of each step
  console.log(`opening INDEX.HTM to the viewer ready  ${(startStep("ready") / 1000).toFixed(2)} s   (target first screen <= 1 s; ${spread("ready")})`);
  console.log(`  of which: VIEWER.JS read and parsed ${(startStep("script") / 1000).toFixed(2)} s, wasm compiled ${ms("script", "compiled")} s, ` +
    `runtime ${ms("compiled", "runtime")} s, viewer started ${ms("runtime", "main")} s (manifest, catalogue), ` +
    `fonts ${ms("main", "fonts")} s, first frame ${ms("fonts", "firstFrame")} s`);
  console.log(`to the first image                     ${(startStep("firstImage") / 1000).toFixed(2)} s   (target <= 1.5 s; opened at ready; ${spread("firstImage")})`);
  console.log(`the sample patient's disc (letters, record, 3 studies): ready ${(startStep("ready", patientStartUps) / 1000).toFixed(2)} s ` +
    `(${spread("ready", patientStartUps)}; first frame ${(startStep("firstFrame", patientStartUps) / 1000).toFixed(2)} s), ` +
    `first image ${(startStep("firstImage", patientStartUps) / 1000).toFixed(2)} s (${spread("firstImage", patientStartUps)})`);
  console.log(`paging the series (decode + draw)      ${viewerRate.toFixed(1)} slices/s   (target >= 30)`);
  console.log(`  of which per slice: read ${readMs.toFixed(1)} ms + decode ${decodeMs.toFixed(1)} ms = ` +
    `${(1000 / (readMs + decodeMs)).toFixed(0)} slices/s of decoding; frames drawn per second when idle ${idleFps.toFixed(1)}`);
  console.log(`DWV ${dwvVersion} on the same slices, same browser  ${dwvMs.toFixed(1)} ms per slice (parse, image, window to RGBA); ` +
    `ours ${decodeMs.toFixed(1)} ms (parse, render, texture) -> ${(dwvMs / decodeMs).toFixed(1)}x faster than DWV ` +
    `(${(dwvMs / (readMs + decodeMs)).toFixed(1)}x with our read from the bundle)`);
  console.log(`JPEG 2000 lossless (GDCM-encoded, kept on the DVD, ${j2k.syntax}): paging ${j2k.rate.toFixed(1)} slices/s (target >= 20); ` +
    `per slice read ${j2k.readMs.toFixed(1)} ms + decode ${j2k.decodeMs.toFixed(1)} ms; DWV ${dwvVersion}'s JPEG 2000 decoder ` +
    `${j2k.dwvMs.toFixed(1)} ms a slice (parse + worker) -> ours ${(j2k.dwvMs / j2k.decodeMs).toFixed(1)}x faster ` +
    `(${(j2k.dwvMs / (j2k.readMs + j2k.decodeMs)).toFixed(1)}x with our read)`);
  console.log(`native dcmj2pnm, one process a slice   ${nativeRate.toFixed(1)} slices/s   ratio viewer/native ${(viewerRate / nativeRate).toFixed(2)}x`);
  console.log(`memory after paging                    JS heap ${(memory.js / 1048576).toFixed(0)} MiB, wasm ${(memory.wasm / 1048576).toFixed(0)} MiB; ` +
    `the series' decoded pixels ${((sliceBytes * series.frames) / 1048576).toFixed(0)} MiB`);
} finally {
  await session.close();
}
