// tests/browser/lazy_index.test.mjs — the image index is read series by series (issue 18,
// item 4): a disc of three 20-slice CT series (made here by ssmix-sample-dicom and ssmix pack)
// is listed at start from one index entry per series, with every series' count; a series'
// other entries are handed to the viewer only when it is opened (or its thumbnail made), once,
// and its frames are then all there, each its own file, in the series' own folder.
// usage: node lazy_index.test.mjs --tree DIR --artifacts DIR --ssmix BIN --generator BIN [--browser chromium]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, stateWhen, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, check } = run;
const SERIES = 3, SLICES = 20;

const work = mkdtempSync(join(tmpdir(), "ssmix-lazy-index-"));
execFileSync(run.args.generator, ["--thin-ct", String(SERIES * SLICES), join(work, "dicom"), "64", String(SLICES)], { stdio: "ignore" });
rmSync(tree, { recursive: true, force: true });
execFileSync(run.args.ssmix, ["pack", "--dicom", join(work, "dicom"), "--media", "dvd", "--tree", tree], { stdio: "ignore" });
rmSync(work, { recursive: true, force: true });

// What the viewer had been given when it said ready (before any thumbnail is made).
function recordAtReady() {
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.ssmixState !== "ready") return;
    observer.disconnect();
    window.atReady = { state: window.ssmixViewer.state(), entries: window.ssmixViewer.imageIndexEntriesRead() };
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ssmix-state"] });
}

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href, { onNewDocument: recordAtReady });
const { page } = session;
try {
  const ready = await waitForViewer(page, 120000);
  check(ready.state === "ready", `viewer: ${ready.state} ${ready.error || ""}`);
  const atReady = await page.evaluate(() => window.atReady);
  const series = atReady.state.studies.flatMap((s) => s.series);
  check(series.length === SERIES && series.every((s) => s.frames === SLICES),
    `at ready: ${series.length} series listed with ${series.map((s) => s.frames)} frames (expected ${SERIES} of ${SLICES})`);
  check(atReady.entries === SERIES,
    `at ready the viewer was given ${atReady.entries} image index entries; expected ${SERIES}, one a series (the rest when a series is opened)`);

  const opened = series[1];
  await page.evaluate((id) => window.ssmixViewer.open(id), opened.id);
  const files = [];
  for (let frame = 0; frame < SLICES; frame++) {
    const view = await page.evaluate((n) => window.ssmixViewer.setFrame(n), frame);
    check(view.status === "shown", `series 2, frame ${frame}: ${view.status} ${view.error || ""}`);
    files.push(view.file);
  }
  const folders = new Set(files.map((f) => f.split("/").slice(0, -1).join("/")));
  check(new Set(files).size === SLICES && folders.size === 1, `series 2's frames are not ${SLICES} files of one folder: ${files.join(", ")}`);

  // Every thumbnail made: each series' entries were given once (one at start, the rest later).
  const done = await stateWhen(page, (state) => state.studies.flatMap((s) => s.series).every((s) => s.thumbnail === "shown"));
  check(done.met, "not every thumbnail was made");
  const entries = await page.evaluate(() => window.ssmixViewer.imageIndexEntriesRead());
  check(entries === SERIES + SERIES * SLICES, `after every series was read, ${entries} entries were given (expected ${SERIES + SERIES * SLICES}: each series once)`);
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("lazy image index");
