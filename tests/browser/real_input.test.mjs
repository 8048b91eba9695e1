// tests/browser/real_input.test.mjs — paging and zooming with the input a physician's hands
// make, sent by the browser's own input pipeline (DevTools / WebDriver BiDi), not setFrame():
// one notch of a mouse wheel (deltaY 120, what a mouse sends) moves one slice each way; a
// trackpad's small deltas (40 pixels) add up to one slice per 100 pixels; the arrow keys move
// one slice; Ctrl+wheel zooms one step; left-drag pans, right-drag sets the window, a
// double-click fits. (A wheel that reports lines, 3 a notch, is counted as one step by
// web/loader.js too; neither driver can send one.)
// usage: node real_input.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { animationFrames, openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
const view = async () => {
  await animationFrames(page, 3);   // ImGui reads input once a frame
  return page.evaluate(() => window.ssmixViewer.state().view);
};
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const state = await page.evaluate(() => window.ssmixViewer.state());
  const series = state.studies.flatMap((s) => s.series).sort((a, b) => b.frames - a.frames)[0];
  await page.evaluate((id) => window.ssmixViewer.open(id), series.id);
  const middle = Math.floor(series.frames / 2);
  await page.evaluate((n) => window.ssmixViewer.setFrame(n), middle);
  // Over the image: the right-hand panel's centre.
  const box = await page.evaluate(() => { const r = document.getElementById("canvas").getBoundingClientRect(); return { x: r.x + r.width * 0.65, y: r.y + r.height * 0.6 }; });
  await page.mouse.move(box.x, box.y);

  await page.mouse.wheel({ deltaY: 120 });
  let v = await view();
  check(v.frame === middle + 1, `one notch down: slice ${v.frame + 1}, expected ${middle + 2} (of ${series.frames})`);
  await page.mouse.wheel({ deltaY: -120 });
  v = await view();
  check(v.frame === middle, `one notch up: slice ${v.frame + 1}, expected ${middle + 1}`);
  for (let i = 0; i < 3; i++) await page.mouse.wheel({ deltaY: 40 });
  v = await view();
  check(v.frame === middle + 1, `three trackpad deltas of 40 px: slice ${v.frame + 1}, expected ${middle + 2}`);
  const expected = middle + 1;
  await page.keyboard.press("ArrowDown");
  v = await view();
  check(v.frame === expected + 1, `ArrowDown: slice ${v.frame + 1}, expected ${expected + 2}`);
  await page.keyboard.press("ArrowUp");
  const back = await view();
  check(back.frame === expected, `ArrowUp: slice ${back.frame + 1}, expected ${expected + 1}`);
  // Ctrl+wheel: Firefox's WebDriver BiDi never delivers a wheel event while Control is held
  // (the page sees the keydown, then nothing), so this is asked of Chromium only.
  if (browserName === "chromium") {
    await page.keyboard.down("Control");
    await page.mouse.wheel({ deltaY: -120 });
    await page.keyboard.up("Control");
    v = await view();
    check(Math.abs(v.zoom - 1.25) < 1e-3 && v.frame === back.frame, `Ctrl+wheel: zoom ${v.zoom}, slice ${v.frame + 1}`);
  }
  // Left-drag pans by the distance dragged; right-drag sets the window (right: wider, down:
  // higher level); a double-click fits the image again.
  // A hand's drag spans several frames (ImGui samples the pointer once a frame; a drag sent
  // all at once would be a click).
  const drag = async (button, dx, dy) => {
    await page.mouse.down({ button });
    for (let i = 1; i <= 4; i++) {
      await animationFrames(page, 1);
      await page.mouse.move(box.x + (dx * i) / 4, box.y + (dy * i) / 4);
    }
    await animationFrames(page, 2);
    await page.mouse.up({ button });
    await page.mouse.move(box.x, box.y);
  };
  await drag("left", 40, 30);
  v = await view();
  check(Math.abs(v.pan[0] - 40) <= 1 && Math.abs(v.pan[1] - 30) <= 1, `left-drag of 40, 30: pan ${JSON.stringify(v.pan)}`);
  const before = v.window;
  await drag("right", 80, 60);
  v = await view();
  check(v.window && v.window.width > before.width && v.window.center > before.center,
    `right-drag right and down: window ${JSON.stringify(before)} -> ${JSON.stringify(v.window)}`);
  // Two clicks a couple of frames apart, as a hand makes them (ImGui samples the button once a frame).
  await page.mouse.click(box.x + 40, box.y + 30, { clickCount: 1 });
  await animationFrames(page, 2);
  await page.mouse.click(box.x + 40, box.y + 30, { clickCount: 2 });
  v = await view();
  check(v.zoom === 1 && v.pan[0] === 0 && v.pan[1] === 0, `double-click: zoom ${v.zoom}, pan ${JSON.stringify(v.pan)}`);
  writeFileSync(join(artifacts, "real-input.png"), await page.screenshot({ type: "png" }));
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("real input");
