// bench/viewer/paging.mjs SMALL_DISC BIG_DISC SIZE — the browser half of bench/viewer/paging.sh:
// like-for-like paging in headless Chromium from file://. Each disc holds one series of SIZE x
// SIZE slices (100 and 2,500 by default). In each, 100 consecutive slices are paged with
// setFrame (the small series' first 100, the big one's middle 100): positioned on the first
// (not timed), then the 99 steps to the last, each decoded and drawn, as ms per slice. Baseline:
// the small series. Runs alternate small/big, each a new browser; medians of SSMIX_BENCH_RUNS
// (3). In the last run each series is then paged through entirely, for memory: the wasm linear
// memory (HEAPU8.length, which never shrinks, so it is the peak) after, against before (after open).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "../../tests/browser/browser.mjs";

const [smallDisc, bigDisc, size] = process.argv.slice(2);
const runs = Number(process.env.SSMIX_BENCH_RUNS || 3);
const window_ = 100;

async function page(disc, whole) {
  const s = await openPage("chromium", pathToFileURL(join(disc, "INDEX.HTM")).href);
  try {
    const ready = await waitForViewer(s.page, 120000);
    if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
    return await s.page.evaluate(async ([count, whole]) => {
      const v = window.ssmixViewer;
      const series = v.state().studies[0].series[0];
      await v.open(series.id);
      const heapBefore = HEAPU8.length;
      const n = Math.min(count, series.frames);
      const start = Math.floor((series.frames - n) / 2);
      const go = async (f) => {
        const view = await v.setFrame(f);
        if (view.status !== "shown") throw new Error("frame " + f + ": " + view.status + " " + view.error);
      };
      await go(start);
      const t0 = performance.now();
      for (let f = start + 1; f < start + n; f++) await go(f);
      const msPerSlice = (performance.now() - t0) / Math.max(1, n - 1);
      const out = { frames: series.frames, start, n, msPerSlice, heapBefore, heapWindow: HEAPU8.length };
      if (whole) {
        const w0 = performance.now();
        for (let f = 0; f < series.frames; f++) await go(f);
        out.wholeMsPerSlice = (performance.now() - w0) / series.frames;
        out.heapAfter = HEAPU8.length;
      }
      return out;
    }, [window_, whole]);
  } finally {
    if (s.pageErrors.length) console.error(s.pageErrors.join("\n"));
    await s.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const MiB = (bytes) => (bytes / 1048576).toFixed(0) + " MiB";
const small = [], big = [];
for (let i = 0; i < runs; i++) {
  small.push(await page(smallDisc, i === runs - 1));
  big.push(await page(bigDisc, i === runs - 1));
}
const s = median(small.map((r) => r.msPerSlice)), b = median(big.map((r) => r.msPerSlice));
const sl = small[runs - 1], bl = big[runs - 1];
console.log(`Paging like for like: ${size} x ${size} CT slices, one series a disc, headless Chromium from file://, medians of ${runs} runs (each a new browser)`);
console.log(`baseline: ${sl.frames}-slice series, slices ${sl.start + 1}-${sl.start + sl.n}: ${s.toFixed(1)} ms/slice ` +
  `(runs ${small.map((r) => r.msPerSlice.toFixed(1)).join(", ")})`);
console.log(`${bl.frames}-slice series, slices ${bl.start + 1}-${bl.start + bl.n} (its middle): ${b.toFixed(1)} ms/slice ` +
  `(runs ${big.map((r) => r.msPerSlice.toFixed(1)).join(", ")}) = ${(b / s).toFixed(2)}x the ${sl.frames}-slice series`);
console.log(`whole series paged once (last run): ${sl.frames} slices ${sl.wholeMsPerSlice.toFixed(1)} ms/slice, ` +
  `${bl.frames} slices ${bl.wholeMsPerSlice.toFixed(1)} ms/slice (${(bl.wholeMsPerSlice / sl.wholeMsPerSlice).toFixed(2)}x)`);
for (const [r] of [[sl], [bl]]) {
  console.log(`wasm memory (HEAPU8.length), ${r.frames}-slice series: ${MiB(r.heapBefore)} after open, ${MiB(r.heapWindow)} after the ${r.n} paged, ` +
    `${MiB(r.heapAfter)} after all ${r.frames} slices = ${(r.heapAfter / r.heapBefore).toFixed(2)}x before`);
}
