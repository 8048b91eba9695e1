// bench/viewer/mpr.mjs DISC SLICES SIZE — the browser half of bench/viewer/mpr.sh: MPR of one CT
// series in headless Chromium from file://. Baseline in the same run: the same series opened and
// paged once through every axial slice with setFrame. Each run is a new browser; the baseline and
// the MPR runs alternate so that a busy machine weighs on both; medians of SSMIX_BENCH_RUNS (3).
// Memory is the wasm linear memory (HEAPU8.length): it grows and never shrinks, so its size
// after is the peak. performance.measureUserAgentSpecificMemory needs a cross-origin-isolated
// page, which a file:// page is not; whether it was there is printed.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "../../tests/browser/browser.mjs";

const [disc, slices, size] = process.argv.slice(2);
const runs = Number(process.env.SSMIX_BENCH_RUNS || 3);
const steps = Number(process.env.SSMIX_BENCH_CROSSHAIR_STEPS || 100);

async function session(body, arg) {
  const s = await openPage("chromium", pathToFileURL(join(disc, "INDEX.HTM")).href);
  try {
    const ready = await waitForViewer(s.page, 120000);
    if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
    return await s.page.evaluate(body, arg);
  } finally {
    if (s.pageErrors.length) console.error(s.pageErrors.join("\n"));
    await s.close();
  }
}

// Baseline: open the series, then setFrame on every slice in turn (each decoded and drawn).
function pageThrough() {
  const heap = () => HEAPU8.length;
  return (async () => {
    const series = window.ssmixViewer.state().studies[0].series[0];
    await window.ssmixViewer.open(series.id);
    const before = heap();
    const t0 = performance.now();
    for (let f = 0; f < series.frames; f++) {
      const view = await window.ssmixViewer.setFrame(f);
      if (view.status !== "shown") throw new Error("frame " + f + ": " + view.status + " " + view.error);
    }
    return { ms: performance.now() - t0, frames: series.frames, heapBefore: before, heapAfter: heap() };
  })();
}

