// tests/browser/compare_views.test.mjs — two and four views side by side (issue 18, item 1),
// driven as a physician does: the layout chosen by clicking 「2画面」「4画面」, the wheel and the
// arrow keys over a view, a click to make a view active, left-drag to pan, right-drag for the
// window, the 「連動」 box clicked, series dragged from the list onto a view. The disc is made
// here from series written with pydicom (make_compare_series.py); which slice the other view
// must show is worked out here from the positions the generator wrote, not from the viewer.
// usage: node compare_views.test.mjs --tree DIR --artifacts DIR --ssmix BIN [--browser chromium|firefox]
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { animationFrames, clickDrawn, drawnRun, drawnSoon, openPage, settledViewports, waitForViewer } from "./browser.mjs";
import { makeCompareDisc } from "./compare_disc.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, check } = run;
const { work, facts } = makeCompareDisc(run.args.ssmix, tree);
const S = facts.series;

// The frame of `target` nearest the position of `source`'s frame (frames in instance-number
// order, as the generator numbered them; every series here is one stack along its normal).
function nearest(source, frame, target) {
  const z = S[source].z[frame];
  let best = 0;
  S[target].z.forEach((t, i) => { if (Math.abs(t - z) < Math.abs(S[target].z[best] - z)) best = i; });
  return best;
}

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
const views = () => settledViewports(page);
const centre = (v) => ({ x: v.rect.x + v.rect.width / 2, y: v.rect.y + v.rect.height / 2 });
const clickText = (word) => clickDrawn(page, word);
// A hand's drag spans several frames (ImGui samples the pointer once a frame).
const drag = async (from, to, button = "left") => {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button });
  for (let i = 1; i <= 6; i++) {
    await animationFrames(page, 1);
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y + ((to.y - from.y) * i) / 6);
  }
  await animationFrames(page, 2);
  await page.mouse.up({ button });
};
const wheel = async (at, notches) => {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < Math.abs(notches); i++) {
    await page.mouse.wheel({ deltaY: Math.sign(notches) * 120 });
    await animationFrames(page, 2);
  }
};

