// tests/browser/older_browser.test.mjs — the viewer in a browser without the newer APIs its
// start uses (DecompressionStream, WebAssembly.compileStreaming, Uint8Array.fromBase64: Safari
// before 16.4, Chrome before 80, Firefox before 113, which have WebGL2): they are removed before
// the page's scripts run, and the viewer must still start (web/inflate.js, atob) and show the
// same image, pixel for pixel, as with them.
// usage: node older_browser.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

function withoutNewerApis() {
  delete window.DecompressionStream;
  delete WebAssembly.compileStreaming;
  delete WebAssembly.instantiateStreaming;
  delete Uint8Array.fromBase64;
  window.ssmixNewerApisRemoved = typeof DecompressionStream === "undefined" && !WebAssembly.compileStreaming;
}

// The first series' first frame as the viewer rendered it, and how the page started.
async function firstFrame(options) {
  const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href, options);
  try {
    const ready = await waitForViewer(session.page);
    if (ready.state !== "ready") {
      check(false, `viewer ${ready.state} ${ready.error}`);
      run.finish("older browser");   // exits: nothing more can be checked
    }
    const removed = await session.page.evaluate(() => window.ssmixNewerApisRemoved === true);
    const state = await session.page.evaluate(() => window.ssmixViewer.state());
    const series = state.studies.flatMap((study) => study.series).find((s) => s.modality === "CT") || state.studies[0].series[0];
    const view = await session.page.evaluate((id) => window.ssmixViewer.open(id), series.id);
    check(view.status === "shown", "the image is not shown: " + JSON.stringify(view));
    const frame = await session.page.evaluate(() => window.ssmixViewer.frame());
    run.checkStayedOnDisc(session);
    return { removed, frame, session, screenshot: await session.page.screenshot({ type: "png" }) };
  } finally {
    await session.close();
  }
}

const older = await firstFrame({ onNewDocument: withoutNewerApis });
check(older.removed, "the newer APIs were still there: the test proves nothing");
writeFileSync(join(artifacts, "older-browser.png"), older.screenshot);
const current = await firstFrame({});
check(older.frame.width > 0 && older.frame.width === current.frame.width && older.frame.height === current.frame.height,
  `frame sizes ${older.frame.width}x${older.frame.height} and ${current.frame.width}x${current.frame.height}`);
check(older.frame.data === current.frame.data, "the image differs from the one drawn with the newer APIs");
run.finish("older browser");