// MPR: time to mpr() resolving (volume built, all three planes drawn) and to the next animation
// frame; then crosshair sweeps across y (coronal plane moves) and x (sagittal plane moves), each
// as setCrosshair steps/s and requestAnimationFrame callbacks/s during the sweep; the idle frame
// rate in the MPR layout as the ceiling.
function mprRun(steps) {
  const heap = () => HEAPU8.length;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  function countFrames() {
    let n = 0, on = true;
    (function tick() { if (on) { n++; requestAnimationFrame(tick); } })();
    return () => { on = false; return n; };
  }
  return (async () => {
    const v = window.ssmixViewer;
    const series = v.state().studies[0].series[0];
    await v.open(series.id);
    const heapBefore = heap();
    const t0 = performance.now();
    const m = await v.mpr(series.id);
    const resolved = performance.now();
    const firstFrame = await nextFrame();
    if (!m.available || m.status !== "ready") throw new Error("mpr: " + m.status + " " + m.reason);
    const ports = v.viewports();
    const drawn = [1, 2].every((i) => ports[i] && ports[i].status === "shown" && m.planes[i].width > 0);
    if (!drawn) throw new Error("coronal/sagittal not drawn: " + JSON.stringify(ports.map((p) => p.status)));
    const heapBuilt = heap();
    const { width, height, depth } = m.volume;
    const [cx, cy, cz] = m.crosshair;
    async function sweep(axis) {
      const stop = countFrames();
      const s0 = performance.now();
      for (let i = 0; i < steps; i++) {
        const p = Math.round((i * ((axis === "y" ? height : width) - 1)) / Math.max(1, steps - 1));
        await (axis === "y" ? v.setCrosshair(cx, p, cz) : v.setCrosshair(p, cy, cz));
      }
      const seconds = (performance.now() - s0) / 1000;
      return { stepsPerS: steps / seconds, framesPerS: stop() / seconds };
    }
    const y = await sweep("y");
    const x = await sweep("x");
    const stop = countFrames();
    const i0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = stop() / ((performance.now() - i0) / 1000);
    return {
      buildMs: resolved - t0, firstFrameMs: firstFrame - t0, volume: m.volume, planes: m.planes,
      heapBefore, heapBuilt, heapAfter: heap(), y, x, idle,
      uasm: typeof performance.measureUserAgentSpecificMemory === "function" && self.crossOriginIsolated,
    };
  })();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const MiB = (bytes) => (bytes / 1048576).toFixed(0) + " MiB";
const base = [], mpr = [];
for (let i = 0; i < runs; i++) {
  base.push(await session(pageThrough));
  mpr.push(await session(mprRun, steps));
}
const m = (key) => median(mpr.map(key));
const pageMs = median(base.map((b) => b.ms));
const build = m((r) => r.buildMs), first = m((r) => r.firstFrameMs);
const vol = mpr[0].volume;
const growth = m((r) => r.heapAfter - r.heapBefore);
const pageRate = base[0].frames / (pageMs / 1000);
console.log(`MPR: ${slices} slices of ${size} x ${size} CT, one series, headless Chromium from file://, medians of ${runs} runs (each a new browser)`);
console.log(`volume ${vol.width} x ${vol.height} x ${vol.depth}, reducedBy ${vol.reducedBy}, depthReducedBy ${vol.depthReducedBy}, ` +
  `${MiB(vol.bytes)}; planes ${mpr[0].planes.map((p) => `${p.plane} ${p.width}x${p.height}`).join(", ")}`);
console.log(`baseline: open + setFrame through all ${base[0].frames} axial slices: ${(pageMs / 1000).toFixed(2)} s ` +
  `(${pageRate.toFixed(1)} slices/s; runs ${base.map((b) => (b.ms / 1000).toFixed(2)).join(", ")} s)`);
console.log(`mpr() to volume built and coronal + sagittal drawn (promise): ${(build / 1000).toFixed(2)} s = ${(build / pageMs).toFixed(2)}x the paging baseline ` +
  `(runs ${mpr.map((r) => (r.buildMs / 1000).toFixed(2)).join(", ")} s)`);
console.log(`mpr() to the next animation frame after it: ${(first / 1000).toFixed(2)} s = ${(first / pageMs).toFixed(2)}x the paging baseline`);
for (const axis of ["y", "x"]) {
  const steps_s = m((r) => r[axis].stepsPerS), frames_s = m((r) => r[axis].framesPerS);
  console.log(`crosshair sweep across ${axis} (${steps} setCrosshair steps, ${axis === "y" ? "coronal" : "sagittal"} plane moves): ` +
    `${steps_s.toFixed(1)} steps/s = ${(steps_s / pageRate).toFixed(2)}x axial paging's slices/s; ` +
    `${frames_s.toFixed(1)} animation frames/s = ${(frames_s / m((r) => r.idle)).toFixed(2)}x idle`);
}
console.log(`idle animation frames/s in the MPR layout (the ceiling): ${m((r) => r.idle).toFixed(1)}`);
console.log(`wasm memory (HEAPU8.length; measureUserAgentSpecificMemory ${mpr[0].uasm ? "available but not used" : "not available: file:// is not cross-origin isolated"}): ` +
  `before mpr() ${MiB(m((r) => r.heapBefore))}, volume built ${MiB(m((r) => r.heapBuilt))}, after the sweeps ${MiB(m((r) => r.heapAfter))}; ` +
  `growth ${MiB(growth)} = ${(growth / vol.bytes).toFixed(2)}x volume.bytes (${MiB(vol.bytes)}, the baseline)`);
console.log(`(paging baseline's wasm memory: ${MiB(median(base.map((b) => b.heapBefore)))} after open, ${MiB(median(base.map((b) => b.heapAfter)))} after all ${base[0].frames} slices)`);
