// tests/browser/real_input.test.mjs — paging and zooming with the input a physician's hands
// make, sent by the browser's own input pipeline (DevTools / WebDriver BiDi), not setFrame():
// one notch of a mouse wheel (deltaY 120, what a mouse sends) moves one slice each way; a
// trackpad's small deltas (40 pixels) add up to one slice per 100 pixels; the arrow keys move
// one slice; Ctrl+wheel zooms one step; left-drag pans, right-drag sets the window, a
// double-click fits; a drag with 計測 ticked measures; a click on a letter's section heading
// folds it and another unfolds it. (A wheel that reports lines, 3 a notch, is counted as one step by
// web/loader.js too; neither driver can send one.)
// usage: node real_input.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { animationFrames, drawnRun, drawnSoon, drawnText, goneSoon, openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const here = dirname(fileURLToPath(import.meta.url));
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
  // A key held while frames pass is one slice; each repeat the browser sends is one more. (By
  // ImGui's own clock, 0.8 s held would have been about ten slices, as a busy machine's slow
  // frames once made one press of ↓ move seven.)
  await page.keyboard.down("ArrowDown");
  await new Promise((r) => setTimeout(r, 800));
  let held = await view();
  check(held.frame === expected + 1, `ArrowDown held 0.8 s: slice ${held.frame + 1}, expected ${expected + 2}`);
  if (browserName === "chromium") {   // a second keydown of a held key is the browser's repeat (KeyboardEvent.repeat)
    await page.keyboard.down("ArrowDown");
    held = await view();
    check(held.frame === expected + 2, `ArrowDown repeated once: slice ${held.frame + 1}, expected ${expected + 3}`);
  }
  await page.keyboard.up("ArrowDown");
  await page.evaluate((n) => window.ssmixViewer.setFrame(n), expected);
  // Ctrl+wheel zooms one step. Firefox's WebDriver BiDi never delivers a wheel event while
  // Control is held (the page sees the keydown, then nothing), so Firefox gets the X server's
  // own events instead (xdotool under Xvfb: Control down, wheel button 4, Control up) at the
  // same point of the screen (mozInnerScreenX/Y: where the page sits on the screen).
  if (browserName === "chromium") {
    await page.keyboard.down("Control");
    await page.mouse.wheel({ deltaY: -120 });
    await page.keyboard.up("Control");
  } else {
    const screen = await page.evaluate(() => ({ x: window.mozInnerScreenX, y: window.mozInnerScreenY }));
    execFileSync("xdotool", ["mousemove", String(Math.round(screen.x + box.x)), String(Math.round(screen.y + box.y)),
      "keydown", "ctrl", "click", "4", "keyup", "ctrl"]);
  }
  v = await view();
  check(Math.abs(v.zoom - 1.25) < 1e-3 && v.frame === back.frame, `Ctrl+wheel: zoom ${v.zoom}, slice ${v.frame + 1}`);
  // Left-drag pans by the distance dragged; right-drag sets the window (right: wider, down:
  // higher level); a double-click fits the image again.
  // A hand's drag spans several frames (ImGui samples the pointer once a frame; a drag sent
  // all at once would be a click).
  const dragBetween = async (from, to, button = "left") => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down({ button });
    for (let i = 1; i <= 4; i++) {
      await animationFrames(page, 1);
      await page.mouse.move(from.x + ((to.x - from.x) * i) / 4, from.y + ((to.y - from.y) * i) / 4);
    }
    await animationFrames(page, 2);
    await page.mouse.up({ button });
  };
  const drag = async (button, dx, dy) => {
    await dragBetween(box, { x: box.x + dx, y: box.y + dy }, button);
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

  // 計測 ticked by a click on its label, then a left-drag draws the line: its ends are the image
  // pixels under the press and the release (from where the image is drawn), its length in mm
  // from the file's Pixel Spacing as pydicom reads it, and the length is drawn beside it.
  const label = await drawnRun(page, "計測");
  check(label, "no 計測 checkbox drawn");
  if (label) {
    await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
    await animationFrames(page, 3);
    const geometry = await view();
    const rect = geometry.drawn.imageRect, frameSize = await page.evaluate(() => window.ssmixViewer.frame());
    const toImage = (x, y) => [(x - rect.x) / rect.width * frameSize.width, (y - rect.y) / rect.height * frameSize.height];
    const start = { x: rect.x + rect.width * 0.3, y: rect.y + rect.height * 0.4 };
    const end = { x: rect.x + rect.width * 0.7, y: rect.y + rect.height * 0.55 };
    await dragBetween(start, end);
    const measured = (await view()).measurement;
    const [x1, y1] = toImage(start.x, start.y), [x2, y2] = toImage(end.x, end.y);
    const spacing = JSON.parse(execFileSync("/usr/bin/python3", ["-c",
      "import sys, json, pydicom; print(json.dumps([float(v) for v in pydicom.dcmread(sys.argv[1]).PixelSpacing]))",
      join(tree, geometry.file)], { encoding: "utf8" }));
    const mm = Math.hypot((x2 - x1) * spacing[1], (y2 - y1) * spacing[0]);
    check(measured && Math.abs(measured.x1 - x1) < 1 && Math.abs(measured.y1 - y1) < 1 && Math.abs(measured.x2 - x2) < 1 &&
      Math.abs(measured.y2 - y2) < 1 && Math.abs(measured.mm - mm) < 0.02 * mm,
      `measurement drag: ${JSON.stringify(measured)}, expected (${x1}, ${y1})-(${x2}, ${y2}), ${mm} mm`);
    check(measured && await drawnSoon(page, `${measured.mm.toFixed(1)} mm`), "the measured length is not drawn");
    writeFileSync(join(artifacts, "real-input-measure.png"), await page.screenshot({ type: "png" }));

    // 角度: a drag draws the first arm to the vertex, a click places the third point; the angle
    // is worked out here in mm. Escape removes it.
    const tick = async (word) => {
      const run = await drawnRun(page, word);
      check(run, `no ${word} checkbox drawn`);
      if (run) await page.mouse.click(run.x + run.width / 2, run.y + run.height / 2);
      await animationFrames(page, 3);
    };
    await tick("角度");
    const [p1, p2, p3] = [{ x: rect.x + rect.width * 0.7, y: rect.y + rect.height * 0.3 }, { x: rect.x + rect.width * 0.4, y: rect.y + rect.height * 0.5 },
      { x: rect.x + rect.width * 0.6, y: rect.y + rect.height * 0.75 }];
    await dragBetween(p1, p2);
    await animationFrames(page, 2);
    await page.mouse.move(p3.x, p3.y);
    await animationFrames(page, 2);
    await page.mouse.click(p3.x, p3.y);
    const angle = (await view()).angle;
    const [a, b, c] = [p1, p2, p3].map((p) => toImage(p.x, p.y));
    const arm = (from) => [(from[0] - b[0]) * spacing[1], (from[1] - b[1]) * spacing[0]];
    const [u, w] = [arm(a), arm(c)];
    const degrees = Math.acos((u[0] * w[0] + u[1] * w[1]) / (Math.hypot(...u) * Math.hypot(...w))) * 180 / Math.PI;
    check(angle && angle.points.length === 3 && Math.abs(angle.degrees - degrees) < 0.5,
      `angle by hand: ${JSON.stringify(angle)}, expected ${degrees.toFixed(2)} degrees`);
    check(angle && await drawnSoon(page, `${angle.degrees.toFixed(1)}°`), "the angle is not drawn");
    writeFileSync(join(artifacts, "real-input-angle.png"), await page.screenshot({ type: "png" }));
    await page.keyboard.press("Escape");
    const cleared = await view();
    check(!cleared.angle && !cleared.measurement, "Escape did not remove the measurements: " + JSON.stringify([cleared.angle, cleared.measurement]));

    // 領域: a drag spans the ellipse's box; its HU statistics against pydicom and numpy.
    await tick("領域");
    const from = { x: rect.x + rect.width * 0.35, y: rect.y + rect.height * 0.35 }, to = { x: rect.x + rect.width * 0.6, y: rect.y + rect.height * 0.5 };
    await dragBetween(from, to);
    const region = (await view()).region;
    const [f, t] = [toImage(from.x, from.y), toImage(to.x, to.y)];
    const ellipse = [(f[0] + t[0]) / 2, (f[1] + t[1]) / 2, (t[0] - f[0]) / 2, (t[1] - f[1]) / 2];
    check(region && Math.abs(region.cx - ellipse[0]) < 1 && Math.abs(region.cy - ellipse[1]) < 1 && Math.abs(region.rx - ellipse[2]) < 1 &&
      Math.abs(region.ry - ellipse[3]) < 1, `region by hand: ${JSON.stringify(region)}, expected ${ellipse}`);
    if (region) {
      const shown = await view();
      const want = JSON.parse(execFileSync("/usr/bin/python3", [join(here, "region_oracle.py"), join(tree, shown.file),
        String(shown.fileFrame), String(region.cx), String(region.cy), String(region.rx), String(region.ry)], { encoding: "utf8" }));
      check(region.pixels === want.pixels && Math.abs(region.mean - want.mean) < 1e-6 && Math.abs(region.sd - want.sd) < 1e-6,
        `region by hand: ${JSON.stringify(region)}, pydicom + numpy ${JSON.stringify(want)}`);
      check(await drawnSoon(page, region.unit ? `${region.unit}  SD` : "SD"), "the region's values are not drawn");
    }
    writeFileSync(join(artifacts, "real-input-region.png"), await page.screenshot({ type: "png" }));
    await tick("領域");   // back to panning
  }

  // The letter's sections fold and unfold with a click on their heading.
  const letter = state.documents[0];
  check(letter, "no letter on the disc");
  if (letter) {
    await page.evaluate((id) => window.ssmixViewer.open(id), letter.id);
    const heading = async () => (await drawnText(page)).filter((r) => r.text === "紹介目的").sort((a, b) => b.y - a.y)[0];
    const body = "上腹部痛の精査";
    check(await drawnSoon(page, body), "the letter's first section is not drawn");
    // Pointed at, then clicked, where the heading is drawn once the letter has settled.
    const clickHeading = async () => {
      await animationFrames(page, 3);
      const at = await heading();
      if (!at) return false;
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      await animationFrames(page, 2);
      await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
      return true;
    };
    check(await clickHeading() && await goneSoon(page, body), "a click on the heading did not fold 紹介目的");
    check(await clickHeading() && await drawnSoon(page, body), "a second click did not unfold 紹介目的");
  }
  writeFileSync(join(artifacts, "real-input.png"), await page.screenshot({ type: "png" }));
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("real input");
