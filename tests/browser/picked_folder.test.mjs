// tests/browser/picked_folder.test.mjs — a disc packed with --no-bundle (no viewer data): the
// viewer starts with no images and offers 「フォルダを開く」; given the disc's folder (through
// window.ssmixViewer.addFiles, the same path as the folder picker and drag and drop, with the
// picked folder's own name in front of every path) it lists the studies and the letter from
// the files themselves and renders a CT frame exactly as native DCMTK does.
// usage: node picked_folder.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { drawnSoon, filesUnder, openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";
import { frameDifferences, nativeFrame } from "./frames.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const before = await page.evaluate(() => window.ssmixViewer.state());
  check(before.studies.length === 0 && before.documents.length === 0, "a --no-bundle disc shows data before a folder is picked");
  check(await drawnSoon(page, "フォルダを開く"), "no 「フォルダを開く」 button drawn");
  writeFileSync(join(artifacts, "10-before-pick.png"), await page.screenshot({ type: "png" }));

  // The whole disc but the viewer itself, as a folder named "CD" would arrive from the picker.
  const files = filesUnder(tree).filter((path) => !relative(tree, path).startsWith("VIEWER"))
    .map((path) => ({ path: "CD/" + relative(tree, path), base64: readFileSync(path).toString("base64") }));
  await page.evaluate((list) => window.ssmixViewer.addFiles(list), files);

  let state = before;
  for (let i = 0; i < 300 && !(state.ready && state.studies.length === 3 && state.documents.length === 1); i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = await page.evaluate(() => window.ssmixViewer.state());
  }
  const frames = Object.fromEntries(state.studies.flatMap((s) => s.series.map((x) => [s.description, x.frames])));
  check(frames["胸部CT"] === 24 && frames["頭部CT"] === 8 && frames["嚥下造影検査"] === 12, "studies from the picked folder: " + JSON.stringify(frames));
  check(state.documents.length === 1 && state.documents[0].title === "診療情報提供書", "documents from the picked folder: " + JSON.stringify(state.documents));
  check(state.problems.length === 0, "problems: " + state.problems.join("; "));

  const chest = state.studies.find((s) => s.description === "胸部CT");
  if (chest) {
    await page.evaluate((id) => window.ssmixViewer.open(id), chest.series[0].id);
    const shown = await page.evaluate(() => window.ssmixViewer.setFrame(12));
    check(shown.status === "shown" && shown.file.startsWith("DICOM/"), "picked frame: " + JSON.stringify(shown));
    const viewerFrame = await page.evaluate(() => window.ssmixViewer.frame());
    for (const problem of frameDifferences(viewerFrame, nativeFrame(tree, shown.file, shown.fileFrame, shown.transferSyntax, viewerFrame.window), "picked CT frame 13"))
      check(false, problem);
    writeFileSync(join(artifacts, "11-after-pick.png"), await page.screenshot({ type: "png" }));
  }
  run.checkStayedOnDisc(session, ["blob:"]);
} finally {
  writeFileSync(join(artifacts, "picked-console.txt"), session.consoleLines.join("\n") + "\n");
  await session.close();
}
run.finish("picked folder");
