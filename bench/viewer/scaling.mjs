// bench/viewer/scaling.mjs DISC_100 DISC_1500 DISC_10000 SIZE — the browser half of
// bench/viewer/scaling.sh: start-up of discs of 100, 1,500 and 10,000 images in headless
// Chromium (ready and first image, medians of 5 cold starts), with the viewer's own start-up
// steps, as ratios to the 100-image disc; then paging on the 100-image series and on a
// 2,500-slice one (100 frames spread over each) and the wasm memory after paging all 2,500.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "../../tests/browser/browser.mjs";

const [disc100, disc1500, disc10000, size] = process.argv.slice(2);
const runs = Number(process.env.SSMIX_BENCH_RUNS || 5);

// Opens the first series the moment the viewer says ready, as a physician clicking at once would.
function openFirstSeriesWhenReady() {
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.ssmixState !== "ready") return;
    observer.disconnect();
    window.ssmixReadyState = window.ssmixViewer.state();
    window.ssmixReadyState.imageIndexEntriesRead = window.ssmixViewer.imageIndexEntriesRead();
    const series = window.ssmixReadyState.studies[0].series[0];
    window.ssmixViewer.open(series.id).then(() => { window.ssmixFirstImageAt = performance.now(); });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ssmix-state"] });
}

async function startUp(tree, eager) {
  const session = await openPage("chromium", pathToFileURL(join(tree, "INDEX.HTM")).href,
    { onNewDocument: eager ? `window.ssmixEagerIndex = true; (${openFirstSeriesWhenReady})();` : openFirstSeriesWhenReady });
  try {
    const ready = await waitForViewer(session.page, 120000);
    if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
    await session.page.waitForFunction(() => window.ssmixFirstImageAt !== undefined, { timeout: 60000, polling: 50 });
    return await session.page.evaluate(() => ({
      ...window.ssmixViewer.times(), firstImage: window.ssmixFirstImageAt,
      images: window.ssmixReadyState.studies.flatMap((s) => s.series).reduce((n, s) => n + s.frames, 0),
      indexEntriesRead: window.ssmixReadyState.imageIndexEntriesRead,
    }));
  } finally {
    await session.close();
  }
}

// `count` frames spread evenly over the series, each decoded and drawn before the next.
async function paging(tree, seriesIndex, count) {
  const session = await openPage("chromium", pathToFileURL(join(tree, "INDEX.HTM")).href);
  try {
    await waitForViewer(session.page, 120000);
    return await session.page.evaluate(async ([index, n]) => {
      const series = window.ssmixViewer.state().studies[0].series[index];
      await window.ssmixViewer.open(series.id);
      const t0 = performance.now();
      for (let i = 1; i <= n; i++) {
        const view = await window.ssmixViewer.setFrame(Math.floor((i * (series.frames - 1)) / n));
        if (view.status !== "shown") throw new Error("frame " + i + ": " + view.status + " " + view.error);
      }
      const rate = n / ((performance.now() - t0) / 1000);
      for (let f = 0; f < series.frames; f += 1) await window.ssmixViewer.setFrame(f);   // the whole series, for memory
      return { rate, frames: series.frames, wasmMiB: HEAP8.length / 1048576 };
    }, [seriesIndex, count]);
  } finally {
    await session.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const discs = [["100", disc100], ["1,500", disc1500], ["10,000", disc10000]];
// Each disc twice: as the viewer starts now, and with every image of the index read at start
// (window.ssmixEagerIndex, the viewer before series were read lazily) as the baseline.
async function measure(eager) {
  const results = [];
  for (const [label, tree] of discs) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await startUp(tree, eager));
    const step = (name) => median(times.map((t) => t[name]));
    const between = (a, b) => median(times.map((t) => t[b] - t[a]));
    results.push({ label, images: times[0].images, entries: times[0].indexEntriesRead, ready: step("ready"), firstImage: step("firstImage"),
                   started: between("runtime", "main"), firstFrame: between("fonts", "firstFrame"), toReady: between("firstFrame", "ready") });
  }
  return results;
}
console.log(`Viewer start-up by image count: headless Chromium, file://, ${size} x ${size} CT slices (small, so the discs are made fast; ` +
  `start-up reads no pixels but the first image's), medians of ${runs} cold starts; ratios to the 100-image disc`);
let results;
for (const eager of [true, false]) {
  results = await measure(eager);
  const base = results[0];
  console.log(eager ? "baseline: every image of the index read at start (the viewer before this change)" : "now: series read when first needed");
  for (const r of results) {
    console.log(`  ${r.label.padStart(6)} images (${r.images} listed, ${r.entries} index entries read at ready): ` +
      `ready ${(r.ready / 1000).toFixed(2)} s (${(r.ready / base.ready).toFixed(2)}x), first image ${(r.firstImage / 1000).toFixed(2)} s ` +
      `(${(r.firstImage / base.firstImage).toFixed(2)}x); viewer started (manifest, catalogue) ${r.started.toFixed(0)} ms, ` +
      `fonts to first frame ${r.firstFrame.toFixed(0)} ms, first frame to ready ${r.toReady.toFixed(0)} ms`);
  }
}
const small = await paging(disc100, 0, 100);
const large = await paging(disc10000, 0, 100);
console.log(`paging (100 frames spread over the series): ${small.frames}-slice series ${small.rate.toFixed(1)} frames/s, ` +
  `${large.frames}-slice series ${large.rate.toFixed(1)} frames/s (${(large.rate / small.rate).toFixed(2)}x); ` +
  `wasm memory after paging every slice: ${small.wasmMiB.toFixed(0)} MiB and ${large.wasmMiB.toFixed(0)} MiB`);
const base = results[0], worst = results[2];
console.log(`goal: 10,000 images ready within 1.2x of 100 and <= 1.2 s: ${(worst.ready / base.ready).toFixed(2)}x, ${(worst.ready / 1000).toFixed(2)} s ` +
  `-> ${worst.ready / base.ready <= 1.2 && worst.ready <= 1200 ? "met" : "not met"}`);