try {
  const ready = await waitForViewer(page, 120000);
  check(ready.state === "ready", `viewer: ${ready.state} ${ready.error || ""}`);
  await page.evaluate((id) => window.ssmixViewer.open(id), S.A.uid);

  // 「2画面」: A stays in the first view, the next series (B) fills the second at A's position.
  check(await drawnSoon(page, "2画面"), "no 「2画面」 button drawn");
  await clickText("2画面");
  let v = await views();
  check(v.length === 2 && v[0].series === S.A.uid && v[1].series === S.B.uid,
    `2 views: ${JSON.stringify(v.map((x) => x.series))}, expected A then B`);
  check(v[0].active && !v[1].active, "the first view is not the active one");
  check(v[1].frame === nearest("A", v[0].frame, "B"), `B opened at frame ${v[1].frame}, expected ${nearest("A", v[0].frame, "B")}`);
  check(v[1].position === S.B.z[v[1].frame] && v[0].plane === "axial", `B's position ${v[1].position}, plane ${v[0].plane}`);

  // The wheel over the first view scrolls it; the second follows by position.
  await wheel(centre(v[0]), 7);
  v = await views();
  check(v[0].frame === 7, `A after 7 wheel notches: frame ${v[0].frame}`);
  check(v[1].frame === nearest("A", 7, "B"), `B followed A to frame ${v[1].frame}, expected ${nearest("A", 7, "B")} (A at ${S.A.z[7]} mm)`);
  check(v[1].note === "", `B (one frame of reference with A) has a note: ${v[1].note}`);
  await page.keyboard.press("ArrowDown");
  await animationFrames(page, 2);   // two presses, as a hand makes them (not within one frame)
  await page.keyboard.press("ArrowDown");
  v = await views();
  check(v[0].frame === 9 && v[1].frame === nearest("A", 9, "B"), `↓↓: A ${v[0].frame} (expected 9), B ${v[1].frame} (expected ${nearest("A", 9, "B")})`);

  // A click makes the second view active without moving anything; keys and the wheel then go to it.
  const before = v;
  await page.mouse.click(centre(v[1]).x, centre(v[1]).y);
  v = await views();
  check(v[1].active && !v[0].active, "a click did not make the second view active");
  check(v[0].frame === before[0].frame && v[1].frame === before[1].frame, `activating moved the slices: ${before.map((x) => x.frame)} → ${v.map((x) => x.frame)}`);
  await page.keyboard.press("ArrowUp");
  v = await views();
  check(v[1].frame === before[1].frame - 1, `↑ on the active second view: B ${v[1].frame}, expected ${before[1].frame - 1}`);
  check(v[0].frame === nearest("B", v[1].frame, "A"), `A followed B to ${v[0].frame}, expected ${nearest("B", v[1].frame, "A")}`);

  // Linked: left-drag pans both, right-drag sets both windows (both CT).
  await drag(centre(v[1]), { x: centre(v[1]).x + 40, y: centre(v[1]).y + 24 });
  v = await views();
  check(Math.abs(v[1].pan[0] - 40) < 2 && Math.abs(v[1].pan[1] - 24) < 2, `pan of the dragged view: ${v[1].pan}`);
  check(v[0].pan[0] === v[1].pan[0] && v[0].pan[1] === v[1].pan[1], `pan not followed: ${v[0].pan} vs ${v[1].pan}`);
  await drag(centre(v[1]), { x: centre(v[1]).x + 60, y: centre(v[1]).y - 30 }, "right");
  v = await views();
  check(v[1].window && v[1].window.width > 400, `right-drag did not widen the window: ${JSON.stringify(v[1].window)}`);
  check(JSON.stringify(v[0].window) === JSON.stringify(v[1].window), `window not followed: ${JSON.stringify(v[0].window)} vs ${JSON.stringify(v[1].window)}`);
  // Regions measured on each view, in HU, against the generator's values (200 + z rounded down, inside the disc).
  const region = await page.evaluate(() => window.ssmixViewer.measureRegion(32, 32, 4, 4, 0));
  check(region.mean === 200 + Math.floor(S.A.z[v[0].frame]) && region.unit === "HU", `region on the first view: ${JSON.stringify(region)}`);

  // 「連動」 unticked: the other view stays where it is.
  await page.mouse.click(centre(v[1]).x, centre(v[1]).y);
  await animationFrames(page, 3);   // one click a frame, as a hand clicks
  check(await clickText("連動"), "no 「連動」 box drawn");
  let state = await page.evaluate(() => window.ssmixViewer.state().view);
  check(state.linked === false, "clicking 「連動」 did not unlink the views");
  const unlinked = await views();
  await wheel(centre(unlinked[1]), 3);
  v = await views();
  check(v[1].frame === unlinked[1].frame + 3 && v[0].frame === unlinked[0].frame, `unlinked: B ${unlinked[1].frame}→${v[1].frame}, A ${unlinked[0].frame}→${v[0].frame}`);
  await clickText("連動");
  v = await views();
  check(v[0].frame === nearest("B", v[1].frame, "A"), `linked again: A at ${v[0].frame}, expected ${nearest("B", v[1].frame, "A")}`);

  // A series dragged from the list onto the second view: the MR of another frame of reference
  // opens there, with the note that its position is approximate.
  const mrRow = await drawnRun(page, "T2 axial");
  check(mrRow, "the MR series is not in the list");
  if (mrRow) await drag({ x: mrRow.x + 10, y: mrRow.y + mrRow.height / 2 }, centre(v[1]));
  v = await views();
  check(v[1].series === S.C.uid && v[1].active, `after dragging the MR onto the second view: ${v[1].series} (active ${v[1].active})`);
  check(v[1].frame === nearest("A", v[0].frame, "C"), `the MR opened at ${v[1].frame}, expected ${nearest("A", v[0].frame, "C")}`);
  check(v[1].note === "" && v[0].note.includes("目安"),
    `the MR active: its own note "${v[1].note}" (expected none), the CT's "${v[0].note}" (expected: position approximate)`);
  await page.mouse.click(centre(v[0]).x, centre(v[0]).y);
  v = await views();
  check(v[0].active && v[0].note === "" && v[1].note.includes("目安"), `the CT active: notes "${v[0].note}", "${v[1].note}"`);
  check(await drawnSoon(page, "位置は目安"), "the approximate-position note is not drawn");
  const coronalRow = await drawnRun(page, "Coronal");
  if (coronalRow) await drag({ x: coronalRow.x + 10, y: coronalRow.y + coronalRow.height / 2 }, centre(v[0]));
  v = await views();
  check(v[0].series === S.D.uid && v[0].plane === "coronal", `the coronal series dragged onto the first view: ${v[0].series} ${v[0].plane}`);
  await page.mouse.click(centre(v[1]).x, centre(v[1]).y);
  await wheel(centre(v[1]), 1);
  v = await views();
  check(v[0].note.includes("向き"), `the coronal view does not say it is not linked: "${v[0].note}"`);

  // 「4画面」: the views that appear take the next series of the same patient.
  await page.evaluate((a, b) => Promise.all([window.ssmixViewer.showInViewport(0, a), window.ssmixViewer.showInViewport(1, b)]), S.A.uid, S.B.uid);
  await clickText("4画面");
  v = await views();
  check(v.length === 4, `4 views: ${v.length}`);
  const filled = v.map((x) => x.series);
  check(filled[2] !== "" && filled[2] !== filled[3] && filled.every((id) => id === "" || Object.values(S).some((s) => s.uid === id)),
    `the new views were filled with ${JSON.stringify(filled)}`);
  await page.screenshot({ path: join(run.artifacts, "compare-four.png") });

  // Another patient's images (a picked folder) in a view: framed apart, never linked, the header warns.
  const otherDir = join(work, "other", "X");
  const files = readdirSync(otherDir).map((name) => ({ path: "OTHER/X/" + name, base64: readFileSync(join(otherDir, name)).toString("base64") }));
  await page.evaluate((list) => window.ssmixViewer.addFiles(list), files);
  await page.waitForFunction((id) => window.ssmixViewer.state().studies.some((s) => s.series.some((x) => x.id === id)),
    { polling: 100, timeout: 30000 }, facts.other.uid).catch(() => {});
  v = await page.evaluate((id) => window.ssmixViewer.showInViewport(3, id), facts.other.uid);
  const otherFrame = v[3].frame;
  await page.evaluate(() => window.ssmixViewer.activate(0));
  await wheel(centre(v[0]), 4);
  v = await views();
  check(v[3].frame === otherFrame && v[3].note.includes("別の患者"), `another patient's view moved (${otherFrame}→${v[3].frame}) or has no note: "${v[3].note}"`);
  state = await page.evaluate(() => window.ssmixViewer.state());
  check(state.view.otherPatientShown, "the header does not say another patient's images are shown");
  check(await drawnSoon(page, "別の患者"), "「別の患者」 is not drawn");
  const otherOverlay = (await page.evaluate(() => window.ssmixViewer.drawnText())).some((r) => r.text.includes("88002") && r.text.includes("【別の患者】"));
  check(otherOverlay, "the other patient's view does not say 【別の患者】 with its own patient (ID 88002)");
  await page.screenshot({ path: join(run.artifacts, "compare-other-patient.png") });

  // The layout survives a smaller window: four views inside the canvas, side by side.
  await page.setViewport({ width: 1000, height: 680 });
  await animationFrames(page, 6);
  v = await views();
  const canvas = await page.evaluate(() => { const r = document.getElementById("canvas").getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
  check(v.length === 4 && v.every((x) => x.rect.width > 100 && x.rect.x + x.rect.width <= canvas.x + canvas.width + 1 && x.rect.y + x.rect.height <= canvas.y + canvas.height + 1),
    `after resizing: ${JSON.stringify(v.map((x) => x.rect))} in ${JSON.stringify(canvas)}`);
  check(v[0].rect.x + v[0].rect.width <= v[1].rect.x && v[0].rect.y + v[0].rect.height <= v[2].rect.y, "the four views overlap");

  // Back to one view: the API's frame() and setFrame() without an index are the first view's.
  v = await page.evaluate(() => window.ssmixViewer.setLayout("1x1"));
  check(v.length === 1, `1x1: ${v.length} views`);
  const shown = await page.evaluate(() => window.ssmixViewer.setFrame(2));
  check(shown.frame === 2 && (await page.evaluate(() => window.ssmixViewer.frame())).width === 64, "setFrame/frame without an index");
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
  rmSync(work, { recursive: true, force: true });
}
run.finish("compare views");
