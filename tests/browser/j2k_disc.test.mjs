// tests/browser/j2k_disc.test.mjs — a DVD whose images stay JPEG 2000 (tests/integration's
// pack_j2k: the sample CT encoded by GDCM): the viewer decodes them from its own data (the
// bundle), pages through every slice, and each compared frame is what the independent
// decoder (reference_frames.py: GDCM then pydicom) makes of the disc's file. Then HTJ2K slices
// (OpenJPH-encoded, pack_j2k's htj2k/ folder) given as a picked folder: each shown exactly as
// the original uncompressed slice it was made from.
// usage: node j2k_disc.test.mjs --tree DIR --htj2k DIR --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "./browser.mjs";
import { referenceDifferences, referenceFrames } from "./frames.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
try {
  const started = await waitForViewer(session.page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const { page } = session;
  const state = await page.evaluate(() => window.ssmixViewer.state());
  const series = state.studies.flatMap((s) => s.series).find((x) => x.modality === "CT");
  check(series && series.frames === 24, "the JPEG 2000 CT series: " + JSON.stringify(series));
  if (series) {
    await page.evaluate((id) => window.ssmixViewer.open(id), series.id);
    const requests = [], frames = [];
    for (let n = 0; n < series.frames; n++) {
      const view = await page.evaluate((i) => window.ssmixViewer.setFrame(i), n);
      check(view.status === "shown" && view.transferSyntax === "1.2.840.10008.1.2.4.90" && !view.file.startsWith("VENDOR"),
        `slice ${n + 1}: ${view.status} ${view.transferSyntax} ${view.error}`);
      if (n % 8 === 3) {
        const frame = await page.evaluate(() => window.ssmixViewer.frame());
        frames.push(frame);
        requests.push({ file: join(tree, view.file), frame: view.fileFrame, window: frame.window });
      }
    }
    referenceFrames(requests).forEach((reference, i) => {
      const problem = referenceDifferences(frames[i], reference);
      check(!problem, `${requests[i].file}: ${problem}`);
    });
    writeFileSync(join(artifacts, "j2k-disc.png"), await page.screenshot({ type: "png" }));
  }

  // HTJ2K: what each file was made from (htj2k.json beside the folder) is the reference.
  const made = JSON.parse(readFileSync(run.args.htj2k + ".json", "utf8"));
  await page.evaluate((list) => window.ssmixViewer.addFiles(list),
    Object.keys(made).map((path) => ({ path: "PACS/" + basename(path), base64: readFileSync(path).toString("base64") })));
  const count = Object.keys(made).length;
  const frames = (st) => st.studies.flatMap((x) => x.series).reduce((sum, x) => sum + x.frames, 0);
  let after = await page.evaluate(() => window.ssmixViewer.state());
  for (let i = 0; i < 200 && !(after.ready && frames(after) === frames(state) + count); i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await page.evaluate(() => window.ssmixViewer.state());
  }
  let shown = 0;
  for (const series of after.studies.flatMap((x) => x.series)) {
    await page.evaluate((id) => window.ssmixViewer.open(id), series.id);
    for (let n = 0; n < series.frames; n++) {
      const view = await page.evaluate((k) => window.ssmixViewer.setFrame(k), n);
      if (view.file.startsWith("DICOM/")) continue;   // the disc's own slices (a picked folder's name is not kept)
      check(view.status === "shown" && view.transferSyntax === "1.2.840.10008.1.2.4.201", `HTJ2K ${view.file}: ${view.status} ${view.transferSyntax} ${view.error}`);
      const frame = await page.evaluate(() => window.ssmixViewer.frame());
      const original = Object.entries(made).find(([path]) => view.file.endsWith(basename(path)))[1];
      const [reference] = referenceFrames([{ file: original, frame: 0, window: frame.window }]);
      const problem = referenceDifferences(frame, reference);
      check(!problem, `HTJ2K ${view.file}: ${problem} (against the original slice)`);
      shown++;
    }
  }
  check(shown === count, `HTJ2K: ${shown} of ${count} slices shown`);
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("JPEG 2000 disc");
