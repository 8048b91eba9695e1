// bench/viewer/letter.mjs BIG_DISC SMALL_DISC — the browser half of bench/viewer/letter.sh:
// scrolling a long letter. Each disc is opened in headless Chromium; the letter opens by itself;
// then the wheel is turned one notch every animation frame for 240 frames over the letter
// (WheelEvents dispatched on the canvas, as the browser's own would arrive) and the frames the
// browser drew per second are counted. Baselines in the same run: the browser's own frame rate
// with the viewer idle on the small letter, and scrolling the small letter. Medians of 3.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { openPage, waitForViewer } from "../../tests/browser/browser.mjs";

const [big, small] = process.argv.slice(2);
const runs = Number(process.env.SSMIX_BENCH_RUNS || 3);
const frames = Number(process.env.SSMIX_BENCH_FRAMES || 240);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(tree) {
  const session = await openPage("chromium", pathToFileURL(join(tree, "INDEX.HTM")).href);
  const { page } = session;
  try {
    const ready = await waitForViewer(page, 300000);
    if (ready.state !== "ready") throw new Error("viewer: " + ready.state + " " + ready.error);
    await page.waitForFunction(() => window.ssmixViewer.state().view.panel === "document", { timeout: 60000 });
    const box = await page.evaluate(() => { const r = document.getElementById("canvas").getBoundingClientRect(); return { x: r.x + r.width * 0.65, y: r.y + r.height * 0.6 }; });
    await page.mouse.move(box.x, box.y);
    const times = await page.evaluate((count) => new Promise((resolve) => {
      const canvas = document.getElementById("canvas");
      const count_frames = (scroll, n) => new Promise((done) => {
        let left = n;
        const start = performance.now();
        (function frame() {
          if (scroll) canvas.dispatchEvent(new WheelEvent("wheel", { deltaY: 120, deltaMode: 0, bubbles: true, cancelable: true }));
          if (--left > 0) requestAnimationFrame(frame);
          else done((n - 1) * 1000 / (performance.now() - start));
        })();
      });
      count_frames(false, count).then((idle) => count_frames(true, count).then((scrolling) => resolve({
        idle, scrolling, scrollY: window.ssmixViewer.state().view.letter.scrollY,
      })));
    }), frames);
    return times;
  } finally {
    await session.close();
  }
}

const results = { big: [], small: [] };
for (let i = 0; i < runs; i++) {
  results.small.push(await measure(small));
  results.big.push(await measure(big));
}
const fps = (list, key) => median(list.map((r) => r[key]));
const idle = fps(results.small, "idle");
console.log(`Letter scrolling (${frames} frames, wheel one notch a frame; medians of ${runs})`);
console.log(`  browser frame rate, viewer idle (baseline)   ${idle.toFixed(1)} frames/s`);
console.log(`  small letter scrolling                       ${fps(results.small, "scrolling").toFixed(1)} frames/s  (${(fps(results.small, "scrolling") / idle).toFixed(2)}x the baseline)`);
console.log(`  large letter scrolling                       ${fps(results.big, "scrolling").toFixed(1)} frames/s  (${(fps(results.big, "scrolling") / idle).toFixed(2)}x the baseline)`);
console.log(`  large letter scrolled to y = ${Math.round(median(results.big.map((r) => r.scrollY)))} px`);
