// tests/browser/j2k_disc.test.mjs — a DVD whose images stay JPEG 2000 (tests/integration's
// pack_j2k: the sample CT encoded by GDCM): the viewer decodes them from its own data (the
// bundle), pages through every slice, and each compared frame is what the independent
// decoder (reference_frames.py: GDCM then pydicom) makes of the disc's file.
// usage: node j2k_disc.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const here = dirname(fileURLToPath(import.meta.url));

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
    const references = JSON.parse(execFileSync("/usr/bin/python3", [join(here, "reference_frames.py"), "render"],
      { input: JSON.stringify(requests), maxBuffer: 1 << 28 }).toString());
    references.forEach((reference, i) => {
      const a = Buffer.from(frames[i].data, "base64"), b = Buffer.from(reference.data || "", "base64");
      let over = a.length !== b.length ? a.length : 0;
      for (let k = 0; k < b.length; k++) over += Math.abs(a[k] - b[k]) > 1;
      check(!reference.error && over === 0, `${requests[i].file}: ${reference.error || over + " samples differ from GDCM's decoding"}`);
    });
    writeFileSync(join(artifacts, "j2k-disc.png"), await page.screenshot({ type: "png" }));
  }
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("JPEG 2000 disc");
