// bench/viewer/measure.mjs DISC SLICES NATIVE_SECONDS NATIVE_COUNT VIEWER_BYTES — the browser
// half of bench/viewer/run.sh (headless Chromium through tests/browser/browser.mjs).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "../../tests/browser/browser.mjs";

const [disc, slices, nativeSeconds, nativeCount, viewerBytes] = process.argv.slice(2);
const started = Date.now();
const session = await openPage("chromium", pathToFileURL(join(disc, "INDEX.HTM")).href);
const { page } = session;
try {
  const ready = await waitForViewer(page, 120000);
  if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
  const readyMs = Date.now() - started;
  const state = await page.evaluate(() => window.ssmixViewer.state());
  const series = state.studies[0].series[0];
  const openStart = Date.now();
  await page.evaluate((id) => window.ssmixViewer.open(id), series.id);
  const firstImageMs = readyMs + (Date.now() - openStart);
  // Paging through every slice in order, each one decoded and drawn before the next.
  const paging = await page.evaluate(async (frames) => {
    const t0 = performance.now();
    for (let i = 1; i < frames; i++) await window.ssmixViewer.setFrame(i);
    return (performance.now() - t0) / 1000;
  }, series.frames);
  const memory = await page.evaluate(() => ({
    js: performance.memory ? performance.memory.usedJSHeapSize : 0,
    wasm: typeof HEAP8 !== "undefined" ? HEAP8.length : 0,
  }));
  const frame = await page.evaluate(() => window.ssmixViewer.frame());
  const sliceBytes = frame.width * frame.height * 2;   // 16-bit CT pixels, decoded
  const viewerRate = (series.frames - 1) / paging, nativeRate = Number(nativeCount) / Number(nativeSeconds);
  console.log(`Viewer benchmark: ${slices} CT slices of ${frame.width} x ${frame.height}, headless Chromium, file://`);
  console.log(`VIEWER.JS                              ${(Number(viewerBytes) / 1048576).toFixed(1)} MiB`);
  console.log(`opening INDEX.HTM to the viewer ready  ${(readyMs / 1000).toFixed(2)} s   (target first screen <= 1 s)`);
  console.log(`to the first image                     ${(firstImageMs / 1000).toFixed(2)} s   (target <= 1.5 s)`);
  console.log(`paging the series (decode + draw)      ${viewerRate.toFixed(1)} slices/s   (target >= 30)`);
  console.log(`native dcmj2pnm, one process a slice   ${nativeRate.toFixed(1)} slices/s   ratio viewer/native ${(viewerRate / nativeRate).toFixed(2)}x`);
  console.log(`memory after paging                    JS heap ${(memory.js / 1048576).toFixed(0)} MiB, wasm ${(memory.wasm / 1048576).toFixed(0)} MiB; ` +
    `the series' decoded pixels ${((sliceBytes * series.frames) / 1048576).toFixed(0)} MiB`);
} finally {
  await session.close();
}
